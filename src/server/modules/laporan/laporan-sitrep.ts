/**
 * The daily situation report as EDXL-SitRep-like XML, beside the PDF and XLSX of laporan-report.ts, so a
 * BPBD, Polri or provincial system can read the day without parsing a PDF.
 *
 * "EDXL-SitRep-like", not EDXL-SitRep: the envelope uses the element names, order, value lists and
 * namespaces of OASIS EDXL-SitRep 1.0 (Committee Specification 02, 2016: lower-camel-case `sitRep`,
 * `messageID`, …; the older CSPRD03 examples spell them `SitRep`, `MessageID`), but the document has not
 * been validated against the official XSD (it is not in this repository and cannot be fetched here), and
 * the body knowingly departs from it: SituationInformationType has no place for per-area levels,
 * narratives or counts, so those travel in Siaga's own namespace inside `report`, and the required
 * `geographicSize` of `primaryIncidentInformation` is left out because Siaga has no such value.
 * Mapping table: docs/domain/laporan.md, "Daily report as EDXL-SitRep-like XML".
 *
 * Times are written with the region's own UTC offset and whole seconds (EDXLDateTimeType, like CAP,
 * allows neither "Z" nor fractions).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Rollup } from '../../../contracts/hari-h';
import { LABEL_TAHAP_TPS, TAHAP_TPS } from '../../../domain/hari-h/tps-status';
import { KATEGORI } from '../../../domain/kejadian/kategori';
import {
  HITUNGAN_SITUASI,
  LEVEL_SITUASI,
  worstLevel,
  type LevelSituasi,
} from '../../../domain/laporan/situasi';
import { awalHariSetempat, isoSetempat, zonaOf } from '../../../domain/time/zona';
import type { Laporan, LaporanDay } from './laporan-day';

export const SITREP_NS = 'urn:oasis:names:tc:emergency:EDXL:SitRep:1.0';
export const CT_NS = 'urn:oasis:names:tc:emergency:edxl:ct:1.0';
export const XNL_NS = 'urn:oasis:names:tc:emergency:edxl:ciq:1.0:xnl';
export const SIAGA_NS = 'urn:siaga:laporan-harian:1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Kemendagri region codes (docs/domain/wilayah.md) as the geocode value list; Siaga's own URI. */
const KODE_WILAYAH_URI = 'urn:siaga:kemendagri:kode-wilayah';

/** Siaga's three levels on EDXL's SeverityDefaultValues; "Extreme" is never claimed (Siaga's default). */
const SEVERITY: Record<LevelSituasi, string> = { kondusif: 'Minor', waspada: 'Moderate', genting: 'Severe' };
/**
 * EDXL's UrgencyDefaultValues for the day's level (Siaga's default): genting asks for action now, waspada
 * soon, kondusif only for the continuing security operation.
 */
const URGENCY: Record<LevelSituasi, string> = {
  kondusif: 'Future',
  waspada: 'Expected',
  genting: 'Immediate',
};

const depth = (r: Laporan) => r.kodeWilayah.split('.').length;

/** The local day [00:00:00, 23:59:59] of `tanggal` in the region, as EDXL dateTimes. */
function dayBounds(tanggal: string, kode: string): { from: Date; to: Date } {
  const from = awalHariSetempat(tanggal, kode);
  return { from, to: new Date(from.getTime() + 86_399_000) };
}

function personTimePair(parent: XMLBuilder, name: string, at: Date, kode: string) {
  parent
    .ele(CT_NS, 'ct:personDetails')
    .ele(XNL_NS, 'xnl:personName')
    .ele(XNL_NS, 'xnl:nameElement')
    .txt(name);
  parent.ele(CT_NS, 'ct:timeValue').txt(isoSetempat(at, kode));
}

function hitungan(parent: XMLBuilder, values: Record<string, number>) {
  const el = parent.ele(SIAGA_NS, 'siaga:hitungan');
  for (const k of HITUNGAN_SITUASI) el.att(k, String(values[k] ?? 0));
}

function laporan(parent: XMLBuilder, r: Laporan) {
  const el = parent
    .ele(SIAGA_NS, 'siaga:laporan')
    .att('kodeWilayah', r.kodeWilayah)
    .att('periode', isoSetempat(new Date(r.slotAt), r.kodeWilayah))
    .att('dibuat', isoSetempat(new Date(r.dibuatAt), r.kodeWilayah))
    .att('level', r.level)
    .att('status', r.status)
    .att('terlambat', String(r.terlambat));
  el.ele(SIAGA_NS, 'siaga:namaWilayah').txt(r.namaWilayah);
  el.ele(SIAGA_NS, 'siaga:pelapor').txt(r.pelapor);
  el.ele(SIAGA_NS, 'siaga:uraian').txt(r.narasi);
  hitungan(el, r.hitungan);
}

