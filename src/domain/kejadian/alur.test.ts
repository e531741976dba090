/** An incident's path (alur.ts): the state machine and the escalation clock. */
import { describe, expect, it } from 'vitest';
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
const at = (iso: string): Date => new Date(iso);
const policy = DEFAULT_ESCALATION_POLICY;

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
