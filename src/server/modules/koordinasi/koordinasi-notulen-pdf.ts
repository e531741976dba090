/**
 * The printable minutes (notulen) of a rakor: when and where, attendance with who represented whom,
 * each speaker's points, the decisions as action items with owner and due date, and the items carried
 * over from earlier meetings. A4 portrait, for signing and filing after the meeting.
 */
import type { Content } from 'pdfmake/interfaces';
import type { RakorDetail } from '../../../contracts/koordinasi';
import { waktuSetempat } from '../../../domain/time/zona';
import { PDF_REPORT_STYLES, pdfPrintedNote, pdfTable, renderPdf } from '../../files/pdf';
import { persen } from '../../../domain/format/indonesia';

const JENIS_LABEL: Record<RakorDetail['jenis'], string> = {
  forkopimda: 'Rapat Koordinasi Forkopimda',
  forkopimcam: 'Rapat Koordinasi Forkopimcam',
  tim_terpadu: 'Rapat Tim Terpadu Penanganan Konflik Sosial',
  lintas_sektoral: 'Rapat Koordinasi Lintas Sektoral',
};
const KEHADIRAN_LABEL: Record<RakorDetail['peserta'][number]['kehadiran'], string> = {
  belum_dicatat: 'Belum dicatat',
  hadir: 'Hadir',
  daring: 'Hadir daring',
  diwakili: 'Diwakili',
  tidak_hadir: 'Tidak hadir',
};

export function buildNotulenPdf(rakor: RakorDetail, printedAt: Date): Promise<Buffer> {
  const keputusanRows = rakor.keputusan.map((k, i) => [
    String(i + 1),
    k.keputusan,
    k.ownerAgency.toUpperCase(),
    k.namaWilayah,
    k.dueOn,
  ]);
  const content: Content[] = [
    { text: 'NOTULEN', style: 'title' },
    { text: JENIS_LABEL[rakor.jenis], style: 'subtitle' },
    { text: rakor.judul, bold: true, margin: [0, 0, 0, 8] },
    {
      columns: [
        { width: 90, text: 'Wilayah\nWaktu\nTempat\nKehadiran' },
        {
          text: `${rakor.namaWilayah} (${rakor.kodeWilayah})\n${waktuSetempat(rakor.mulaiAt, rakor.kodeWilayah, 'full')}\n${rakor.tempat || '-'}\n${
            rakor.kehadiran.hadir + rakor.kehadiran.daring + rakor.kehadiran.diwakili
          } dari ${rakor.kehadiran.total} undangan (${persen(rakor.kehadiran.quorumPercent)})`,
        },
      ],
      margin: [0, 0, 0, 10],
    },
    { text: 'Daftar hadir', style: 'h2' },
    pdfTable(
      ['No', 'Jabatan', 'Instansi', 'Kehadiran', 'Paraf'],
      rakor.peserta.map((p, i) => [
        String(i + 1),
        p.jabatan,
        p.agency.toUpperCase(),
        p.kehadiran === 'diwakili' ? `Diwakili ${p.diwakiliOleh ?? ''}` : KEHADIRAN_LABEL[p.kehadiran],
        '',
      ]),
      [20, '*', 70, 110, 50],
    ),
  ];
  if (rakor.agendaLanjutan.length > 0) {
    content.push(
      { text: 'Tindak lanjut rakor sebelumnya yang masih terbuka', style: 'h2' },
      pdfTable(
        ['Keputusan', 'Instansi', 'Batas', 'Status'],
        rakor.agendaLanjutan.map((k) => [
          k.keputusan,
          k.ownerAgency.toUpperCase(),
          k.dueOn,
          k.state === 'terlambat' ? { text: 'Terlambat', color: '#b00020', bold: true } : 'Berjalan',
        ]),
        ['*', 70, 70, 70],
      ),
    );
  }
  content.push({ text: 'Pokok-pokok pembahasan', style: 'h2' });
  if (rakor.catatan.length === 0)
    content.push({ text: '(tidak ada catatan)', italics: true, margin: [0, 0, 0, 10] });
  for (const c of rakor.catatan) {
    content.push(
      { text: c.pembicara, bold: true, margin: [0, 4, 0, 2] },
      { text: c.pokok, margin: [10, 0, 0, 6] },
    );
  }
  content.push(
    { text: 'Keputusan dan tindak lanjut', style: 'h2' },
    keputusanRows.length === 0
      ? { text: '(tidak ada keputusan)', italics: true }
      : pdfTable(['No', 'Keputusan', 'Penanggung jawab', 'Wilayah', 'Batas waktu'], keputusanRows, [
          20,
          '*',
          80,
          80,
          60,
        ]),
    pdfPrintedNote(`Dicetak dari Siaga ${waktuSetempat(printedAt, rakor.kodeWilayah, 'full')}`),
  );
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: `Notulen ${rakor.judul}` },
    content,
    styles: PDF_REPORT_STYLES,
    defaultStyle: { fontSize: 10 },
  });
}
