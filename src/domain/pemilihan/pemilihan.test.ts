import { describe, expect, it } from 'vitest';
import { addHariKerja } from '../kejadian/gakkumdu';
import { HARI_LIBUR_RESMI } from '../time/hari-libur';
import {
  JENIS_PEMILIHAN,
  TAHAPAN_TEMPLATE,
  akhirTahapan,
  aturanPelanggaranOf,
  checkTahapan,
  concernsScope,
  faseOf,
  indukRule,
  pesertaOf,
  pilihPemilihanAktif,
  posisiHari,
  tahapanFor,
} from './pemilihan';

describe('stage templates per kind', () => {
  it('has, for every kind, a voting-day stage and stages in a sane order', () => {
    for (const jenis of JENIS_PEMILIHAN) {
      const template = TAHAPAN_TEMPLATE[jenis];
      expect(
        template.some((t) => t.kode === 'pemungutan_suara' && t.fromOffset <= 0 && t.toOffset >= 0),
      ).toBe(true);
      for (const t of template) expect(t.toOffset).toBeGreaterThanOrEqual(t.fromOffset);
      expect(checkTahapan(tahapanFor(jenis, '2026-12-16'), '2026-12-16')).toEqual([]);
    }
  });

  it('dates the Pilkada stages as PKPU 2/2024 did for 27 Nov 2024, recapitulation at kab/kota to H+9', () => {
    const tahapan = tahapanFor('pilkada_serentak', '2024-11-27');
    const byKode = Object.fromEntries(tahapan.map((t) => [t.kode, t]));
    expect(byKode.kampanye).toMatchObject({ mulaiOn: '2024-09-25', selesaiOn: '2024-11-23' });
    expect(byKode.masa_tenang).toMatchObject({ mulaiOn: '2024-11-24', selesaiOn: '2024-11-26' });
    expect(byKode.rekapitulasi_kabkota).toMatchObject({ mulaiOn: '2024-11-29', selesaiOn: '2024-12-06' });
    expect(byKode.pengumuman_hasil?.mulaiOn).toBe('2024-12-15');
  });

  it('dates the Pemilu campaign and recapitulation as PKPU 3/2022 did for 14 Feb 2024', () => {
    const byKode = Object.fromEntries(tahapanFor('pemilu', '2024-02-14').map((t) => [t.kode, t]));
    expect(byKode.kampanye).toMatchObject({ mulaiOn: '2023-11-28', selesaiOn: '2024-02-10' });
    expect(byKode.rekapitulasi?.selesaiOn).toBe('2024-03-20');
  });

  it('gives a PSU a short cycle of its own', () => {
    const tahapan = tahapanFor('psu', '2025-05-24');
    expect(tahapan[0]?.mulaiOn).toBe('2025-05-14');
    expect(akhirTahapan(tahapan, '2025-05-24')).toBe('2025-05-30');
  });

  it('refuses hand-entered stages that end before they start, repeat a code or miss voting day', () => {
    expect(
      checkTahapan(
        [
          { kode: 'a', nama: 'A', mulaiOn: '2026-01-10', selesaiOn: '2026-01-01' },
          { kode: 'a', nama: 'B', mulaiOn: '2026-01-11', selesaiOn: '2026-01-12' },
        ],
        '2026-02-01',
      ),
    ).toEqual([
      'Tahapan 1: tanggal selesai sebelum tanggal mulai',
      'Tahapan 2: kode a dipakai dua kali',
      'Hari pemungutan suara harus berada dalam salah satu tahapan',
    ]);
  });
});

describe('kinds', () => {
  it('applies the Pilkada, Pemilu or Pilkades violation rules; a PSU follows its parent', () => {
    expect(aturanPelanggaranOf('pilkada_serentak')).toBe('pilkada');
    expect(aturanPelanggaranOf('pemilu')).toBe('pemilu');
    expect(aturanPelanggaranOf('pilkades')).toBe('pilkades');
    expect(aturanPelanggaranOf('psu', 'pemilu')).toBe('pemilu');
    expect(aturanPelanggaranOf('psu', 'pilkada_serentak')).toBe('pilkada');
  });

  it('requires a parent for a PSU only', () => {
    expect(indukRule('psu')).toBe('wajib');
    expect(indukRule('pilkada_lanjutan')).toBe('boleh');
    expect(indukRule('pilkades')).toBe('tidak');
  });
});

