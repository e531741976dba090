import { describe, expect, it } from 'vitest';
import { CHECKLIST_PILKADA_2024, checklistFor, checklistPilkada2024 } from './checklist-template';
import {
  capFields,
  MAX_REMINDERS,
  rekapPenerimaan,
  reminderDue,
  statusPenerima,
  type Penerimaan,
} from './imbauan';
import { indikatorKeberhasilan } from './indikator';
import { nphdStatus, pelunasanDeadline, type Nphd } from './nphd';
import { checkKehadiran, defaultPeserta, jabatanKepalaDaerah, levelsForJenis, rekapKehadiran } from './rakor';
import { TAHAPAN_PILKADA_2024 as CHECKLIST_STAGES } from './tahapan';
import { agendaCarryOver, tindakLanjutState } from './tindak-lanjut';
import { addDays } from '../time/hari';
import { aturanPelanggaranOf, tahapanFor, templateOf, type JenisPemilihan } from '../pemilihan/pemilihan';

describe('tindak lanjut state at its boundaries', () => {
  const item = { status: 'terbuka' as const, dueOn: '2024-11-20' };
  it('is due soon from three days before, not late on its due day, late the day after', () => {
    expect(tindakLanjutState(item, '2024-11-16')).toBe('terjadwal');
    expect(tindakLanjutState(item, '2024-11-17')).toBe('segera');
    expect(tindakLanjutState(item, '2024-11-20')).toBe('segera');
    expect(tindakLanjutState(item, '2024-11-21')).toBe('terlambat');
  });
  it('keeps done and cancelled items out of the late list whatever the date', () => {
    expect(tindakLanjutState({ ...item, status: 'selesai' }, '2025-01-01')).toBe('selesai');
    expect(tindakLanjutState({ ...item, status: 'batal' }, '2025-01-01')).toBe('batal');
  });
  it('opens the next agenda with overdue items, then by due date; done ones are left out', () => {
    const agenda = agendaCarryOver(
      [
        { id: 'a', status: 'terbuka', dueOn: '2024-12-30' },
        { id: 'b', status: 'terbuka', dueOn: '2024-11-10' },
        { id: 'c', status: 'selesai', dueOn: '2024-11-01' },
        { id: 'd', status: 'terbuka', dueOn: '2024-11-22' },
        { id: 'e', status: 'terbuka', dueOn: '2024-11-05' },
      ],
      '2024-11-20',
    );
    expect(agenda.map((i) => [i.id, i.state])).toEqual([
      ['e', 'terlambat'],
      ['b', 'terlambat'],
      ['d', 'segera'],
      ['a', 'terjadwal'],
    ]);
  });
});

describe('rakor attendance', () => {
  it('asks for the representative exactly when the status is diwakili', () => {
    expect(checkKehadiran('diwakili', '  ')?.code).toBe('wakil_wajib');
    expect(checkKehadiran('diwakili', 'Wakapolres')).toBeNull();
    expect(checkKehadiran('hadir', 'Wakapolres')?.code).toBe('wakil_tidak_perlu');
    expect(checkKehadiran('daring', null)).toBeNull();
  });
  it('counts hadir, daring and diwakili as present', () => {
    const rekap = rekapKehadiran([
      { kehadiran: 'hadir' },
      { kehadiran: 'daring' },
      { kehadiran: 'diwakili' },
      { kehadiran: 'tidak_hadir' },
      { kehadiran: 'belum_dicatat' },
      { kehadiran: 'hadir' },
    ]);
    expect(rekap).toMatchObject({
      hadir: 2,
      daring: 1,
      diwakili: 1,
      tidak_hadir: 1,
      total: 6,
      quorumPercent: 66.7,
    });
  });
});

