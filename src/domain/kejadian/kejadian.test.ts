import { describe, expect, it } from 'vitest';
import { ZONA_OFFSET_HOURS } from '../time/zona';
import {
  applyEscalation,
  canTransition,
  DEFAULT_ESCALATION_POLICY,
  escalationDue,
  newKejadian,
  STATUS_KEJADIAN,
  transition,
  type Kejadian,
} from './alur';
import {
  addHariKerja,
  deadlines,
  deadlineStatus,
  dueFrom,
  isHariKerja,
  type TenggatGakkumdu,
} from './gakkumdu';
import {
  isPelanggaran,
  KATEGORI,
  KATEGORI_KEJADIAN,
  kategoriFromKodeSms,
  PENANGANAN_PELANGGARAN,
  TUJUAN_RUJUKAN,
} from './kategori';

const at = (iso: string): Date => new Date(iso);
const WITA = ZONA_OFFSET_HOURS.WITA;
const WIB = ZONA_OFFSET_HOURS.WIB;
const policy = DEFAULT_ESCALATION_POLICY;

describe('kategori kejadian', () => {
  it('covers the categories the seeds name, each with a label, severity and SMS code', () => {
    for (const k of [
      'politik_uang',
      'netralitas_asn',
      'bentrok_massa',
      'kesehatan_petugas',
      'hoaks_provokasi',
    ] as const) {
      expect(KATEGORI_KEJADIAN).toContain(k);
    }
    for (const k of KATEGORI_KEJADIAN) {
      expect(KATEGORI[k].label).not.toBe('');
      expect(KATEGORI[k].kodeSms.length).toBeGreaterThan(0);
    }
  });
  it('routes violations by kind: money politics to Gakkumdu, ASN to Bawaslu/BKN, KPPS bias to the KPU kab/kota', () => {
    expect(KATEGORI.politik_uang.pelanggaran).toBe('pidana');
    expect(KATEGORI.netralitas_asn.pelanggaran).toBe('netralitas_asn');
    // Ad hoc bodies (PPK, PPS, KPPS) answer to the KPU kab/kota; DKPP only for KPU/Bawaslu members.
    expect(KATEGORI.penyelenggara_tidak_netral.pelanggaran).toBe('kode_etik_adhoc');
    expect(PENANGANAN_PELANGGARAN.kode_etik_adhoc).toMatchObject({ tujuan: 'kpu_kabkota' });
    expect(KATEGORI.penyelenggara_tidak_netral.jalurLain.map((j) => j.jenis)).toEqual(['kode_etik']);
    expect(isPelanggaran('bencana')).toBe(false);
    expect(KATEGORI.bentrok_massa.keparahanDefault).toBe('kritis');
  });
  it('sends campaigning outside the schedule the criminal way (UU 10/2016 Pasal 187 ayat (1))', () => {
    expect(KATEGORI.kampanye_di_luar_jadwal.pelanggaran).toBe('pidana');
    expect(PENANGANAN_PELANGGARAN.pidana.tujuan).toBe('gakkumdu');
  });
  it('gives ASN, kepala desa and lurah the criminal route of Pasal 71 ayat (1) jo. Pasal 188', () => {
    const pidana = KATEGORI.netralitas_asn.jalurLain.find((j) => j.jenis === 'pidana');
    expect(pidana?.bila).toContain('Pasal 71 ayat (1) jo. Pasal 188');
    expect(kategoriFromKodeSms('kades')).toBe('netralitas_asn');
  });
  it('routes Polri members to Propam and TNI members to the military police, through Bawaslu', () => {
    expect(KATEGORI.netralitas_tni_polri.pelanggaran).toBe('netralitas_polri');
    expect(KATEGORI.netralitas_tni_polri.jalurLain.map((j) => j.jenis)).toEqual(['netralitas_tni']);
    expect(PENANGANAN_PELANGGARAN.netralitas_polri.penangan).toContain('Propam');
    expect(PENANGANAN_PELANGGARAN.netralitas_tni.penangan).toContain('Polisi Militer');
    expect(TUJUAN_RUJUKAN).toEqual(expect.arrayContaining(['propam', 'pom_tni', 'kpu_kabkota']));
  });
  it('gives every SMS code to exactly one category', () => {
    const codes = KATEGORI_KEJADIAN.flatMap((k) => KATEGORI[k].kodeSms);
    expect(new Set(codes).size).toBe(codes.length);
    expect(kategoriFromKodeSms('banjir')).toBe('gangguan_akses_tps');
    expect(kategoriFromKodeSms('XYZ')).toBeNull();
  });
});