/**
 * @param hariH the kab/kota's voting-day counters as they stand now (not as of `tanggal`), as the PDF
 *   prints them; null or no TPS reported yet leaves voting-day progress out.
 * @param preparedAt when the export is made.
 */
export function buildLaporanHarianSitrep(
  day: LaporanDay,
  hariH: { rollup: Rollup } | null,
  preparedAt: Date,
): string {
  const kode = day.kodeWilayah;
  const at = (d: Date) => isoSetempat(d, kode);
  const kab = day.reports.filter((r) => depth(r) === 2);
  const kec = day.reports.filter((r) => depth(r) === 3);
  const kel = day.reports.filter((r) => depth(r) === 4);
  // The consolidated kab/kota report is the situation summary; on voting day there are several, the
  // latest one speaks for the day.
  const ringkasan = [...kab].sort((a, b) => a.slotAt.localeCompare(b.slotAt)).at(-1) ?? null;
  // Without a kab/kota report the worst level reported below stands in (the roll-up rule of
  // situasi.ts); with no report at all the level is unknown, never "kondusif".
  const level = ringkasan?.level ?? worstLevel(day.reports.map((r) => r.level));
  const approved = ringkasan !== null && ringkasan.status !== 'dikirim';
  const { from, to } = dayBounds(day.tanggal, kode);

  // Namespaces on the root once, so that every descendant uses the short prefixes. Characters XML 1.0
  // cannot carry (control characters pasted into a narrative) become U+FFFD instead of breaking the file.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' })
    .ele(SITREP_NS, 'sitRep')
    .att(XMLNS_NS, 'xmlns:ct', CT_NS)
    .att(XMLNS_NS, 'xmlns:xnl', XNL_NS)
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XMLNS_NS, 'xmlns:siaga', SIAGA_NS);

  // Unique per export: the same day exported twice is two messages with possibly different content.
  doc.ele('messageID').txt(`siaga-laporan-harian-${kode}-${day.tanggal}@${at(preparedAt)}`);
  // Prepared by whoever wrote the consolidated report; without one, Siaga assembled the day itself.
  personTimePair(
    doc.ele('preparedBy'),
    ringkasan?.pelapor ?? 'Siaga (rekap otomatis)',
    ringkasan ? new Date(ringkasan.dibuatAt) : preparedAt,
    kode,
  );
  // Kesbangpol approves the kab/kota report (setujui, then terbitkan). The day's data carries the
  // status but not the approver's name or time, so the office is named, with the export time; an
  // unapproved day says so rather than claim an authorization that did not happen.
  personTimePair(
    doc.ele('authorizedBy'),
    `Kesbangpol ${day.namaWilayah}${approved ? '' : ' (belum disetujui)'}`,
    preparedAt,
    kode,
  );
  doc
    .ele('reportPurpose')
    .txt(
      `Laporan situasi harian pengamanan Pilkada ${day.namaWilayah} tanggal ${day.tanggal}, dihimpun dari ` +
        'laporan berjenjang kelurahan/desa, kecamatan dan kabupaten/kota, untuk koordinasi Forkopimda.',
    );
  // Siaga numbers no reports; the date (YYYYMMDD) is unique per kab/kota and day and stays the same
  // when the day is exported again, which is what reportNumber tracks.
  doc.ele('reportNumber').txt(day.tanggal.replaceAll('-', ''));
  // Siaga keeps no record of earlier exports, so it never claims "Initial": a day still running may
  // change ("Update"), a day that has ended is "Final".
  doc.ele('reportVersion').txt(preparedAt.getTime() > to.getTime() ? 'Final' : 'Update');
  doc
    .ele('forTimePeriod')
    .ele(CT_NS, 'ct:fromDateTime')
    .txt(at(from))
    .up()
    .ele(CT_NS, 'ct:toDateTime')
    .txt(at(to));
  doc.ele('reportTitle').txt(`Laporan Situasi Harian ${day.namaWilayah} ${day.tanggal}`);
  // The "incident" is the Pilkada security operation of this kab/kota, one per region.
  doc.ele('incidentID').txt(`siaga-pengamanan-pilkada-${kode}`);
  // incidentLifecyclePhase, originatingMessageID, precedingMessageID, reportingLocation, actionPlan
  // and nextContact are optional and left out: the day's data has no phase (the hari-H counters are
  // current, not of this day, and would mislabel older days), Siaga keeps no earlier exports to point
  // to, and has no action plan or next-report time in the day's data.
  doc.ele('urgency').txt(level === null ? 'Unknown' : URGENCY[level]);
  // How sure the content is: approved by Kesbangpol, sent but not approved, or no kab/kota report
  // (only what came up from below, or nothing).
  doc
    .ele('reportConfidence')
    .txt(ringkasan === null ? 'Unsure' : approved ? 'HighlyConfident' : 'SomewhatConfident');
  doc.ele('severity').txt(level === null ? 'Unknown' : SEVERITY[level]);

  const report = doc.ele('report').att(XSI_NS, 'xsi:type', 'SituationInformationType');
  const primary = report.ele('primaryIncidentInformation');
  primary.ele('incidentName').txt(`Pengamanan Pilkada ${day.namaWilayah}`);
  primary
    .ele('incidentLocation')
    .ele(CT_NS, 'ct:EDXLGeoPoliticalLocation')
    .ele(CT_NS, 'ct:geoCode')
    .ele(CT_NS, 'ct:valueListURI')
    .txt(KODE_WILAYAH_URI)
    .up()
    .ele(CT_NS, 'ct:value')
    .txt(kode);

  const siaga = report
    .ele(SIAGA_NS, 'siaga:laporanHarian')
    .att('kodeWilayah', kode)
    .att('tanggal', day.tanggal)
    .att('zona', zonaOf(kode))
    .att('level', level ?? 'tidak_diketahui');
  siaga.ele(SIAGA_NS, 'siaga:namaWilayah').txt(day.namaWilayah);
  const kabEl = siaga.ele(SIAGA_NS, 'siaga:kabKota');
  for (const r of kab) laporan(kabEl, r);
  const kecEl = siaga.ele(SIAGA_NS, 'siaga:kecamatan');
  for (const r of kec) laporan(kecEl, r);

  // Kelurahan/desa only as counts, as in the PDF: a kab/kota has hundreds of them.
  const perLevel = Object.fromEntries(LEVEL_SITUASI.map((l) => [l, kel.filter((r) => r.level === l).length]));
  const kelEl = siaga
    .ele(SIAGA_NS, 'siaga:kelurahan')
    .att('jumlahLaporan', String(kel.length))
    .att('kondusif', String(perLevel.kondusif))
    .att('waspada', String(perLevel.waspada))
    .att('genting', String(perLevel.genting))
    .att('terlambat', String(kel.filter((r) => r.terlambat).length));
  hitungan(
    kelEl,
    Object.fromEntries(
      HITUNGAN_SITUASI.map((k) => [k, kel.reduce((sum, r) => sum + (r.hitungan[k] ?? 0), 0)]),
    ),
  );

  const kejadianEl = siaga
    .ele(SIAGA_NS, 'siaga:kejadian')
    .att('jumlah', String(day.kejadian.reduce((sum, k) => sum + k.n, 0)));
  for (const k of day.kejadian) {
    kejadianEl
      .ele(SIAGA_NS, 'siaga:kategori')
      .att('kode', k.kategori)
      .att('keparahan', k.severity)
      .att('jumlah', String(k.n))
      .txt(KATEGORI[k.kategori]?.label ?? k.kategori);
  }

  if (hariH !== null && hariH.rollup.jumlahTps > hariH.rollup.perTahap.belum_lapor) {
    const r = hariH.rollup;
    const pemungutan = siaga
      .ele(SIAGA_NS, 'siaga:pemungutanSuara')
      .att('keadaanPada', at(preparedAt))
      .att('jumlahTps', String(r.jumlahTps));
    // Turnout is absent, not zero, before any TPS reported a count.
    if (r.partisipasi !== null) pemungutan.att('partisipasi', String(r.partisipasi));
    for (const t of TAHAP_TPS) {
      pemungutan
        .ele(SIAGA_NS, 'siaga:tahap')
        .att('kode', t)
        .att('jumlah', String(r.perTahap[t] ?? 0))
        .txt(LABEL_TAHAP_TPS[t]);
    }
  }
  return doc.end({ prettyPrint: true });
}
