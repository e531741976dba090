/**
 * Plotting lists of a plan version for the apel gelar pasukan and the Polsek: per TPS (who stands at
 * each TPS group) and per unit (where each unit's personnel go, what it keeps in reserve), as PDF
 * (pdfmake, A4 landscape) or both in one XLSX workbook.
 */
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import { pdfListNote, pdfListPages, pdfListTable, pdfPerKecamatan, renderPdf } from '../../files/pdf';
import { waktuSetempat } from '../../../domain/time/zona';
import type { PetugasEntry, UnitPenugasan } from '../../../domain/pengamanan/rencana-tersimpan';
import { labelForce } from './pengamanan-snapshot';
import type { PlanTpsDbRow } from './pengamanan-plan.repo';

const KATEGORI_LABEL: Record<Kategori | 'tiga_pilar', string> = {
  kurang_rawan: 'Kurang rawan',
  rawan: 'Rawan',
  sangat_rawan: 'Sangat rawan',
  khusus: 'TPS khusus',
  tiga_pilar: 'Tiga pilar',
};
const RING_LABEL: Record<string, string> = {
  patroli: 'Ring 3 patroli',
  cadangan: 'Ring 4 cadangan Kapolres',
  cadangan_polda: 'Cadangan Polda',
  sisa: 'Sisa (patroli wilayah)',
};
const STATUS_LABEL: Record<string, string> = {
  draft: 'DRAF',
  approved: 'DISETUJUI',
  superseded: 'DIGANTI VERSI BARU',
};

interface PlottingHead {
  namaWilayah: string;
  /** The election the plan belongs to, printed under the title. */
  namaPemilihan: string;
  /** The plan's kab/kota: its province's zone (WIB, WITA, WIT) is the clock of every time printed. */
  kodeKabKota: string;
  nomor: number;
  status: string;
  approvedBy: string | null;
  approvedAt: Date | null;
  printedAt: Date;
  names: ReadonlyMap<string, string>;
}

const tpsName = (nomor: number) => `TPS ${String(nomor).padStart(3, '0')}`;
const petugasText = (list: readonly PetugasEntry[]) =>
  list.length === 0 ? '-' : list.map((p) => `${p.label}: ${p.count}`).join('\n');

/** Duties besides the TPS, as the plotting list names them. */
const JENIS_TUGAS_LABEL: Record<string, string> = {
  logistik: 'Pengawalan logistik',
  kampanye: 'Pengamanan kampanye',
  patroli: 'Patroli',
  posko: 'Posko',
  rekapitulasi: 'Rekapitulasi',
};
const lainText = (t: NonNullable<UnitPenugasan['tugasLain']>[number]) =>
  `${JENIS_TUGAS_LABEL[t.jenis] ?? t.jenis}: ${t.nama} · ${waktuSetempat(t.mulai, t.kodeWilayah)} s.d. ${waktuSetempat(t.selesai, t.kodeWilayah)}`;

function tugasText(u: UnitPenugasan, names: ReadonlyMap<string, string>): string {
  return [
    ...u.tugas.map(
      (t) =>
        `${names.get(t.kodeKelurahan) ?? t.kodeKelurahan} · ${KATEGORI_LABEL[t.kategori]}${
          t.tps.length > 0 ? ` · ${t.tps.map(tpsName).join(', ')}` : ''
        }: ${t.count}`,
    ),
    ...(u.tugasLain ?? []).map((t) => `${lainText(t)}: ${t.count}`),
  ].join('\n');
}

type PlottingPdf = PlottingHead & {
  by: 'tps' | 'unit';
  rows: readonly PlanTpsDbRow[];
  units: readonly UnitPenugasan[];
};

export function buildPlottingPdf(input: PlottingPdf): Promise<Buffer> {
  return renderPdf(plottingDoc(input));
}