describe('imbauan acknowledgement and reminders', () => {
  const sentAt = new Date('2024-11-20T08:00:00+08:00');
  const fresh: Penerimaan = {
    deliveredAt: null,
    readAt: null,
    acknowledgedAt: null,
    lastRemindedAt: null,
    reminderCount: 0,
  };
  it('reports the furthest step reached', () => {
    expect(statusPenerima(fresh)).toBe('terkirim');
    expect(statusPenerima({ ...fresh, deliveredAt: sentAt })).toBe('diterima');
    expect(statusPenerima({ ...fresh, deliveredAt: sentAt, readAt: sentAt })).toBe('dibaca');
    expect(statusPenerima({ ...fresh, acknowledgedAt: sentAt })).toBe('dikonfirmasi');
  });
  it('is due for a reminder exactly when the priority interval has passed', () => {
    const at = (h: number) => new Date(sentAt.getTime() + h * 3_600_000 - 1);
    expect(reminderDue(fresh, sentAt, 'segera', at(3))).toBe(false);
    expect(reminderDue(fresh, sentAt, 'segera', new Date(sentAt.getTime() + 3 * 3_600_000))).toBe(true);
    expect(reminderDue(fresh, sentAt, 'darurat', new Date(sentAt.getTime() + 3_600_000))).toBe(true);
    expect(reminderDue(fresh, sentAt, 'biasa', new Date(sentAt.getTime() + 11 * 3_600_000))).toBe(false);
  });
  it('counts from the last reminder, stops after the maximum and once acknowledged', () => {
    const reminded = { ...fresh, lastRemindedAt: new Date(sentAt.getTime() + 3_600_000), reminderCount: 1 };
    expect(reminderDue(reminded, sentAt, 'darurat', new Date(sentAt.getTime() + 1.5 * 3_600_000))).toBe(
      false,
    );
    expect(reminderDue(reminded, sentAt, 'darurat', new Date(sentAt.getTime() + 2 * 3_600_000))).toBe(true);
    expect(
      reminderDue({ ...reminded, reminderCount: MAX_REMINDERS }, sentAt, 'darurat', new Date('2025-01-01')),
    ).toBe(false);
    expect(reminderDue({ ...fresh, acknowledgedAt: sentAt }, sentAt, 'darurat', new Date('2025-01-01'))).toBe(
      false,
    );
  });
  it('sums recipients by status', () => {
    const r = rekapPenerimaan([fresh, { ...fresh, acknowledgedAt: sentAt }, { ...fresh, readAt: sentAt }]);
    expect(r).toMatchObject({ terkirim: 1, dibaca: 1, dikonfirmasi: 1, total: 3, acknowledgedPercent: 33.3 });
  });
  it('maps priorities onto CAP urgency and severity', () => {
    expect(capFields('darurat')).toEqual({ urgency: 'Immediate', severity: 'Severe', certainty: 'Observed' });
    expect(capFields('biasa').urgency).toBe('Future');
  });
});

describe('NPHD disbursement and absorption', () => {
  const H = '2024-11-27';
  const base: Nphd = {
    penerima: 'polri',
    nilai: 1_000_000_000,
    ditandatanganiOn: '2023-11-10',
    pencairan: [],
    realisasi: [],
  };
  it('puts the full-disbursement deadline five months before voting day', () => {
    expect(pelunasanDeadline(H)).toBe('2024-06-27');
    expect(pelunasanDeadline('2024-07-31')).toBe('2024-02-29');
    expect(pelunasanDeadline('2025-03-15')).toBe('2024-10-15');
  });
  it('flags the first tranche only after 14 days without 40% disbursed', () => {
    const on24 = nphdStatus(base, H, '2023-11-24');
    expect(on24.alerts.map((a) => a.code)).not.toContain('tahap_pertama_terlambat');
    const on25 = nphdStatus(base, H, '2023-11-25');
    expect(on25.alerts.map((a) => a.code)).toContain('tahap_pertama_terlambat');
    const paid = nphdStatus(
      { ...base, pencairan: [{ nilai: 400_000_000, cairOn: '2023-11-24' }] },
      H,
      '2023-11-25',
    );
    expect(paid.alerts.map((a) => a.code)).not.toContain('tahap_pertama_terlambat');
  });
  it('flags a missing second tranche from the day after the deadline', () => {
    const partial = { ...base, pencairan: [{ nilai: 400_000_000, cairOn: '2023-11-20' }] };
    expect(nphdStatus(partial, H, '2024-06-27').alerts.map((a) => a.code)).not.toContain(
      'pelunasan_terlambat',
    );
    expect(nphdStatus(partial, H, '2024-06-28').alerts.map((a) => a.code)).toContain('pelunasan_terlambat');
  });
  it('computes absorption of what was disbursed and flags spending far behind the straight line', () => {
    const nphd: Nphd = {
      ...base,
      pencairan: [
        { nilai: 400_000_000, cairOn: '2023-11-20' },
        { nilai: 600_000_000, cairOn: '2024-05-01' },
      ],
      realisasi: [{ nilai: 250_000_000, tanggal: '2024-06-01' }],
    };
    const s = nphdStatus(nphd, H, '2024-09-01');
    expect(s.persenDisalurkan).toBe(100);
    expect(s.persenSerapan).toBe(25);
    expect(s.persenSerapanDiharapkan).toBeGreaterThan(50);
    expect(s.alerts.map((a) => a.code)).toEqual(['serapan_tertinggal']);
    expect(
      nphdStatus({ ...nphd, realisasi: [{ nilai: 700_000_000, tanggal: '2024-08-01' }] }, H, '2024-09-01')
        .alerts,
    ).toEqual([]);
  });
  it('notices unsigned agreements and spending above disbursement', () => {
    const s = nphdStatus(
      { ...base, ditandatanganiOn: null, realisasi: [{ nilai: 1, tanggal: '2024-01-01' }] },
      H,
      '2024-01-02',
    );
    expect(s.alerts.map((a) => a.code)).toEqual(['belum_ditandatangani', 'realisasi_melebihi_pencairan']);
  });
});