describe('where an election stands', () => {
  const persiapan = { id: 'a', hariPemungutan: '2026-12-16', ditutup: false };
  const pasca = { id: 'b', hariPemungutan: '2026-12-01', ditutup: false };
  const lama = { id: 'c', hariPemungutan: '2024-11-27', ditutup: true };
  const nanti = { id: 'd', hariPemungutan: '2027-03-01', ditutup: false };

  it('names the phase from the voting day and closure', () => {
    expect(faseOf(persiapan, '2026-12-06')).toBe('persiapan');
    expect(faseOf(persiapan, '2026-12-16')).toBe('hari_h');
    expect(faseOf(pasca, '2026-12-06')).toBe('pasca');
    expect(faseOf(lama, '2026-12-06')).toBe('ditutup');
  });

  it('lands a user in the nearest open election ahead, else the latest open, else the latest closed', () => {
    expect(pilihPemilihanAktif([lama, nanti, pasca, persiapan], '2026-12-06')?.id).toBe('a');
    expect(pilihPemilihanAktif([lama, pasca], '2026-12-06')?.id).toBe('b');
    expect(pilihPemilihanAktif([lama], '2026-12-06')?.id).toBe('c');
    expect(pilihPemilihanAktif([], '2026-12-06')).toBeNull();
  });

  it('words the countdown on both sides of voting day', () => {
    expect(posisiHari('2026-12-16', '2026-12-06')).toEqual({ offset: -10, label: 'H-10', arah: 'menuju' });
    expect(posisiHari('2026-12-16', '2026-12-16')).toEqual({ offset: 0, label: 'H', arah: 'hari_h' });
    expect(posisiHari('2026-12-16', '2026-12-19')).toEqual({ offset: 3, label: 'H+3', arah: 'setelah' });
  });
});

describe('holiday-aware working days', () => {
  const libur = HARI_LIBUR_RESMI.map((h) => h.tanggal);

  it('lists each holiday once, on a real date, with its source', () => {
    expect(new Set(libur).size).toBe(libur.length);
    for (const h of HARI_LIBUR_RESMI) {
      expect(new Date(`${h.tanggal}T00:00:00Z`).toISOString().slice(0, 10)).toBe(h.tanggal);
      expect(h.sumber).toMatch(/^SKB 3 Menteri/);
    }
    // 2024: 17 national holidays and 10 joint leave days; 2026: 17 and 8 (the SKBs' own counts).
    const count = (year: string, jenis: string) =>
      HARI_LIBUR_RESMI.filter((h) => h.tanggal.startsWith(year) && h.jenis === jenis).length;
    expect([count('2024', 'libur_nasional'), count('2024', 'cuti_bersama')]).toEqual([17, 10]);
    expect([count('2026', 'libur_nasional'), count('2026', 'cuti_bersama')]).toEqual([17, 8]);
  });

  it('skips the Christmas holiday and joint leave when counting three working days from 23 Dec 2026', () => {
    // Wed 23 Dec; Thu 24 cuti bersama, Fri 25 Natal, weekend; Mon 28, Tue 29, Wed 30.
    expect(addHariKerja('2026-12-23', 3, libur)).toBe('2026-12-30');
    expect(addHariKerja('2026-12-23', 3)).toBe('2026-12-28');
  });
});

describe('need-to-know per election', () => {
  it('shows a national election to everyone and a PSU only above or at its TPS', () => {
    expect(concernsScope('nasional', '73.73.01.1001')).toBe(true);
    const psu = pesertaOf({ kodeWilayah: '73.73', wilayahPeserta: [], tpsWilayah: ['73.73.01.1001'] });
    expect(psu).toEqual(['73.73.01.1001']);
    expect(concernsScope(psu, '73.73.01.1001')).toBe(true); // the lurah of that kelurahan
    expect(concernsScope(psu, '73.73.01')).toBe(true); // the camat above it
    expect(concernsScope(psu, '73.73')).toBe(true); // the city
    expect(concernsScope(psu, '73.73.01.1002')).toBe(false); // a neighbouring lurah
    expect(concernsScope(psu, '35.74')).toBe(false); // another city
    expect(concernsScope(psu, null)).toBe(true); // a national admin
  });

  it('takes a Pilkades to its listed desa, else to its holding area', () => {
    expect(pesertaOf({ kodeWilayah: '64.08', wilayahPeserta: ['64.08.01.2001'], tpsWilayah: [] })).toEqual([
      '64.08.01.2001',
    ]);
    expect(pesertaOf({ kodeWilayah: '64.08', wilayahPeserta: [], tpsWilayah: [] })).toEqual(['64.08']);
  });
});
