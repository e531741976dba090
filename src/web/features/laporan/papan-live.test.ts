/**
 * The board applies a TPS's move to the counters it read, once: an event its snapshot already saw is
 * skipped, as is one outside the area; a kelurahan's list takes the new stage of the TPS.
 */
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../contracts/live';
import type { Rollup } from '../../../contracts/hari-h';
import { applyToRekap, applyToTpsList, isApplicable, remember, withRecent } from './papan-live';

const rollup = (over: Partial<Rollup> = {}): Rollup => ({
  jumlahTps: 10,
  perTahap: {
    belum_lapor: 8,
    petugas_hadir: 0,
    logistik_lengkap: 0,
    dibuka: 1,
    pemungutan: 0,
    ditutup: 1,
    penghitungan_selesai: 0,
  },
  dpt: 2_500,
  pemilih: 200,
  dptMelapor: 250,
  partisipasi: 80,
  ...over,
});

// Read in snapshot 100:105:102 — transactions below 100 and 100, 101, 103, 104 had committed.
const rekap = {
  snapshot: '100:105:102',
  kode: '73.73.01',
  nama: 'Wara',
  rollup: rollup(),
  children: [
    { kode: '73.73.01.1001', nama: 'Tompotikka', rollup: rollup() },
    { kode: '73.73.01.1002', nama: 'Lain', rollup: rollup() },
  ],
};

const move = (xid: string, kodeWilayah = '73.73.01.1001'): LiveEvent => ({
  type: 'tps_status',
  eventId: `e${xid}`,
  xid,
  kodeWilayah,
  id: 'tps-1',
  scope: 'within',
  restricted: false,
  at: '2024-11-27T06:00:00.000Z',
  data: { tahap: 'ditutup', pemilih: 180, dari: { tahap: 'dibuka', pemilih: null }, dpt: 240 },
});

describe('applyToRekap', () => {
  it('moves the TPS between stage counters and adds its count, in the area and its child', () => {
    const next = applyToRekap(rekap, move('102'));
    expect(next.rollup.perTahap).toMatchObject({ dibuka: 0, ditutup: 2, belum_lapor: 8 });
    expect(next.rollup).toMatchObject({ pemilih: 380, dptMelapor: 490, partisipasi: 77.6 });
    expect(next.children[0]!.rollup.perTahap.ditutup).toBe(2);
    expect(next.children[1]).toBe(rekap.children[1]);
  });

  it('skips what its snapshot saw and what lies outside its area', () => {
    for (const seen of ['99', '101', '104']) expect(applyToRekap(rekap, move(seen))).toBe(rekap);
    for (const unseen of ['102', '105', '900']) expect(applyToRekap(rekap, move(unseen))).not.toBe(rekap);
    expect(applyToRekap(rekap, move('102', '73.73.02.1001'))).toBe(rekap);
    // The nation's board (kode null) takes every area's.
    expect(applyToRekap({ ...rekap, kode: null }, move('102', '64.72.01.1001')).rollup.perTahap.ditutup).toBe(
      2,
    );
  });

  it('applies to a fresh answer the events that arrived while it was read, and only those', () => {
    remember(move('102'));
    remember(move('50'));
    const fresh = withRecent(rekap, applyToRekap);
    expect(fresh.rollup.perTahap.ditutup).toBe(2);
  });
});

describe('applyToTpsList', () => {
  it("sets the TPS's new stage unless the list already saw it", () => {
    const list = {
      snapshot: '100:105:102',
      truncated: false,
      items: [
        {
          tpsId: 'tps-1',
          kode: '7373011001001',
          nomor: 1,
          nama: 'TPS 001',
          kodeWilayah: '73.73.01.1001',
          dpt: 240,
          lat: null,
          lon: null,
          tahap: 'dibuka' as const,
          pemilih: null,
          updatedAt: null,
          situasi: null,
          situasiAt: null,
        },
      ],
    };
    expect(applyToTpsList(list, move('102')).items[0]).toMatchObject({ tahap: 'ditutup', pemilih: 180 });
    expect(applyToTpsList(list, move('101'))).toBe(list);
    expect(isApplicable(move('102'))).toBe(true);
    expect(isApplicable({ ...move('102'), xid: undefined })).toBe(false);
  });
});
