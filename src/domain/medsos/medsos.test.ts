import { describe, expect, it } from 'vitest';
import { planBukti, sha256Hex, isSha256Hex } from './bukti';
import { aksiTersedia, canMoveTakedown, nextStatus, takedownMinutes } from './medsos';
import { mingguDari, summariseWeek, type TakedownRingkas } from './ringkasan';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex › evidence hashing', () => {
  it.each([
    // FIPS 180-4 / NIST CAVP short-message vectors
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j as the standard says', async (text, hex) => {
    expect(await sha256Hex(enc(text))).toBe(hex);
  });

  it('changes with one flipped bit, so an altered screenshot is another file', async () => {
    const bytes = enc('tangkapan layar');
    const flipped = bytes.slice();
    flipped[0] = flipped[0]! ^ 1;
    const [a, b] = await Promise.all([sha256Hex(bytes), sha256Hex(flipped)]);
    expect(isSha256Hex(a) && isSha256Hex(b)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('knows a hash by its form', () => {
    expect(isSha256Hex('a'.repeat(64))).toBe(true);
    expect(isSha256Hex('A'.repeat(64))).toBe(false);
    expect(isSha256Hex('a'.repeat(63))).toBe(false);
  });
});

describe('planBukti', () => {
  const now = new Date('2024-11-20T10:00:00Z');
  it('adds new bytes, answers the same bytes with the first record', () => {
    const existing = [{ sha256: 'a'.repeat(64) }];
    expect(planBukti(existing, { sha256: 'b'.repeat(64), diambilAt: now }, now)).toEqual({
      ok: true,
      kind: 'baru',
    });
    expect(planBukti(existing, { sha256: 'a'.repeat(64), diambilAt: now }, now)).toEqual({
      ok: true,
      kind: 'sudah_ada',
    });
  });
  it.each([
    [5 * 60_000, true],
    [5 * 60_000 + 1, false],
  ])('a capture %i ms after now is allowed: %s', (ms, ok) => {
    expect(planBukti([], { sha256: 'a'.repeat(64), diambilAt: new Date(now.getTime() + ms) }, now).ok).toBe(
      ok,
    );
  });
});

describe('triage', () => {
  it.each([
    ['baru', 'verifikasi', 'diverifikasi'],
    ['baru', 'gabung', 'digabung'],
    ['baru', 'abaikan', 'diabaikan'],
    ['diverifikasi', 'eskalasi', 'dieskalasi'],
    ['diverifikasi', 'klasifikasi', 'diverifikasi'],
    ['dieskalasi', 'klasifikasi', 'dieskalasi'],
  ] as const)('%s + %s → %s', (from, aksi, to) => {
    expect(nextStatus(from, aksi)).toEqual({ ok: true, status: to });
  });
  it.each([
    ['baru', 'eskalasi'],
    ['dieskalasi', 'verifikasi'],
    ['digabung', 'klasifikasi'],
    ['diabaikan', 'verifikasi'],
  ] as const)('%s refuses %s', (from, aksi) => {
    expect(nextStatus(from, aksi)).toEqual({ ok: false, code: 'status_tidak_sesuai' });
  });
  it('offers only what the state allows', () => {
    expect(aksiTersedia('baru')).toEqual(['verifikasi', 'gabung', 'abaikan', 'klasifikasi']);
    expect(aksiTersedia('digabung')).toEqual([]);
  });
});

describe('takedown timing', () => {
  const t0 = new Date('2024-11-18T08:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  it('times a takedown from request to removal', () => {
    expect(takedownMinutes({ status: 'diturunkan', diajukanAt: t0, selesaiAt: at(1530) }, at(9999))).toBe(
      1530,
    );
  });
  it('counts an open request up to now, and a refused one not at all', () => {
    expect(takedownMinutes({ status: 'diproses', diajukanAt: t0, selesaiAt: null }, at(90))).toBe(90);
    expect(takedownMinutes({ status: 'ditolak', diajukanAt: t0, selesaiAt: at(60) }, at(90))).toBeNull();
  });
  it('moves forward only', () => {
    expect(canMoveTakedown('diajukan', 'diproses')).toBe(true);
    expect(canMoveTakedown('diajukan', 'diturunkan')).toBe(true);
    expect(canMoveTakedown('diproses', 'diajukan')).toBe(false);
    expect(canMoveTakedown('diturunkan', 'ditolak')).toBe(false);
  });
});

