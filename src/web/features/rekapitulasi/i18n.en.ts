/** English for rekapitulasi's texts: loaded only with the English dictionary (src/web/i18n/en.ts). */
import type { idRekap } from './i18n';

export const enRekap: Record<keyof typeof idRekap, string> = {
  'rekap.title': 'Vote recapitulation',
  'rekap.intro':
    'Where and when each district election committee (PPK) and the regency/city KPU recapitulate, and the personnel guarding them.',
  'rekap.ppk': 'PPK {nama} district',
  'rekap.kpu': 'KPU {nama}',
  'rekap.tahap': '{nama}: {dari} – {sampai}',
  'rekap.tanpaTahap': 'This election has no recapitulation stage.',
  'rekap.belum': 'Place and time not set yet.',
  'rekap.ringkasan': '{ditetapkan} of {semua} recapitulation venues set.',
  'rekap.ringkasanKurang': 'Personnel still missing at {kurang}.',
  'rekap.diLuarTahap': 'This time is outside its stage. Check again with the KPU.',
  'rekap.personelLengkap': 'Security personnel complete.',
  'rekap.personelKurang': 'Personnel still missing: {rincian}.',
  'rekap.kind.polri': 'Police',
  'rekap.kind.tni': 'Military',
  'rekap.kind.linmas': 'Linmas',
  'rekap.kind.satpolPp': 'Satpol PP',
  'rekap.tetapkan': 'Set place and time',
  'rekap.ubah': 'Change',
  'rekap.form': 'Recapitulation place and time',
  'rekap.tempat': 'Place',
  'rekap.alamat': 'Address',
  'rekap.mulai': 'Start ({zona})',
  'rekap.selesai': 'End ({zona})',
  'rekap.kebutuhan': 'Personnel needed',
  'rekap.simpan': 'Save',
  'rekap.batal': 'Cancel',
};
