/**
 * The weekly social-media picture printed for the rakor (PDF, A4, with bar charts drawn as vectors)
 * and the same figures as a spreadsheet (XLSX, one sheet per table).
 */
import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { RingkasanMedsos } from '../../../contracts/medsos';
import type { KategoriMedsos, StatusTakedown, TujuanTakedown } from '../../../domain/medsos/medsos';
import type { Platform } from '../../../domain/medsos/url';
import { waktuSetempat } from '../../../domain/time/zona';
import { PDF_REPORT_STYLES, pdfPrintedNote, pdfTable, renderPdf } from '../../files/pdf';

export const LABEL_KATEGORI: Record<KategoriMedsos, string> = {
  hoaks: 'Hoaks',
  sara: 'SARA',
  ujaran_kebencian: 'Ujaran kebencian',
  provokasi: 'Provokasi',
  kampanye_hitam: 'Kampanye hitam',
  politik_uang: 'Politik uang',
};
export const LABEL_PLATFORM: Record<Platform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X (Twitter)',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  lainnya: 'Lainnya',
};
const LABEL_TUJUAN: Record<TujuanTakedown, string> = { platform: 'Platform', komdigi: 'Komdigi' };
const LABEL_STATUS: Record<StatusTakedown, string> = {
  diajukan: 'Diajukan',
  diproses: 'Diproses',
  diturunkan: 'Diturunkan',
  ditolak: 'Ditolak',
};