describe('success indicators', () => {
  it('says "belum ada data" instead of guessing and judges what it knows', () => {
    const rows = indikatorKeberhasilan({
      readinessPercent: 92.5,
      tindakLanjutTerlambat: 1,
      rakorSelesai: 2,
      partisipasiPersen: null,
      targetPartisipasiPersen: 77.5,
      insidenBerat: null,
      insidenKonflik: null,
      psuCount: 0,
    });
    const byKode = Object.fromEntries(rows.map((r) => [r.kode, r.status]));
    expect(byKode).toEqual({
      aman: 'belum_ada_data',
      lancar: 'tercapai',
      damai: 'perhatian',
      partisipasi: 'belum_ada_data',
      tanpa_konflik: 'belum_ada_data',
      tanpa_psu: 'tercapai',
    });
  });
  it('judges safety by serious incidents and peace by clashes, separately', () => {
    const rows = indikatorKeberhasilan({
      readinessPercent: 100,
      tindakLanjutTerlambat: 0,
      rakorSelesai: 1,
      partisipasiPersen: 70,
      targetPartisipasiPersen: 77.5,
      insidenBerat: 2,
      insidenKonflik: 0,
      psuCount: null,
    });
    const byKode = Object.fromEntries(rows.map((r) => [r.kode, r.status]));
    expect(byKode).toMatchObject({
      aman: 'perhatian',
      tanpa_konflik: 'tercapai',
      partisipasi: 'perhatian',
      tanpa_psu: 'belum_ada_data',
    });
  });
});

