/**
 * The anev printed for the rakor evaluasi (PDF, A4 landscape) and as a workbook (XLSX): each figure
 * of the election beside the previous one, for the kab/kota and each kecamatan, with whether it
 * improved.
 */
import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AnevResponse } from '../../../contracts/anev';
import { nilai, selisih, tanggal } from '../../../domain/format/indonesia';
import { waktuSetempat } from '../../../domain/time/zona';
import { pdfTable, renderPdf } from '../../files/pdf';

const PENILAIAN_LABEL = {
  membaik: 'membaik',
  memburuk: 'memburuk',
  tetap: 'tetap',
  tidak_dinilai: '',
} as const;
const PENILAIAN_WARNA = {
  membaik: '#1b7f3a',
  memburuk: '#a4000f',
  tetap: '#555555',
  tidak_dinilai: '#555555',
};

const JUDUL_RINCIAN = {
  kategori_kejadian: 'Kejadian menurut kategori',
  status_kejadian: 'Kejadian menurut akhir penanganan',
  hasil_rujukan: 'Rujukan Bawaslu/Gakkumdu menurut hasil',
} as const;

export function buildAnevPdf(anev: AnevResponse, printedAt: Date): Promise<Buffer> {
  const satuan = new Map(anev.metrik.map((m) => [m.kode, m]));
  const lalu = anev.lalu
    ? `${anev.lalu.nama} (${tanggal(anev.lalu.hariPemungutan)})`
    : 'tidak ada pembanding';
  const content: Content[] = [
    { text: 'ANALISA DAN EVALUASI PENGAMANAN PEMILIHAN', style: 'title' },
    { text: anev.namaWilayah, style: 'subtitle' },
    {
      text: `${anev.kini.nama} (${tanggal(anev.kini.hariPemungutan)}) dibandingkan dengan ${lalu}`,
      margin: [0, 0, 0, 8],
    },
  ];
  for (const w of anev.wilayah) {
    const rows: TableCell[][] = w.baris
      .filter((b) => b.kini !== null || b.lalu !== null)
      .map((b) => {
        const m = satuan.get(b.metrik)!;
        return [
          m.nama,
          nilai(b.kini, m.satuan),
          nilai(b.lalu, m.satuan),
          selisih(b.selisih, m.satuan),
          {
            text: PENILAIAN_LABEL[b.penilaian],
            color: PENILAIAN_WARNA[b.penilaian],
            bold: b.penilaian === 'memburuk',
          },
        ];
      });
    content.push({ text: w.nama, style: 'h2' });
    content.push(
      rows.length === 0
        ? { text: 'Belum ada angka untuk wilayah ini.', italics: true, margin: [0, 0, 0, 8] }
        : pdfTable(['Angka', 'Kini', 'Lalu', 'Selisih', 'Penilaian'], rows, ['*', 70, 70, 60, 70]),
    );
  }
  if (anev.rincian.length > 0) {
    content.push({ text: 'Rincian kejadian dan rujukan (kabupaten/kota)', style: 'h2' });
    for (const [kelompok, judul] of Object.entries(JUDUL_RINCIAN)) {
      const rows = anev.rincian.filter((r) => r.kelompok === kelompok);
      if (rows.length === 0) continue;
      content.push({ text: judul, bold: true, margin: [0, 4, 0, 2] });
      content.push(
        pdfTable(
          ['Rincian', 'Kini', 'Lalu'],
          rows.map((r) => [r.nama, nilai(r.kini), nilai(r.lalu)]),
          ['*', 70, 70],
        ),
      );
    }
  }
  content.push({
    text: `Angka dari catatan Siaga; angka yang dimasukkan dari ringkasan: ${anev.dimasukkan.kini} (kini), ${anev.dimasukkan.lalu} (lalu). Dicetak ${waktuSetempat(printedAt, anev.kodeWilayah)}.`,
    fontSize: 8,
    color: '#555555',
  });
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [36, 36, 36, 36],
    content,
    styles: {
      title: { fontSize: 14, bold: true },
      subtitle: { fontSize: 12, margin: [0, 2, 0, 4] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
    },
    defaultStyle: { fontSize: 9 },
  });
}

export async function buildAnevXlsx(anev: AnevResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('anev');
  sheet.addRow([
    'Wilayah',
    'Kode',
    'Angka',
    anev.kini.nama,
    anev.lalu?.nama ?? 'Pembanding',
    'Selisih',
    'Penilaian',
  ]);
  sheet.getRow(1).font = { bold: true };
  const nama = new Map(anev.metrik.map((m) => [m.kode, m.nama]));
  for (const w of anev.wilayah) {
    for (const b of w.baris) {
      sheet.addRow([
        w.nama,
        w.kode,
        nama.get(b.metrik) ?? b.metrik,
        b.kini,
        b.lalu,
        b.selisih,
        PENILAIAN_LABEL[b.penilaian],
      ]);
    }
  }
  sheet.columns.forEach((column, i) => (column.width = i === 2 ? 34 : 18));
  const rincian = workbook.addWorksheet('rincian');
  rincian.addRow(['Kelompok', 'Kode', 'Rincian', anev.kini.nama, anev.lalu?.nama ?? 'Pembanding']);
  rincian.getRow(1).font = { bold: true };
  for (const r of anev.rincian) rincian.addRow([JUDUL_RINCIAN[r.kelompok], r.kode, r.nama, r.kini, r.lalu]);
  rincian.columns.forEach((column, i) => (column.width = i === 0 || i === 2 ? 36 : 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
