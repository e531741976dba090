import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { Rollup } from '../../../contracts/hari-h';
import { LABEL_LEVEL_SITUASI } from '../../../domain/laporan/situasi';
import type { Laporan, LaporanDay } from './laporan-day';
import { CT_NS, SIAGA_NS, SITREP_NS, XNL_NS, buildLaporanHarianSitrep } from './laporan-sitrep';

// Palopo (73.73) is in WITA, UTC+8: its 18:00 report slot is 10:00Z.
const PREPARED_DURING_DAY = new Date('2024-11-20T11:00:00Z');

let seq = 0;
function report(over: Partial<Laporan>): Laporan {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    kodeWilayah: '73.73',
    namaWilayah: 'Kota Palopo',
    slotAt: '2024-11-20T10:00:00.000Z',
    level: 'kondusif',
    narasi: '',
    hitungan: { kejadian: 0, unjukRasa: 0, hoaks: 0, politikUang: 0, gangguanTps: 0 },
    status: 'dikirim',
    via: 'web',
    dibuatAt: '2024-11-20T09:30:00.000Z',
    diterimaAt: '2024-11-20T09:30:00.000Z',
    pelapor: 'Andi (Kesbangpol Palopo)',
    terlambat: false,
    versi: 1,
    dikoreksiAt: null,
    diganti: false,
    ...over,
  };
}

function day(over: Partial<LaporanDay> = {}): LaporanDay {
  return {
    kodeWilayah: '73.73',
    namaWilayah: 'Kota Palopo',
    tanggal: '2024-11-20',
    sebutanLevel: LABEL_LEVEL_SITUASI,
    reports: [
      report({
        level: 'waspada',
        status: 'diterbitkan',
        narasi: 'Situasi umum kondusif; satu kerumunan di Wara.',
      }),
      report({
        kodeWilayah: '73.73.01',
        namaWilayah: 'Wara',
        level: 'waspada',
        narasi: 'Kerumunan pendukung paslon di depan kantor lurah.',
        pelapor: 'Camat Wara',
        hitungan: { kejadian: 0, unjukRasa: 1, hoaks: 0, politikUang: 0, gangguanTps: 0 },
      }),
      report({
        kodeWilayah: '73.73.01.1001',
        namaWilayah: 'Tompotikka',
        level: 'waspada',
        pelapor: 'Lurah Tompotikka',
        hitungan: { kejadian: 1, unjukRasa: 1, hoaks: 0, politikUang: 0, gangguanTps: 0 },
      }),
      report({
        kodeWilayah: '73.73.01.1002',
        namaWilayah: 'Tompotikka Dua',
        level: 'kondusif',
        pelapor: 'Lurah',
        terlambat: true,
        hitungan: { kejadian: 0, unjukRasa: 0, hoaks: 2, politikUang: 0, gangguanTps: 0 },
      }),
    ],
    kejadian: [
      { kategori: 'politik_uang', severity: 'sedang', n: 2 },
      { kategori: 'bentrok_massa', severity: 'kritis', n: 1 },
    ],
    ...over,
  };
}

function rollup(over: Partial<Rollup['perTahap']> = {}): { rollup: Rollup } {
  return {
    rollup: {
      jumlahTps: 10,
      perTahap: {
        belum_lapor: 10,
        petugas_hadir: 0,
        logistik_lengkap: 0,
        dibuka: 0,
        pemungutan: 0,
        ditutup: 0,
        penghitungan_selesai: 0,
        ...over,
      },
      dpt: 2000,
      pemilih: 0,
      dptMelapor: 0,
      partisipasi: null,
    },
  };
}

/** Parses the document back; xmlbuilder2's parser throws on a malformed one. */
function parse(xml: string): Element {
  return create(xml).root().node as unknown as Element;
}

function all(root: Element, ns: string, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, name));
}

function text(root: Element, ns: string, name: string, index = 0): string | null {
  return all(root, ns, name)[index]?.textContent ?? null;
}