describe('incident state machine', () => {
  const t0 = at('2024-11-27T02:00:00Z');
  const base = newKejadian({ keparahan: 'sedang', reporterLevel: 'kelurahan', reportedAt: t0 });
  it('allows exactly the documented transitions', () => {
    const allowed = STATUS_KEJADIAN.flatMap((from) =>
      STATUS_KEJADIAN.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'baru>diverifikasi',
        'baru>digabung',
        'baru>ditolak',
        'baru>dirujuk',
        'diverifikasi>ditangani',
        'diverifikasi>dirujuk',
        'ditangani>selesai',
        'ditangani>dirujuk',
      ].sort(),
    );
  });
  it('walks baru → diverifikasi → ditangani → selesai', () => {
    const v = transition(base, { type: 'verifikasi' }, 'kelurahan', at('2024-11-27T02:05:00Z'));
    expect(v.ok && v.value.status).toBe('diverifikasi');
    if (!v.ok) return;
    const h = transition(
      v.value,
      { type: 'tangani', penanggungJawab: 'Bhabinkamtibmas Tompotikka' },
      'kelurahan',
      at('2024-11-27T02:10:00Z'),
    );
    expect(h.ok && h.value.assignedAt?.toISOString()).toBe('2024-11-27T02:10:00.000Z');
    if (!h.ok) return;
    const s = transition(
      h.value,
      { type: 'selesaikan', catatan: 'Massa bubar' },
      'kelurahan',
      at('2024-11-27T03:00:00Z'),
    );
    expect(s.ok && s.value.status).toBe('selesai');
    if (!s.ok) return;
    expect(
      transition(s.value, { type: 'rujuk', tujuan: 'bawaslu' }, 'kabkota', at('2024-11-27T04:00:00Z')),
    ).toEqual({
      ok: false,
      code: 'transisi_tidak_sah',
    });
  });
  it('merges duplicates, rejects noise with a reason and refers open incidents', () => {
    const g = transition(base, { type: 'gabung', intoId: 'kej-1' }, 'kelurahan', t0);
    expect(g.ok && g.value.mergedIntoId).toBe('kej-1');
    expect(transition(base, { type: 'tolak', alasan: ' ' }, 'kelurahan', t0)).toEqual({
      ok: false,
      code: 'data_wajib',
    });
    const r = transition(base, { type: 'rujuk', tujuan: 'gakkumdu' }, 'kelurahan', t0);
    expect(r.ok && r.value.referredTo).toBe('gakkumdu');
    expect(transition(base, { type: 'selesaikan', catatan: 'x' }, 'kelurahan', t0)).toEqual({
      ok: false,
      code: 'transisi_tidak_sah',
    });
  });
  it('lets only the owning level or a higher one act', () => {
    const atKecamatan: Kejadian = { ...base, level: 'kecamatan' };
    expect(transition(atKecamatan, { type: 'verifikasi' }, 'kelurahan', t0)).toEqual({
      ok: false,
      code: 'level_tidak_berwenang',
    });
    expect(transition(atKecamatan, { type: 'verifikasi' }, 'kabkota', t0).ok).toBe(true);
  });
  it('rejects an action dated before the report', () => {
    expect(transition(base, { type: 'verifikasi' }, 'kelurahan', at('2024-11-27T01:59:59Z'))).toEqual({
      ok: false,
      code: 'waktu_tidak_valid',
    });
  });
  it('escalates by hand one level at a time, up to the Forkopimda', () => {
    const up = transition(base, { type: 'eskalasi' }, 'kelurahan', at('2024-11-27T02:01:00Z'));
    expect(up.ok && up.value.level).toBe('kecamatan');
    const top: Kejadian = { ...base, level: 'kabkota' };
    expect(transition(top, { type: 'eskalasi' }, 'kabkota', t0)).toEqual({
      ok: false,
      code: 'sudah_level_tertinggi',
    });
  });
  it('starts a kritis incident at kecamatan, and lifts one re-graded kritis on verification', () => {
    expect(newKejadian({ keparahan: 'kritis', reporterLevel: 'kelurahan', reportedAt: t0 }).level).toBe(
      'kecamatan',
    );
    expect(newKejadian({ keparahan: 'rendah', reporterLevel: 'kabkota', reportedAt: t0 }).level).toBe(
      'kabkota',
    );
    const v = transition(
      base,
      { type: 'verifikasi', keparahan: 'kritis' },
      'kelurahan',
      at('2024-11-27T02:03:00Z'),
    );
    expect(v.ok && [v.value.level, v.value.keparahan, v.value.levelSince.toISOString()]).toEqual([
      'kecamatan',
      'kritis',
      '2024-11-27T02:03:00.000Z',
    ]);
  });
});