describe('summariseWeek', () => {
  it('begins a WITA week at local midnight', () => {
    expect(mingguDari('2024-11-18', 8)).toEqual({
      mulai: new Date('2024-11-17T16:00:00Z'),
      sampai: new Date('2024-11-24T16:00:00Z'),
    });
  });

  it('counts by category, platform and kecamatan; merged posts in their parent, dismissed apart', () => {
    const summary = summariseWeek(
      [
        { kategori: 'hoaks', platform: 'facebook', kodeWilayah: '73.73.01.1001', status: 'diverifikasi' },
        { kategori: 'hoaks', platform: 'facebook', kodeWilayah: '73.73.01', status: 'baru' },
        { kategori: 'hoaks', platform: 'x', kodeWilayah: '73.73.01.1002', status: 'digabung' },
        { kategori: 'sara', platform: 'tiktok', kodeWilayah: '73.73', status: 'dieskalasi' },
        { kategori: 'politik_uang', platform: 'whatsapp', kodeWilayah: '73.73.02.1001', status: 'diabaikan' },
      ],
      [],
      new Date('2024-11-24T16:00:00Z'),
    );
    expect(summary.jumlah).toBe(3);
    expect(summary.diabaikan).toBe(1);
    expect(summary.perKategori.find((k) => k.kategori === 'hoaks')?.jumlah).toBe(2);
    expect(summary.perKategori.find((k) => k.kategori === 'politik_uang')?.jumlah).toBe(0);
    expect(summary.perPlatform).toEqual([
      { platform: 'facebook', jumlah: 2 },
      { platform: 'tiktok', jumlah: 1 },
    ]);
    expect(summary.perKecamatan).toEqual([
      { kode: '73.73.01', jumlah: 2 },
      { kode: null, jumlah: 1 },
    ]);
  });

  it('ranks the slowest takedowns, open ones by the time waited, and takes the median of those done', () => {
    const t0 = new Date('2024-11-18T00:00:00Z');
    const at = (h: number) => new Date(t0.getTime() + h * 3_600_000);
    const td = (
      postId: string,
      status: TakedownRingkas['status'],
      selesaiH: number | null,
    ): TakedownRingkas => ({
      postId,
      tujuan: 'platform',
      url: `https://x.com/a/status/${postId}`,
      status,
      diajukanAt: t0,
      selesaiAt: selesaiH === null ? null : at(selesaiH),
    });
    const summary = summariseWeek(
      [],
      [
        td('1', 'diturunkan', 2),
        td('2', 'diturunkan', 30),
        td('3', 'diproses', null),
        td('4', 'ditolak', 1),
        td('5', 'diturunkan', 10),
      ],
      at(48),
      3,
    );
    expect(summary.terlambat.map((t) => [t.postId, t.menit, t.selesai])).toEqual([
      ['3', 48 * 60, false],
      ['2', 30 * 60, true],
      ['5', 10 * 60, true],
    ]);
    expect(summary.takedown).toEqual({
      diajukan: 5,
      diturunkan: 3,
      ditolak: 1,
      terbuka: 1,
      medianMenit: 600,
    });
  });
});

describe('summariseWeek › as at the week’s end', () => {
  it('counts a request answered after the end as still open then', () => {
    const t0 = new Date('2024-11-18T00:00:00Z');
    const end = new Date('2024-11-20T00:00:00Z');
    const summary = summariseWeek(
      [],
      [
        {
          postId: '1',
          tujuan: 'komdigi',
          url: 'https://x.com/a/status/1',
          status: 'diturunkan',
          diajukanAt: t0,
          selesaiAt: new Date('2024-11-21T00:00:00Z'),
        },
      ],
      end,
    );
    expect(summary.takedown).toMatchObject({ diturunkan: 0, terbuka: 1, medianMenit: null });
    expect(summary.terlambat[0]).toMatchObject({ menit: 48 * 60, selesai: false });
  });
});
