/** The election a service test works in, as the request hook would resolve it (test template: voting day 2024-11-27). */
import { aturanPelanggaranOf, tahapanFor, type JenisPemilihan } from '../../domain/pemilihan/pemilihan';
import { DEMO_PEMILIHAN_ID } from '../db/seeds/demo-pemilihan';
import type { PemilihanContext } from '../modules/pemilihan/pemilihan.service';

export function pemilihanContext(
  over: Partial<PemilihanContext> & { jenis?: JenisPemilihan } = {},
): PemilihanContext {
  const jenis = over.jenis ?? 'pilkada_serentak';
  const hariPemungutan = over.hariPemungutan ?? '2024-11-27';
  return {
    id: DEMO_PEMILIHAN_ID,
    nama: 'Simulasi Pilkada 2024',
    jenis,
    hariPemungutan,
    kodeWilayah: null,
    ditutup: false,
    tahapan: tahapanFor(jenis, hariPemungutan),
    aturanPelanggaran: aturanPelanggaranOf(jenis),
    peserta: 'nasional',
    ...over,
  };
}