/** "2 hari 4 jam", "3 jam 5 menit", "12 menit". */
export function durasi(minutes: number): string {
  if (minutes < 60) return `${minutes} menit`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} jam ${minutes % 60} menit`;
  return `${Math.floor(minutes / 1440)} hari ${Math.floor((minutes % 1440) / 60)} jam`;
}

/** A horizontal bar chart as pdfmake vectors: label, bar, figure. */
function barChart(title: string, bars: { label: string; value: number }[]): Content {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return {
    stack: [
      { text: title, style: 'h2' },
      ...(bars.length === 0
        ? [{ text: 'Tidak ada.', italics: true } as Content]
        : bars.map((bar): Content => ({
            columns: [
              { text: bar.label, width: 140 },
              {
                width: 260,
                canvas: [
                  {
                    type: 'rect',
                    x: 0,
                    y: 1,
                    w: Math.max(0.5, (250 * bar.value) / max),
                    h: 9,
                    color: '#1f5fa8',
                  },
                ],
              },
              { text: String(bar.value), width: 40 },
            ],
            margin: [0, 1, 0, 1],
          }))),
    ],
    margin: [0, 0, 0, 8],
  };
}

export async function buildRingkasanPdf(week: RingkasanMedsos, printedAt: Date): Promise<Buffer> {
  const kode = week.kodeWilayah ?? '31';
  const content: Content[] = [
    { text: 'RINGKASAN MINGGUAN MEDIA SOSIAL', style: 'title' },
    { text: `${week.namaWilayah} · ${week.dari} s.d. ${week.sampai}`, style: 'subtitle' },
    pdfTable(
      [
        'Unggahan',
        'Diabaikan',
        'Takedown diajukan',
        'Diturunkan',
        'Ditolak',
        'Masih menunggu',
        'Median waktu',
      ],
      [
        [
          String(week.jumlah),
          String(week.diabaikan),
          String(week.takedown.diajukan),
          String(week.takedown.diturunkan),
          String(week.takedown.ditolak),
          String(week.takedown.terbuka),
          week.takedown.medianMenit === null ? '-' : durasi(week.takedown.medianMenit),
        ],
      ],
      ['*', '*', '*', '*', '*', '*', '*'],
    ),
    barChart(
      'Menurut klasifikasi',
      week.perKategori.map((k) => ({ label: LABEL_KATEGORI[k.kategori], value: k.jumlah })),
    ),
    barChart(
      'Menurut platform',
      week.perPlatform.map((p) => ({ label: LABEL_PLATFORM[p.platform], value: p.jumlah })),
    ),
    barChart(
      'Menurut kecamatan',
      week.perKecamatan.map((k) => ({ label: k.nama, value: k.jumlah })),
    ),
    { text: 'Penurunan konten terlama', style: 'h2' },
    week.terlambat.length === 0
      ? { text: 'Tidak ada permintaan penurunan.', italics: true }
      : pdfTable(
          ['Unggahan', 'Tujuan', 'Diajukan', 'Status', 'Lama'],
          week.terlambat.map((t) => [
            { text: t.url, fontSize: 7 },
            LABEL_TUJUAN[t.tujuan],
            waktuSetempat(t.diajukanAt, kode),
            t.selesai ? LABEL_STATUS[t.status] : `${LABEL_STATUS[t.status]} (belum)`,
            durasi(t.menit),
          ]),
          ['*', 'auto', 'auto', 'auto', 'auto'],
        ),
    pdfPrintedNote(
      `Dicetak dari Siaga ${waktuSetempat(printedAt, kode)}. Siaga tidak mengambil data dari platform: setiap unggahan dicatat petugas pemantau.`,
    ),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: `Ringkasan media sosial ${week.namaWilayah} ${week.dari}` },
    content,
    styles: PDF_REPORT_STYLES,
    defaultStyle: { fontSize: 9 },
  });
}

export async function buildRingkasanXlsx(week: RingkasanMedsos): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, columns: { header: string; key: string; width: number }[]) => {
    const s = workbook.addWorksheet(name);
    s.columns = columns;
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
    return s;
  };
  const ringkas = sheet('Ringkasan', [
    { header: 'Ukuran', key: 'k', width: 28 },
    { header: 'Nilai', key: 'v', width: 40 },
  ]);
  for (const [k, v] of [
    ['Wilayah', week.namaWilayah],
    ['Minggu', `${week.dari} s.d. ${week.sampai}`],
    ['Unggahan', week.jumlah],
    ['Diabaikan', week.diabaikan],
    ['Takedown diajukan', week.takedown.diajukan],
    ['Diturunkan', week.takedown.diturunkan],
    ['Ditolak', week.takedown.ditolak],
    ['Masih menunggu', week.takedown.terbuka],
    ['Median waktu penurunan (menit)', week.takedown.medianMenit ?? ''],
  ] as const)
    ringkas.addRow({ k, v });
  const kategori = sheet('Klasifikasi', [
    { header: 'Klasifikasi', key: 'k', width: 24 },
    { header: 'Unggahan', key: 'n', width: 12 },
  ]);
  for (const k of week.perKategori) kategori.addRow({ k: LABEL_KATEGORI[k.kategori], n: k.jumlah });
  const platform = sheet('Platform', [
    { header: 'Platform', key: 'k', width: 20 },
    { header: 'Unggahan', key: 'n', width: 12 },
  ]);
  for (const p of week.perPlatform) platform.addRow({ k: LABEL_PLATFORM[p.platform], n: p.jumlah });
  const kecamatan = sheet('Kecamatan', [
    { header: 'Kode', key: 'kode', width: 14 },
    { header: 'Kecamatan', key: 'k', width: 28 },
    { header: 'Unggahan', key: 'n', width: 12 },
  ]);
  for (const k of week.perKecamatan) kecamatan.addRow({ kode: k.kode ?? '', k: k.nama, n: k.jumlah });
  const terlambat = sheet('Takedown terlama', [
    { header: 'Unggahan', key: 'url', width: 60 },
    { header: 'Tujuan', key: 'tujuan', width: 12 },
    { header: 'Diajukan', key: 'diajukan', width: 24 },
    { header: 'Status', key: 'status', width: 14 },
    { header: 'Selesai', key: 'selesai', width: 10 },
    { header: 'Lama (menit)', key: 'menit', width: 14 },
  ]);
  for (const t of week.terlambat)
    terlambat.addRow({
      url: t.url,
      tujuan: LABEL_TUJUAN[t.tujuan],
      diajukan: waktuSetempat(t.diajukanAt, week.kodeWilayah ?? '31'),
      status: LABEL_STATUS[t.status],
      selesai: t.selesai ? 'ya' : 'belum',
      menit: t.menit,
    });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