/** A plotting list as a pdfmake document (what buildPlottingPdf renders). */
export function plottingDoc(input: PlottingPdf): TDocumentDefinitions {
  let body: Content;
  if (input.by === 'tps') {
    // A group's need and assignment: the sum of its TPS's shares (all of a kelurahan's TPS are listed).
    const kelompok = new Map<string, { required: number; assigned: number }>();
    for (const r of input.rows) {
      const g = kelompok.get(r.kelompok) ?? { required: 0, assigned: 0 };
      kelompok.set(r.kelompok, {
        required: g.required + r.polri_required,
        assigned: g.assigned + r.polri_assigned,
      });
    }
    body = pdfPerKecamatan(input.rows, (rows) =>
      pdfListTable(
        ['TPS', 'Kelurahan/desa', 'Kategori', 'Polri', 'Linmas', 'Status', 'Personel'],
        rows.map((r): TableCell[] => [
          `${tpsName(r.nomor)}\n${r.kode_tps}`,
          r.kelurahan,
          KATEGORI_LABEL[r.kategori] ?? r.kategori,
          {
            // The TPS's share; a group of several TPS also prints the group's own need once per row.
            text: `${r.polri_assigned}/${r.polri_required}${
              r.kelompok_tps > 1
                ? `\n(kelompok ${r.kelompok_tps} TPS: ${kelompok.get(r.kelompok)?.assigned ?? 0}/${kelompok.get(r.kelompok)?.required ?? 0})`
                : ''
            }`,
            alignment: 'right',
          },
          { text: `${r.linmas_assigned}/${r.linmas_required}`, alignment: 'right' },
          r.covered ? 'Terjaga' : { text: 'KURANG', bold: true, color: '#b00020' },
          petugasText(r.petugas),
        ]),
        [70, 90, 60, 45, 45, 45, '*'],
      ),
    );
  } else {
    body = {
      ...pdfListTable(
        ['Unit', 'Kesatuan', 'Penempatan', 'Cadangan'],
        input.units.map((u): TableCell[] => [
          u.label,
          labelForce(u.force),
          tugasText(u, input.names) || '-',
          u.cadangan.map((c) => `${RING_LABEL[c.ring] ?? c.ring}: ${c.count}`).join('\n') || '-',
        ]),
        [150, 60, '*', 110],
      ),
      margin: [0, 8, 0, 0],
    };
  }
  const title = input.by === 'tps' ? 'DAFTAR PLOTTING PERSONEL PER TPS' : 'DAFTAR PLOTTING PER SATUAN';
  return {
    ...pdfListPages(
      `Siaga · Rencana pengamanan ${input.namaWilayah} · versi ${input.nomor} (${STATUS_LABEL[input.status] ?? input.status})`,
    ),
    info: { title: `${title} ${input.namaWilayah}`, creator: 'Siaga' },
    content: [
      { text: title, style: 'h1' },
      { text: `${input.namaWilayah} · ${input.namaPemilihan}`, style: 'sub' },
      pdfListNote(
        `Rencana versi ${input.nomor}: ${STATUS_LABEL[input.status] ?? input.status}` +
          (input.approvedBy && input.approvedAt
            ? ` oleh ${input.approvedBy}, ${waktuSetempat(input.approvedAt, input.kodeKabKota)}`
            : ' (belum disetujui Kapolres)') +
          ` · dicetak ${waktuSetempat(input.printedAt, input.kodeKabKota)}`,
      ),
      body,
    ],
  };
}

export async function buildPlottingXlsx(
  input: PlottingHead & { rows: readonly PlanTpsDbRow[]; units: readonly UnitPenugasan[] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Siaga';
  const perTps = workbook.addWorksheet('Per TPS');
  perTps.addRow([
    'kode_tps',
    'kecamatan',
    'kelurahan',
    'tps',
    'kategori',
    'kelompok',
    'tps_dalam_kelompok',
    'polri_dibutuhkan',
    'polri_ditugaskan',
    'linmas_dibutuhkan',
    'linmas_ditugaskan',
    'terjaga',
    'personel',
  ]).font = { bold: true };
  for (const r of input.rows)
    perTps.addRow([
      r.kode_tps,
      r.kecamatan,
      r.kelurahan,
      r.nomor,
      r.kategori,
      r.kelompok,
      r.kelompok_tps,
      r.polri_required,
      r.polri_assigned,
      r.linmas_required,
      r.linmas_assigned,
      r.covered ? 'ya' : 'tidak',
      r.petugas.map((p) => `${p.label}: ${p.count}`).join('; '),
    ]);
  perTps.columns.forEach((column) => (column.width = 16));
  const perUnit = workbook.addWorksheet('Per unit');
  perUnit.addRow(['unit', 'kesatuan', 'kelurahan', 'kategori', 'tps', 'jumlah']).font = { bold: true };
  for (const u of input.units) {
    for (const t of u.tugas)
      perUnit.addRow([
        u.label,
        labelForce(u.force),
        input.names.get(t.kodeKelurahan) ?? t.kodeKelurahan,
        KATEGORI_LABEL[t.kategori],
        t.tps.map(tpsName).join(', '),
        t.count,
      ]);
    for (const c of u.cadangan)
      perUnit.addRow([u.label, labelForce(u.force), '', RING_LABEL[c.ring] ?? c.ring, '', c.count]);
    for (const t of u.tugasLain ?? [])
      perUnit.addRow([
        u.label,
        labelForce(u.force),
        input.names.get(t.kodeWilayah) ?? t.kodeWilayah,
        lainText(t),
        '',
        t.count,
      ]);
  }
  perUnit.columns.forEach((column) => (column.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
