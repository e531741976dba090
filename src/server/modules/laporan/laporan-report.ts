/**
 * The daily situation report Forkopimda prints for the rakor (PDF, A4) and the same day's reports as
 * a spreadsheet (XLSX): the kab/kota report, each kecamatan's, how many kelurahan reported and at
 * which level, the incidents of the day by category, and voting-day progress when there is any.
 */
import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Laporan, LaporanDay } from './laporan-day';
import type { Rollup } from '../../../contracts/hari-h';
import { KATEGORI } from '../../../domain/kejadian/kategori';
import { LABEL_HITUNGAN, HITUNGAN_SITUASI, type LabelLevelSituasi } from '../../../domain/laporan/situasi';
import { LABEL_TAHAP_TPS, TAHAP_TPS } from '../../../domain/hari-h/tps-status';
import { waktuSetempat } from '../../../domain/time/zona';
import { PDF_REPORT_STYLES, pdfPrintedNote, pdfTable, renderPdf } from '../../files/pdf';
import { persen } from '../../../domain/format/indonesia';

const LEVEL_COLOR = { kondusif: '#1b7f3a', waspada: '#7a4b00', genting: '#a4000f' } as const;

function levelCell(r: Laporan, sebutan: LabelLevelSituasi): TableCell {
  return { text: sebutan[r.level], color: LEVEL_COLOR[r.level], bold: r.level !== 'kondusif' };
}

export function buildLaporanHarianPdf(day: LaporanDay, hariH: { rollup: Rollup } | null, printedAt: Date) {
  const depth = (r: Laporan) => r.kodeWilayah.split('.').length;
  const kab = day.reports.filter((r) => depth(r) === 2);
  const kec = day.reports.filter((r) => depth(r) === 3);
  const kel = day.reports.filter((r) => depth(r) === 4);
  const content: Content[] = [
    { text: 'LAPORAN SITUASI HARIAN', style: 'title' },
    { text: `${day.namaWilayah} · ${day.tanggal}`, style: 'subtitle' },
  ];
  content.push({ text: 'Laporan kabupaten/kota', style: 'h2' });
  if (kab.length === 0) content.push({ text: 'Belum ada laporan kabupaten/kota hari ini.', italics: true });
  for (const r of kab) {
    content.push({
      text: [
        { text: `${waktuSetempat(r.slotAt, r.kodeWilayah)} · `, color: '#555555' },
        { text: day.sebutanLevel[r.level], color: LEVEL_COLOR[r.level], bold: true },
        ` · ${r.status}\n${r.narasi || '-'}`,
      ],
      margin: [0, 2, 0, 6],
    });
  }
  content.push(
    { text: 'Laporan kecamatan', style: 'h2' },
    kec.length === 0
      ? { text: 'Belum ada laporan kecamatan hari ini.', italics: true }
      : pdfTable(
          ['Kecamatan', 'Periode', 'Situasi', 'Uraian', 'Terlambat'],
          kec.map((r) => [
            r.namaWilayah,
            waktuSetempat(r.slotAt, r.kodeWilayah),
            levelCell(r, day.sebutanLevel),
            r.narasi || '-',
            r.terlambat ? 'ya' : '',
          ]),
          [80, 80, 55, '*', 45],
        ),
  );
  const perLevel = { kondusif: 0, waspada: 0, genting: 0 };
  for (const r of kel) perLevel[r.level] += 1;
  const sums = Object.fromEntries(
    HITUNGAN_SITUASI.map((k) => [k, kel.reduce((s, r) => s + (r.hitungan[k] ?? 0), 0)]),
  );
  content.push(
    { text: 'Laporan kelurahan/desa', style: 'h2' },
    {
      text: `${kel.length} laporan: ${perLevel.kondusif} ${day.sebutanLevel.kondusif.toLowerCase()}, ${perLevel.waspada} ${day.sebutanLevel.waspada.toLowerCase()}, ${perLevel.genting} ${day.sebutanLevel.genting.toLowerCase()}; ${kel.filter((r) => r.terlambat).length} terlambat. ${HITUNGAN_SITUASI.map((k) => `${LABEL_HITUNGAN[k]} ${sums[k]}`).join(', ')}.`,
      margin: [0, 0, 0, 8],
    },
    { text: 'Kejadian hari ini', style: 'h2' },
    day.kejadian.length === 0
      ? { text: 'Tidak ada kejadian tercatat.', italics: true }
      : pdfTable(
          ['Kategori', 'Keparahan', 'Jumlah'],
          day.kejadian.map((k) => [KATEGORI[k.kategori]?.label ?? k.kategori, k.severity, String(k.n)]),
          ['*', 80, 50],
        ),
  );
  if (hariH !== null && hariH.rollup.jumlahTps > hariH.rollup.perTahap.belum_lapor) {
    const r = hariH.rollup;
    content.push(
      { text: 'Pemungutan suara (hari H)', style: 'h2' },
      pdfTable(
        ['Tahap', 'TPS'],
        TAHAP_TPS.map((t) => [LABEL_TAHAP_TPS[t], String(r.perTahap[t] ?? 0)]),
        ['*', 60],
      ),
      {
        text: `Partisipasi: ${r.partisipasi === null ? 'belum ada data' : persen(r.partisipasi)} dari TPS yang melapor.`,
      },
    );
  }
  content.push(
    pdfPrintedNote(`Dicetak dari Siaga ${waktuSetempat(printedAt.toISOString(), day.kodeWilayah)}`),
  );
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: `Laporan situasi ${day.namaWilayah} ${day.tanggal}` },
    content,
    styles: PDF_REPORT_STYLES,
    defaultStyle: { fontSize: 9 },
  });
}

export async function buildLaporanHarianXlsx(day: LaporanDay): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Laporan situasi');
  sheet.columns = [
    { header: 'Kode wilayah', key: 'kode', width: 16 },
    { header: 'Wilayah', key: 'nama', width: 24 },
    { header: 'Periode', key: 'slot', width: 22 },
    { header: 'Situasi', key: 'level', width: 11 },
    ...HITUNGAN_SITUASI.map((k) => ({ header: LABEL_HITUNGAN[k], key: k, width: 12 })),
    { header: 'Uraian', key: 'narasi', width: 50 },
    { header: 'Pelapor', key: 'pelapor', width: 24 },
    { header: 'Dibuat', key: 'dibuat', width: 22 },
    { header: 'Terlambat', key: 'terlambat', width: 10 },
    { header: 'Status', key: 'status', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of day.reports) {
    sheet.addRow({
      kode: r.kodeWilayah,
      nama: r.namaWilayah,
      slot: waktuSetempat(r.slotAt, r.kodeWilayah),
      level: day.sebutanLevel[r.level],
      ...Object.fromEntries(HITUNGAN_SITUASI.map((k) => [k, r.hitungan[k] ?? 0])),
      narasi: r.narasi,
      pelapor: r.pelapor,
      dibuat: waktuSetempat(r.dibuatAt, r.kodeWilayah),
      terlambat: r.terlambat ? 'ya' : '',
      status: r.status,
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
