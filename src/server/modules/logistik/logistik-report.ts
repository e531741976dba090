/** The logistics board for the rakor: a printed list (PDF) and a workbook (XLSX) of every leg and its flags. */
import ExcelJS from 'exceljs';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LogistikBoard } from '../../../contracts/logistik';
import { waktuSetempat } from '../../../domain/time/zona';
import { pdfTable, renderPdf } from '../../files/pdf';

type Head = LogistikBoard & { pemilihan: string; printedAt: Date };

const STATUS: Record<string, string> = {
  rencana: 'Rencana',
  dalam_perjalanan: 'Dalam perjalanan',
  terlambat: 'Terlambat',
  tiba: 'Tiba',
  tiba_terlambat: 'Tiba terlambat',
};
const MODA: Record<string, string> = { darat: 'Darat', sungai: 'Sungai', laut: 'Laut', udara: 'Udara' };

const columns = (b: Head) =>
  b.legs.map((l) => [
    `${l.dari.nama} → ${l.ke.nama}`,
    MODA[l.moda] ?? l.moda,
    `${waktuSetempat(l.berangkat, b.kodeKabKota)}\n${waktuSetempat(l.tiba, b.kodeKabKota)}`,
    `${l.kotak} kotak / ${l.suratSuara.toLocaleString('id-ID')} surat suara`,
    l.pengawal.petugas.map((p) => `${p.nama}: ${p.jumlah}`).join('\n') || '-',
    STATUS[l.status] ?? l.status,
    l.serahTerima ? `${l.serahTerima.penerimaNama}, segel ${l.serahTerima.segel.join(', ') || '-'}` : '-',
    l.bendera.map((f) => f.message).join('\n') || '-',
  ]);

export async function buildLaporanPdf(b: Head): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 28],
    content: [
      { text: `Distribusi logistik ${b.namaKabKota}`, bold: true, fontSize: 14 },
      {
        text: `${b.pemilihan} · ${b.ringkasan.total} perjalanan · dicetak ${waktuSetempat(b.printedAt, b.kodeKabKota)}`,
        margin: [0, 2, 0, 8],
      },
      {
        text: `Tiba ${b.ringkasan.perStatus.tiba + b.ringkasan.perStatus.tiba_terlambat}, dalam perjalanan ${b.ringkasan.perStatus.dalam_perjalanan}, terlambat ${b.ringkasan.perStatus.terlambat}, rencana ${b.ringkasan.perStatus.rencana}. Tanpa pengawal ${b.ringkasan.perBendera.tanpa_pengawal}, rantai tidak cocok ${b.ringkasan.perBendera.rantai_tidak_cocok}, TPS belum tiba H-1 ${b.ringkasan.perBendera.tps_belum_tiba_h1}, risiko cuaca ${b.ringkasan.perBendera.risiko_cuaca}.`,
      },
      pdfTable(
        ['Perjalanan', 'Moda', 'Berangkat / tiba', 'Muatan', 'Pengawal', 'Status', 'Serah terima', 'Catatan'],
        columns(b),
        ['*', 40, 90, 80, 80, 55, 90, '*'],
      ),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 8 },
  };
  return renderPdf(doc);
}

export async function buildLaporanXlsx(b: Head): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Siaga';
  const sheet = workbook.addWorksheet('Perjalanan');
  sheet.addRow([
    'dari',
    'ke',
    'moda',
    'berangkat',
    'tiba',
    'jarak_km',
    'waktu_tempuh_menit',
    'kotak',
    'surat_suara',
    'pengawal_perlu',
    'pengawal',
    'status',
    'penerima',
    'segel',
    'bendera',
  ]).font = { bold: true };
  for (const l of b.legs)
    sheet.addRow([
      l.dari.nama,
      l.ke.nama,
      l.moda,
      waktuSetempat(l.berangkat, b.kodeKabKota),
      waktuSetempat(l.tiba, b.kodeKabKota),
      l.jarakKm,
      l.waktuTempuhMenit,
      l.kotak,
      l.suratSuara,
      l.kebutuhanPengawal,
      l.pengawal.petugas.map((p) => `${p.nama}: ${p.jumlah}`).join('; '),
      STATUS[l.status] ?? l.status,
      l.serahTerima?.penerimaNama ?? '',
      l.serahTerima?.segel.join(', ') ?? '',
      l.bendera.map((f) => f.message).join('; '),
    ]);
  sheet.columns.forEach((c) => (c.width = 20));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