describe('escalation clock', () => {
  const t0 = at('2024-11-27T02:00:00Z');
  it.each([
    ['kritis', 15],
    ['tinggi', 60],
    ['sedang', 240],
    ['rendah', 1440],
  ] as const)('%s escalates when unverified for %i minutes', (keparahan, minutes) => {
    const k: Kejadian = {
      ...newKejadian({ keparahan, reporterLevel: 'kelurahan', reportedAt: t0 }),
      level: 'kelurahan',
    };
    const dueAt = new Date(t0.getTime() + minutes * 60_000);
    const before = escalationDue(k, new Date(dueAt.getTime() - 1), policy);
    expect(before).toMatchObject({ isDue: false, dueAt, nextLevel: 'kecamatan', minutesLeft: 0 });
    expect(escalationDue(k, dueAt, policy)).toMatchObject({ isDue: true, minutesLeft: 0 });
  });
  it('shows minutes left and overdue minutes', () => {
    const k = newKejadian({ keparahan: 'tinggi', reporterLevel: 'kelurahan', reportedAt: t0 });
    expect(escalationDue(k, at('2024-11-27T02:20:00Z'), policy).minutesLeft).toBe(40);
    expect(escalationDue(k, at('2024-11-27T03:10:30Z'), policy).minutesLeft).toBe(-11);
  });
  it('restarts the clock from verification and stops it once someone handles the incident', () => {
    const k = newKejadian({ keparahan: 'tinggi', reporterLevel: 'kelurahan', reportedAt: t0 });
    const v = transition(k, { type: 'verifikasi' }, 'kelurahan', at('2024-11-27T02:30:00Z'));
    if (!v.ok) throw new Error(v.code);
    expect(escalationDue(v.value, at('2024-11-27T03:00:00Z'), policy).dueAt?.toISOString()).toBe(
      '2024-11-27T03:30:00.000Z',
    );
    const h = transition(
      v.value,
      { type: 'tangani', penanggungJawab: 'Kapolsek Wara' },
      'kelurahan',
      at('2024-11-27T02:40:00Z'),
    );
    if (!h.ok) throw new Error(h.code);
    expect(escalationDue(h.value, at('2024-11-28T00:00:00Z'), policy)).toMatchObject({
      isDue: false,
      dueAt: null,
    });
  });
  it('climbs as many levels as are due, each clock starting when the last ran out, and stops at kabkota', () => {
    const k = newKejadian({ keparahan: 'tinggi', reporterLevel: 'kelurahan', reportedAt: t0 });
    const after90 = applyEscalation(k, at('2024-11-27T03:30:00Z'), policy);
    expect([after90.level, after90.levelSince.toISOString()]).toEqual([
      'kecamatan',
      '2024-11-27T03:00:00.000Z',
    ]);
    const after3h = applyEscalation(k, at('2024-11-27T05:00:00Z'), policy);
    expect([after3h.level, after3h.levelSince.toISOString()]).toEqual([
      'kabkota',
      '2024-11-27T04:00:00.000Z',
    ]);
    expect(escalationDue(after3h, at('2024-11-28T00:00:00Z'), policy)).toMatchObject({
      nextLevel: null,
      isDue: false,
    });
    expect(applyEscalation(k, at('2024-11-27T02:59:59Z'), policy)).toBe(k);
  });
});