/** xmllint (libxml2-utils, as in the CAP test) checks well-formedness and namespace use strictly. */
function xmllint(xml: string): string {
  return execFileSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8', stdio: 'pipe' });
}

describe('buildLaporanHarianSitrep', () => {
  it('writes a well-formed document with the EDXL-SitRep envelope in the specification order', () => {
    const xml = buildLaporanHarianSitrep(day(), rollup({ belum_lapor: 4, dibuka: 6 }), PREPARED_DURING_DAY);
    expect(xmllint(xml)).toBe('');
    const root = parse(xml);
    expect(root.namespaceURI).toBe(SITREP_NS);
    expect(root.localName).toBe('sitRep');
    expect(
      // childNodes, not children: the parser's DOM answers `children` with descendants.
      Array.from(root.childNodes)
        .filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === SITREP_NS)
        .map((e) => e.localName),
    ).toEqual([
      'messageID',
      'preparedBy',
      'authorizedBy',
      'reportPurpose',
      'reportNumber',
      'reportVersion',
      'forTimePeriod',
      'reportTitle',
      'incidentID',
      'urgency',
      'reportConfidence',
      'severity',
      'report',
    ]);
  });

  it('maps the day: summary, kecamatan, kelurahan counts, incidents and voting-day progress', () => {
    const root = parse(
      buildLaporanHarianSitrep(day(), rollup({ belum_lapor: 4, dibuka: 6 }), PREPARED_DURING_DAY),
    );
    expect(text(root, SITREP_NS, 'messageID')).toBe(
      'siaga-laporan-harian-73.73-2024-11-20@2024-11-20T19:00:00+08:00',
    );
    expect(text(root, SITREP_NS, 'reportNumber')).toBe('20241120');
    expect(text(root, SITREP_NS, 'reportVersion')).toBe('Update');
    expect(text(root, SITREP_NS, 'incidentID')).toBe('siaga-pengamanan-pilkada-73.73');
    expect(text(root, SITREP_NS, 'reportTitle')).toBe('Laporan Situasi Harian Kota Palopo 2024-11-20');
    // The published kab/kota report sets the level and is authorized.
    expect(text(root, SITREP_NS, 'severity')).toBe('Moderate');
    expect(text(root, SITREP_NS, 'urgency')).toBe('Expected');
    expect(text(root, SITREP_NS, 'reportConfidence')).toBe('HighlyConfident');
    expect(text(root, XNL_NS, 'nameElement', 0)).toBe('Andi (Kesbangpol Palopo)');
    expect(text(root, CT_NS, 'timeValue', 0)).toBe('2024-11-20T17:30:00+08:00');
    expect(text(root, XNL_NS, 'nameElement', 1)).toBe('Kesbangpol Kota Palopo');

    const report = all(root, SITREP_NS, 'report')[0]!;
    expect(report.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe(
      'SituationInformationType',
    );
    expect(text(root, SITREP_NS, 'incidentName')).toBe('Pengamanan Pilkada Kota Palopo');
    expect(text(root, CT_NS, 'value')).toBe('73.73');

    const [kab, kec] = [all(root, SIAGA_NS, 'kabKota')[0]!, all(root, SIAGA_NS, 'kecamatan')[0]!];
    expect(all(kab, SIAGA_NS, 'laporan')).toHaveLength(1);
    expect(text(kab, SIAGA_NS, 'uraian')).toBe('Situasi umum kondusif; satu kerumunan di Wara.');
    const wara = all(kec, SIAGA_NS, 'laporan')[0]!;
    expect(wara.getAttribute('kodeWilayah')).toBe('73.73.01');
    expect(wara.getAttribute('level')).toBe('waspada');
    expect(wara.getAttribute('periode')).toBe('2024-11-20T18:00:00+08:00');
    expect(text(wara, SIAGA_NS, 'namaWilayah')).toBe('Wara');
    expect(text(wara, SIAGA_NS, 'uraian')).toBe('Kerumunan pendukung paslon di depan kantor lurah.');
    expect(all(wara, SIAGA_NS, 'hitungan')[0]!.getAttribute('unjukRasa')).toBe('1');

    const kel = all(root, SIAGA_NS, 'kelurahan')[0]!;
    expect(
      ['jumlahLaporan', 'kondusif', 'waspada', 'genting', 'terlambat'].map((a) => kel.getAttribute(a)),
    ).toEqual(['2', '1', '1', '0', '1']);
    const sums = all(kel, SIAGA_NS, 'hitungan')[0]!;
    expect([sums.getAttribute('kejadian'), sums.getAttribute('hoaks')]).toEqual(['1', '2']);

    const kejadian = all(root, SIAGA_NS, 'kejadian')[0]!;
    expect(kejadian.getAttribute('jumlah')).toBe('3');
    expect(all(kejadian, SIAGA_NS, 'kategori').map((k) => [k.getAttribute('kode'), k.textContent])).toEqual([
      ['politik_uang', 'Politik uang'],
      ['bentrok_massa', 'Bentrok massa (antarpendukung, posko paslon)'],
    ]);

    const pemungutan = all(root, SIAGA_NS, 'pemungutanSuara')[0]!;
    expect(pemungutan.getAttribute('jumlahTps')).toBe('10');
    expect(pemungutan.hasAttribute('partisipasi')).toBe(false);
    expect(
      all(pemungutan, SIAGA_NS, 'tahap')
        .find((t) => t.getAttribute('kode') === 'dibuka')
        ?.getAttribute('jumlah'),
    ).toBe('6');
  });

  it('escapes user text and drops characters XML cannot carry', () => {
    const narasi = '<script>alert("x")</script> & ]]> tetap \'aman\'';
    const xml = buildLaporanHarianSitrep(
      day({
        namaWilayah: 'Kota <b>Palopo</b> & Co',
        reports: [
          report({
            level: 'genting',
            status: 'disetujui',
            narasi: `${narasi}\u0001`,
            pelapor: 'Budi <img src=x onerror=alert(1)>',
          }),
        ],
      }),
      null,
      PREPARED_DURING_DAY,
    );
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;script&gt;');
    expect(xmllint(xml)).toBe('');
    const root = parse(xml);
    expect(text(root, SIAGA_NS, 'uraian')).toBe(`${narasi}\uFFFD`);
    expect(text(root, SIAGA_NS, 'pelapor')).toBe('Budi <img src=x onerror=alert(1)>');
    expect(text(root, SITREP_NS, 'incidentName')).toBe('Pengamanan Pilkada Kota <b>Palopo</b> & Co');
    expect(text(root, SITREP_NS, 'severity')).toBe('Severe');
    expect(text(root, SITREP_NS, 'urgency')).toBe('Immediate');
  });

  it("writes every time with the region's own UTC offset", () => {
    for (const [kode, offset, slotAt] of [
      ['35.13', '+07:00', '2024-11-20T11:00:00.000Z'], // Kabupaten Probolinggo, WIB
      ['73.73', '+08:00', '2024-11-20T10:00:00.000Z'], // Kota Palopo, WITA
      ['91.71', '+09:00', '2024-11-20T09:00:00.000Z'], // Kota Jayapura, WIT
    ] as const) {
      const root = parse(
        buildLaporanHarianSitrep(
          day({ kodeWilayah: kode, reports: [report({ kodeWilayah: kode, slotAt })], kejadian: [] }),
          null,
          PREPARED_DURING_DAY,
        ),
      );
      expect(text(root, CT_NS, 'fromDateTime')).toBe(`2024-11-20T00:00:00${offset}`);
      expect(text(root, CT_NS, 'toDateTime')).toBe(`2024-11-20T23:59:59${offset}`);
      expect(all(root, SIAGA_NS, 'laporan')[0]!.getAttribute('periode')).toBe(`2024-11-20T18:00:00${offset}`);
      for (const t of all(root, CT_NS, 'timeValue')) expect(t.textContent).toMatch(/^\d{4}-.*[+]0\d:00$/);
    }
  });

  it('says "unknown" and "unsure" for a day without reports, and leaves voting day out', () => {
    for (const hariH of [null, rollup()]) {
      const xml = buildLaporanHarianSitrep(day({ reports: [], kejadian: [] }), hariH, PREPARED_DURING_DAY);
      expect(xmllint(xml)).toBe('');
      const root = parse(xml);
      expect(text(root, SITREP_NS, 'severity')).toBe('Unknown');
      expect(text(root, SITREP_NS, 'urgency')).toBe('Unknown');
      expect(text(root, SITREP_NS, 'reportConfidence')).toBe('Unsure');
      expect(text(root, XNL_NS, 'nameElement', 0)).toBe('Siaga (rekap otomatis)');
      expect(text(root, CT_NS, 'timeValue', 0)).toBe('2024-11-20T19:00:00+08:00');
      expect(text(root, XNL_NS, 'nameElement', 1)).toBe('Kesbangpol Kota Palopo (belum disetujui)');
      expect(all(root, SIAGA_NS, 'laporan')).toEqual([]);
      expect(all(root, SIAGA_NS, 'kelurahan')[0]!.getAttribute('jumlahLaporan')).toBe('0');
      expect(all(root, SIAGA_NS, 'kejadian')[0]!.getAttribute('jumlah')).toBe('0');
      expect(all(root, SIAGA_NS, 'pemungutanSuara')).toEqual([]);
      expect(all(root, SIAGA_NS, 'laporanHarian')[0]!.getAttribute('level')).toBe('tidak_diketahui');
    }
  });

  it('falls back to the worst level reported below, and is only somewhat sure before approval', () => {
    const below = parse(
      buildLaporanHarianSitrep(
        day({
          reports: [
            report({ kodeWilayah: '73.73.01', level: 'genting', narasi: 'Bentrok di posko.' }),
            report({ kodeWilayah: '73.73.01.1001', level: 'kondusif' }),
          ],
        }),
        null,
        PREPARED_DURING_DAY,
      ),
    );
    expect(text(below, SITREP_NS, 'severity')).toBe('Severe');
    expect(text(below, SITREP_NS, 'reportConfidence')).toBe('Unsure');

    const sent = parse(
      buildLaporanHarianSitrep(day({ reports: [report({ level: 'kondusif' })] }), null, PREPARED_DURING_DAY),
    );
    expect(text(sent, SITREP_NS, 'severity')).toBe('Minor');
    expect(text(sent, SITREP_NS, 'reportConfidence')).toBe('SomewhatConfident');
    expect(text(sent, XNL_NS, 'nameElement', 1)).toBe('Kesbangpol Kota Palopo (belum disetujui)');
  });

  it('takes the latest kab/kota report of the day as the summary, and is final once the day has ended', () => {
    const root = parse(
      buildLaporanHarianSitrep(
        day({
          reports: [
            report({ slotAt: '2024-11-20T14:00:00.000Z', level: 'kondusif', status: 'disetujui' }),
            report({ slotAt: '2024-11-20T06:00:00.000Z', level: 'genting', narasi: 'Pagi: bentrok.' }),
          ],
        }),
        null,
        // 00:00:00 WITA on the next day: the day is over.
        new Date('2024-11-20T16:00:00Z'),
      ),
    );
    expect(text(root, SITREP_NS, 'severity')).toBe('Minor');
    expect(text(root, SITREP_NS, 'reportConfidence')).toBe('HighlyConfident');
    expect(text(root, SITREP_NS, 'reportVersion')).toBe('Final');
    expect(all(root, SIAGA_NS, 'laporan')).toHaveLength(2);
  });
});