describe('the default checklist', () => {
  it('has unique codes and offsets inside the election period', () => {
    const kodes = CHECKLIST_PILKADA_2024.map((i) => i.kode);
    expect(new Set(kodes).size).toBe(kodes.length);
    for (const item of CHECKLIST_PILKADA_2024) expect(item.dueOffset).toBeGreaterThanOrEqual(-224);
  });
  it('puts the NPHD item on the day nphd.ts makes the deadline, for any voting day', () => {
    for (const votingDayOn of ['2024-11-27', '2024-07-31', '2029-11-28']) {
      const nphd = checklistPilkada2024(votingDayOn).find((i) => i.kode === 'nphd_cair_penuh')!;
      expect(addDays(votingDayOn, nphd.dueOffset)).toBe(pelunasanDeadline(votingDayOn));
    }
    expect(CHECKLIST_PILKADA_2024.find((i) => i.kode === 'nphd_cair_penuh')?.dueOffset).toBe(-153);
  });
  it('holds the peace declaration right after the ballot-number draw, before the campaign (H-64)', () => {
    expect(CHECKLIST_PILKADA_2024.find((i) => i.kode === 'deklarasi_damai')?.dueOffset).toBe(-64);
  });
  it('gives every offset a source or the label "Siaga default, configurable", in due order', () => {
    for (const item of CHECKLIST_PILKADA_2024) expect(item.dasar.length).toBeGreaterThan(10);
    const offsets = CHECKLIST_PILKADA_2024.map((i) => i.dueOffset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe('the checklist of an election', () => {
  const of = (jenis: JenisPemilihan, hariPemungutan: string, jenisInduk?: JenisPemilihan) => {
    const list = checklistFor({
      jenis,
      aturanPelanggaran: aturanPelanggaranOf(jenis, jenisInduk),
      hariPemungutan,
      tahapan: templateOf(tahapanFor(jenis, hariPemungutan), hariPemungutan),
    });
    return { list, item: (kode: string) => list.find((i) => i.kode === kode) };
  };

  it('is the 2024 list for a Pilkada serentak on its own stages', () => {
    expect(of('pilkada_serentak', '2024-11-27').list).toEqual(checklistPilkada2024('2024-11-27'));
    expect(checklistPilkada2024('2024-11-27').map((i) => [i.kode, i.dueOffset])).toEqual(
      CHECKLIST_PILKADA_2024.map((i) => [i.kode, i.dueOffset]),
    );
  });

  it('holds a Pemilu peace declaration the day before its campaign (27 Nov 2023), with no NPHD', () => {
    const pemilu = of('pemilu', '2024-02-14');
    expect(addDays('2024-02-14', pemilu.item('deklarasi_damai')!.dueOffset)).toBe('2023-11-27');
    expect(pemilu.item('nphd_cair_penuh')).toBeUndefined();
    expect(pemilu.item('patroli_masa_tenang')?.dueOffset).toBe(-3);
    expect(pemilu.item('pemetaan_tps_rawan')?.dueOffset).toBe(-12);
  });

  it("keeps a PSU's own items inside its short cycle: no NPHD, no campaign, Siaga's defaults from H-10", () => {
    const psu = of('psu', '2025-05-24', 'pilkada_serentak');
    expect(psu.item('nphd_cair_penuh')).toBeUndefined();
    expect(psu.item('deklarasi_damai')).toBeUndefined();
    expect(psu.item('patroli_masa_tenang')).toBeUndefined();
    for (const item of psu.list.filter((i) => i.kode !== 'pemetaan_tps_rawan')) {
      expect(item.dueOffset).toBeGreaterThanOrEqual(-10);
    }
    expect(psu.item('rencana_pam')).toMatchObject({ dueOffset: -10 });
    expect(psu.item('rencana_pam')!.dasar).toContain('Siaga default, configurable (H-30');
    // The mapping item stays where the kerawanan collection window closes.
    expect(psu.item('pemetaan_tps_rawan')).toMatchObject({ dueOffset: -12, agency: 'bawaslu' });
    expect(psu.item('pengawas_tps')?.dueOffset).toBe(0);
  });

  it('gives a Pilkades no Bawaslu items and the panitia work to the pemda, also for its PSU', () => {
    for (const pilkades of [of('pilkades', '2025-10-12'), of('psu', '2025-11-02', 'pilkades')]) {
      expect(pilkades.list.filter((i) => i.agency === 'bawaslu')).toEqual([]);
      expect(pilkades.item('nphd_cair_penuh')).toBeUndefined();
      expect(pilkades.item('logistik_tps')?.agency).toBe('pemda');
    }
    const desa = of('pilkades', '2025-10-12');
    expect(desa.item('deklarasi_damai')).toMatchObject({ agency: 'pemda', dueOffset: -11 });
  });

  it("follows a region's adjusted stages: masa tenang from H-4 moves the patrols, a later draw the declaration", () => {
    const tahapan = CHECKLIST_STAGES.map((t) =>
      t.kode === 'masa_tenang'
        ? { ...t, fromOffset: -4 }
        : t.kode === 'pengundian_nomor_urut'
          ? { ...t, fromOffset: -60, toOffset: -60 }
          : t.kode === 'kampanye'
            ? { ...t, fromOffset: -58 }
            : t,
    );
    const list = checklistFor({
      jenis: 'pilkada_serentak',
      aturanPelanggaran: 'pilkada',
      hariPemungutan: '2024-11-27',
      tahapan,
    });
    expect(list.find((i) => i.kode === 'patroli_masa_tenang')?.dueOffset).toBe(-4);
    expect(list.find((i) => i.kode === 'deklarasi_damai')?.dueOffset).toBe(-59);
    const offsets = list.map((i) => i.dueOffset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe('a region counts its days in its own time zone', () => {
  it('turns 16:30 UTC into the next day in WIT and WITA but not in WIB', async () => {
    const { todayIn, zonaOf } = await import('../time/zona');
    const now = new Date('2024-11-26T16:30:00Z');
    expect(zonaOf('73.73')).toBe('WITA');
    expect(zonaOf('94.01')).toBe('WIT');
    expect(zonaOf('35.74')).toBe('WIB');
    expect(todayIn('35.74', now)).toBe('2024-11-26');
    expect(todayIn('73.73', now)).toBe('2024-11-27');
    expect(todayIn('94.01', now)).toBe('2024-11-27');
    expect(todayIn('35.74', new Date('2024-11-26T17:00:00Z'))).toBe('2024-11-27');
  });
});

describe('the kab/kota of a code and what concerns a user', () => {
  it('finds the kab/kota at every level below a provinsi and none above', async () => {
    const { kabKotaOf } = await import('../wilayah/kode-wilayah');
    expect(kabKotaOf('73.73.01.1001')).toBe('73.73');
    expect(kabKotaOf('73.73')).toBe('73.73');
    expect(kabKotaOf('73')).toBeNull();
    expect(kabKotaOf('x')).toBeNull();
  });
  it('relates a lurah to their city and kelurahan, never to a neighbour', async () => {
    const { isRelated } = await import('../access/scope');
    const lurah = { kodeWilayah: '73.73.01.1001' };
    expect(isRelated(lurah, '73.73')).toBe(true);
    expect(isRelated(lurah, '73.73.01.1001')).toBe(true);
    expect(isRelated(lurah, '73.73.01.1002')).toBe(false);
    expect(isRelated({ kodeWilayah: null }, '64.08')).toBe(true);
  });
});

describe('defaultPeserta', () => {
  it('titles the head of region by how the office is held, and names the Polri unit and a Lanal', () => {
    expect(jabatanKepalaDaerah('64.08', 'pjs')).toBe('Pjs Bupati');
    expect(jabatanKepalaDaerah('64.71', 'pjs')).toBe('Pjs Wali Kota');
    expect(jabatanKepalaDaerah('73.73', 'pj')).toBe('Penjabat Wali Kota');
    expect(jabatanKepalaDaerah('53.71', 'definitif')).toBe('Wali Kota');
    expect(jabatanKepalaDaerah('53', 'definitif')).toBe('Gubernur');
    const kupang = defaultPeserta('forkopimda', '53.71', {
      statusKepalaDaerah: 'pj',
      satuanPolri: 'polresta',
      adaLanal: false,
    }).map((p) => p.jabatan);
    expect(kupang.slice(0, 4)).toEqual(['Penjabat Wali Kota', 'Ketua DPRD', 'Kapolresta', 'Dandim']);
    const kutim = defaultPeserta('tim_terpadu', '64.08', {
      statusKepalaDaerah: 'pjs',
      satuanPolri: 'polres',
      adaLanal: true,
    }).map((p) => p.jabatan);
    expect(kutim).toEqual(expect.arrayContaining(['Pjs Bupati (Ketua Tim Terpadu)', 'Danlanal']));
    expect(defaultPeserta('forkopimda', '73.73').map((p) => p.jabatan)).not.toContain('Danlanal');
  });
  it('holds rakor at the province too, except the Forkopimcam', () => {
    expect(levelsForJenis('lintas_sektoral')).toEqual(['provinsi', 'kabkota']);
    expect(levelsForJenis('forkopimda')).toContain('provinsi');
    expect(levelsForJenis('forkopimcam')).toEqual(['kecamatan']);
    const polda = defaultPeserta('lintas_sektoral', '53').map((p) => p.jabatan);
    expect(polda).toEqual(expect.arrayContaining(['Kapolda', 'Bupati/Wali Kota se-provinsi (daring)']));
  });
});
