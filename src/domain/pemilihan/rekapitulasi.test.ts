import { describe, expect, it } from 'vitest';
import { tahapanFor } from './pemilihan';
import { dalamTahapan, tahapanRekap, tingkatRekapOf } from './rekapitulasi';

describe('recapitulation venues', () => {
  it('holds a PPK recap in a kecamatan and the KPU’s in a kab/kota, nowhere else', () => {
    expect(tingkatRekapOf('73.73.01')).toBe('ppk');
    expect(tingkatRekapOf('73.73')).toBe('kpu_kabkota');
    expect(tingkatRekapOf('73.73.01.1001')).toBeNull();
    expect(tingkatRekapOf('73')).toBeNull();
    expect(tingkatRekapOf('bukan kode')).toBeNull();
  });

  it('finds each tier’s own stage in a Pilkada, the whole recap stage in a Pemilu, none in a Pilkades', () => {
    const pilkada = tahapanFor('pilkada_serentak', '2024-11-27');
    expect(tahapanRekap('ppk', pilkada)).toMatchObject({
      kode: 'rekap_kecamatan',
      mulaiOn: '2024-11-28',
      selesaiOn: '2024-12-03',
    });
    expect(tahapanRekap('kpu_kabkota', pilkada)).toMatchObject({ kode: 'rekapitulasi_kabkota' });
    expect(tahapanRekap('ppk', tahapanFor('pemilu', '2024-02-14'))).toMatchObject({ kode: 'rekapitulasi' });
    expect(tahapanRekap('ppk', tahapanFor('psu', '2025-05-24'))).toMatchObject({
      kode: 'rekapitulasi_kabkota',
    });
    expect(tahapanRekap('ppk', tahapanFor('pilkades', '2025-06-01'))).toBeNull();
  });

  it('keeps a venue to its stage’s days in local time, to the last minute of the last day', () => {
    const stage = { kode: 'rekap_kecamatan', nama: 'PPK', mulaiOn: '2024-11-28', selesaiOn: '2024-12-03' };
    const wita = 8;
    const at = (iso: string) => new Date(iso);
    expect(
      dalamTahapan(
        { mulai: at('2024-11-28T00:00:00+08:00'), selesai: at('2024-12-04T00:00:00+08:00') },
        stage,
        wita,
      ),
    ).toBe(true);
    expect(
      dalamTahapan(
        { mulai: at('2024-11-27T23:59:00+08:00'), selesai: at('2024-11-28T10:00:00+08:00') },
        stage,
        wita,
      ),
    ).toBe(false);
    expect(
      dalamTahapan(
        { mulai: at('2024-12-03T20:00:00+08:00'), selesai: at('2024-12-04T00:00:01+08:00') },
        stage,
        wita,
      ),
    ).toBe(false);
    // The same instants read in WIB (UTC+7): the day starts an hour later.
    expect(
      dalamTahapan(
        { mulai: at('2024-11-28T00:30:00+08:00'), selesai: at('2024-11-28T10:00:00+08:00') },
        stage,
        7,
      ),
    ).toBe(false);
  });
});