describe('working days', () => {
  it('skips weekends and listed holidays', () => {
    expect(isHariKerja('2024-11-29')).toBe(true); // Friday
    expect(isHariKerja('2024-11-30')).toBe(false); // Saturday
    expect(isHariKerja('2024-11-27', ['2024-11-27'])).toBe(false); // voting day declared a holiday
    expect(addHariKerja('2024-11-29', 1)).toBe('2024-12-02'); // Friday + 1 = Monday
    expect(addHariKerja('2024-11-30', 1)).toBe('2024-12-02'); // Saturday + 1 = Monday
    expect(addHariKerja('2024-11-29', 1, ['2024-12-02'])).toBe('2024-12-03');
  });
});

/** Status of a deadline as if its milestone happened at `doneIso`. */
const metAt = (d: TenggatGakkumdu, doneIso: string): string =>
  deadlineStatus({ ...d, doneAt: at(doneIso) }, at(doneIso), 24);

describe('Gakkumdu deadlines, Pilkada rule set', () => {
  // Known on H, 10:00 WITA in Palopo.
  const diketahuiAt = at('2024-11-27T02:00:00Z');
  it('closes the 7-day report window at the end of D+7 in the region zone', () => {
    const [lapor] = deadlines('pilkada', { diketahuiAt }, WITA);
    expect(lapor?.step).toBe('lapor');
    expect(lapor?.basis).toBe('kalender');
    expect(lapor?.dueAt.toISOString()).toBe('2024-12-04T15:59:59.999Z'); // 4 Dec 23:59:59.999 WITA
    expect(metAt(lapor!, '2024-12-04T15:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(lapor!, '2024-12-04T16:00:00.000Z')).toBe('lewat');
    expect(deadlineStatus(lapor!, at('2024-12-04T15:59:59.999Z'), 24)).toBe('segera');
    expect(deadlineStatus(lapor!, at('2024-12-04T16:00:00.000Z'), 24)).toBe('lewat');
  });
  it('counts D in the local zone: 00:30 WITA is already the next day', () => {
    const late = deadlines('pilkada', { diketahuiAt: at('2024-11-27T16:30:00Z') }, WITA)[0]!;
    expect(late.dueAt.toISOString()).toBe('2024-12-05T15:59:59.999Z');
    // The same instant in Jakarta (23:30 WIB) is still 27 Nov.
    const jkt = deadlines('pilkada', { diketahuiAt: at('2024-11-27T16:30:00Z') }, WIB)[0]!;
    expect(jkt.dueAt.toISOString()).toBe('2024-12-04T16:59:59.999Z');
  });
  it('warns from warnBeforeHours before the deadline, inclusive', () => {
    const lapor = deadlines('pilkada', { diketahuiAt }, WITA)[0]!;
    const due = lapor.dueAt.getTime();
    expect(deadlineStatus(lapor, new Date(due - 24 * 3_600_000 - 1), 24)).toBe('aman');
    expect(deadlineStatus(lapor, new Date(due - 24 * 3_600_000), 24)).toBe('segera');
  });
  it('gives Bawaslu 3 days to follow up, 5 when it asks for more information', () => {
    const dilaporkanAt = at('2024-11-28T03:00:00Z');
    const plain = deadlines('pilkada', { diketahuiAt, dilaporkanAt }, WITA).find(
      (d) => d.step === 'tindak_lanjut',
    )!;
    expect(plain.dueAt.toISOString()).toBe('2024-12-01T15:59:59.999Z');
    const extended = deadlines(
      'pilkada',
      { diketahuiAt, dilaporkanAt, keteranganTambahanAt: at('2024-11-29T00:00:00Z') },
      WITA,
    ).filter((d) => d.step === 'tindak_lanjut');
    expect(extended).toHaveLength(1);
    expect(extended[0]!.dueAt.toISOString()).toBe('2024-12-03T15:59:59.999Z');
    expect(metAt(extended[0]!, '2024-12-03T15:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(extended[0]!, '2024-12-03T16:00:00.000Z')).toBe('lewat');
  });
  it('forwards to investigators within exactly 1×24 hours of the crime decision', () => {
    const diputuskanPidanaAt = at('2024-12-02T05:00:00Z');
    const d = deadlines('pilkada', { diketahuiAt, diputuskanPidanaAt }, WITA).find(
      (x) => x.step === 'teruskan_penyidik',
    )!;
    expect(d.basis).toBe('jam');
    expect(d.dueAt.toISOString()).toBe('2024-12-03T05:00:00.000Z');
    expect(metAt(d, '2024-12-03T05:00:00.000Z')).toBe('terpenuhi');
    expect(metAt(d, '2024-12-03T05:00:00.001Z')).toBe('lewat');
  });
  it('counts the investigation in 14 working days, skipping weekends and holidays', () => {
    // Forwarded Tue 3 Dec 2024 → the 14th working day after it is Mon 23 Dec.
    const diteruskanPenyidikAt = at('2024-12-03T02:00:00Z');
    const d = deadlines('pilkada', { diketahuiAt, diteruskanPenyidikAt }, WITA).find(
      (x) => x.step === 'penyidikan',
    )!;
    expect(d.basis).toBe('kerja');
    expect(d.dueAt.toISOString()).toBe('2024-12-23T15:59:59.999Z');
    expect(metAt(d, '2024-12-23T15:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(d, '2024-12-23T16:00:00.000Z')).toBe('lewat');
    const withHoliday = deadlines('pilkada', { diketahuiAt, diteruskanPenyidikAt }, WITA, [
      '2024-12-11',
    ]).find((x) => x.step === 'penyidikan')!;
    expect(withHoliday.dueAt.toISOString()).toBe('2024-12-24T15:59:59.999Z'); // one day later
  });
  it('lists the court steps in order once the case moves, and the returned-file loop only when it happens', () => {
    const m = {
      diketahuiAt,
      dilaporkanAt: at('2024-11-28T03:00:00Z'),
      diputuskanPidanaAt: at('2024-12-02T05:00:00Z'),
      diteruskanPenyidikAt: at('2024-12-03T02:00:00Z'),
      dilimpahkanPenuntutAt: at('2024-12-16T02:00:00Z'), // Monday
      dilimpahkanPengadilanAt: at('2024-12-20T02:00:00Z'),
      diputusPnAt: at('2024-12-27T02:00:00Z'),
      bandingAt: at('2024-12-30T02:00:00Z'),
    };
    const list = deadlines('pilkada', m, WITA);
    expect(list.map((d) => d.step)).toEqual([
      'lapor',
      'tindak_lanjut',
      'teruskan_penyidik',
      'penyidikan',
      'limpah_pengadilan',
      'putusan_pn',
      'banding',
      'putusan_pt',
    ]);
    const byStep = Object.fromEntries(list.map((d) => [d.step, d.dueAt.toISOString()]));
    expect(byStep.limpah_pengadilan).toBe('2024-12-23T15:59:59.999Z'); // Mon 16 + 5 working days
    expect(byStep.putusan_pn).toBe('2024-12-27T15:59:59.999Z');
    expect(byStep.banding).toBe('2024-12-30T15:59:59.999Z');
    expect(byStep.putusan_pt).toBe('2025-01-06T15:59:59.999Z');
    const returned = deadlines(
      'pilkada',
      {
        diketahuiAt,
        dilaporkanAt: m.dilaporkanAt,
        diputuskanPidanaAt: m.diputuskanPidanaAt,
        diteruskanPenyidikAt: m.diteruskanPenyidikAt,
        dilimpahkanPenuntutAt: m.dilimpahkanPenuntutAt,
        berkasDikembalikanAt: at('2024-12-18T02:00:00Z'),
      },
      WITA,
    ).map((d) => d.step);
    expect(returned).toEqual([
      'lapor',
      'tindak_lanjut',
      'teruskan_penyidik',
      'penyidikan',
      'jaksa_kembalikan',
      'penyidik_lengkapi',
    ]);
  });
  it('marks a step that was met late as lewat, not terpenuhi', () => {
    const lapor = deadlines('pilkada', { diketahuiAt, dilaporkanAt: at('2024-12-06T00:00:00Z') }, WITA)[0]!;
    expect(deadlineStatus(lapor, at('2024-12-06T00:00:00Z'), 24)).toBe('lewat');
  });
});

describe('Gakkumdu deadlines, Pemilu rule set (UU 7/2017 Pasal 454)', () => {
  // Known on Pemilu day, Wed 14 Feb 2024, 11:00 WIB.
  const diketahuiAt = at('2024-02-14T04:00:00Z');
  it('closes the report window at the end of the 7th working day', () => {
    const lapor = deadlines('pemilu', { diketahuiAt }, WIB)[0]!;
    expect(lapor.basis).toBe('kerja');
    expect(lapor.dueAt.toISOString()).toBe('2024-02-23T16:59:59.999Z'); // Fri 23 Feb 23:59:59.999 WIB
    expect(metAt(lapor, '2024-02-23T16:59:59.999Z')).toBe('terpenuhi');
    expect(metAt(lapor, '2024-02-23T17:00:00.000Z')).toBe('lewat');
  });
  it('differs from Pilkada for the same day: 7 working days, not 7 calendar days', () => {
    const pilkada = deadlines('pilkada', { diketahuiAt }, WIB)[0]!;
    expect(pilkada.dueAt.toISOString()).toBe('2024-02-21T16:59:59.999Z');
  });
  it('follows up within 7 days, or 14 working days when more information is needed', () => {
    const dilaporkanAt = at('2024-02-15T03:00:00Z'); // Thursday
    const plain = deadlines('pemilu', { diketahuiAt, dilaporkanAt }, WIB).find(
      (d) => d.step === 'tindak_lanjut',
    )!;
    expect(plain.dueAt.toISOString()).toBe('2024-02-22T16:59:59.999Z');
    const ext = deadlines(
      'pemilu',
      { diketahuiAt, dilaporkanAt, keteranganTambahanAt: dilaporkanAt },
      WIB,
    ).find((d) => d.step === 'tindak_lanjut')!;
    expect(ext.dueAt.toISOString()).toBe('2024-03-06T16:59:59.999Z');
  });
  it('has no criminal-path steps (not in the sourced facts)', () => {
    const list = deadlines('pemilu', { diketahuiAt, diputuskanPidanaAt: at('2024-02-20T00:00:00Z') }, WIB);
    expect(list.map((d) => d.step)).toEqual(['lapor']);
  });
  it('computes single deadlines directly', () => {
    expect(dueFrom(at('2024-02-16T04:00:00Z'), 'kerja', 1, WIB).toISOString()).toBe(
      '2024-02-19T16:59:59.999Z',
    );
  });
});
