import { describe, expect, it } from 'vitest';
import { LegCreate } from '../../../contracts/logistik';
import { periksaLeg } from '../../../domain/logistik/logistik';
import { ApiError } from '../../api/client';
import { idLogistik as id } from './teks';
import { issuesOfApi, issuesOfProblems, issuesOfZod } from './validasi';
import { warnaLeg } from './warna';

const t = (key: keyof typeof id, params: Record<string, string | number> = {}) =>
  id[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

describe('logistik form messages', () => {
  it("words the contract's issues per field in Indonesian, not zod's English", () => {
    const checked = LegCreate.safeParse({
      clientId: crypto.randomUUID(),
      wilayah: '64.08',
      dari: { titik: 'gudang_kpu', kodeWilayah: '64.08' },
      ke: { titik: 'ppk', kodeWilayah: '64.08.05' },
      berangkat: '',
      tiba: '2026-12-13T03:00:00+08:00',
      moda: 'darat',
      jarakKm: -1,
      waktuTempuhMenit: Number.NaN,
      kotak: 12,
      suratSuara: 6000,
    });
    expect(checked.success).toBe(false);
    const issues = issuesOfZod(checked.error!, t);
    expect(issues).toMatchObject({
      berangkat: 'Isi tanggal dan jam',
      jarakKm: 'Paling kecil 0',
      waktuTempuhMenit: 'Isi dengan angka',
    });
  });

  it("words the domain's leg problems by their code, at their field", () => {
    const problems = periksaLeg(
      {
        dari: { titik: 'ppk', kodeWilayah: '64.08.05' },
        ke: { titik: 'pps', kodeWilayah: '64.08.06.2001' },
        berangkat: 2,
        tiba: 1,
      },
      '64.08',
    );
    expect(issuesOfProblems(problems, t)).toEqual({
      'ke.kodeWilayah': id['log.problem.tidak_berurutan'],
      tiba: id['log.problem.waktu_tidak_valid'],
    });
  });

  it("reads the API's refusal: coded problems in words, other fields as the API wrote them", () => {
    const error = new ApiError(400, 'validation', 'Nomor TPS wajib diisi; …', {
      field: 'ke.tpsNomor',
      problems: [{ code: 'waktu_tidak_valid', field: 'tiba', message: 'server text' }],
    });
    expect(issuesOfApi(error, t)).toEqual({
      'ke.tpsNomor': 'Nomor TPS wajib diisi; …',
      tiba: id['log.problem.waktu_tidak_valid'],
    });
    expect(issuesOfApi(new ApiError(409, 'double_booked', 'x'), t)).toEqual({});
  });

  it('colours a leg by its state, a late or flagged one first', () => {
    const flag = [{ kode: 'tanpa_pengawal' as const, message: '' }];
    expect(warnaLeg({ status: 'rencana', bendera: [] })).toBe('rencana');
    expect(warnaLeg({ status: 'dalam_perjalanan', bendera: [] })).toBe('jalan');
    expect(warnaLeg({ status: 'tiba', bendera: [] })).toBe('tiba');
    expect(warnaLeg({ status: 'tiba', bendera: flag })).toBe('masalah');
    expect(warnaLeg({ status: 'terlambat', bendera: [] })).toBe('masalah');
    expect(warnaLeg({ status: 'tiba_terlambat', bendera: [] })).toBe('masalah');
  });
});
