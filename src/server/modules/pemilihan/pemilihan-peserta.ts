/**
 * The checks of a new or changed election: its stages in order around its voting day, and its holding
 * area, voting areas, parent and TPS against each other. Rules: docs/domain/pemilihan.md.
 */
import type { PemilihanCreateInput } from '../../../contracts/pemilihan';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { checkTahapan, indukRule, type Tahapan } from '../../../domain/pemilihan/pemilihan';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { DomainError } from '../../errors';
import type { PemilihanDeps, PemilihanReads } from './pemilihan-baca';
import * as repo from './pemilihan.repo';
import { pesertaOfRow } from './pemilihan.view';

export function validateTahapan(tahapan: readonly Tahapan[], hariPemungutan: string): void {
  const problems = checkTahapan(tahapan, hariPemungutan);
  if (problems.length > 0) {
    throw new DomainError('validation', problems[0] ?? 'Tahapan tidak valid', {
      field: 'tahapan',
      problems,
    });
  }
}

/** The holding area, voting areas, parent and TPS of a new election, checked against each other. */
export async function checkPeserta(
  deps: Pick<PemilihanDeps, 'db' | 'wilayah'>,
  reads: Pick<PemilihanReads, 'findVisible'>,
  actor: Actor,
  input: PemilihanCreateInput,
): Promise<void> {
  const { db } = deps;
  const { jenis, kodeWilayah } = input;
  if (kodeWilayah !== null) await deps.wilayah.require(kodeWilayah);
  const level = kodeWilayah === null ? null : parseKodeWilayah(kodeWilayah);
  const holdingLevel = level?.ok ? level.value.level : null;
  if (jenis === 'pilkades' && holdingLevel !== 'kabkota') {
    throw new DomainError('validation', 'Pilkades diselenggarakan oleh kabupaten: pilih kabupaten', {
      field: 'kodeWilayah',
    });
  }
  const national = jenis === 'pemilu' || jenis === 'pilkada_serentak';
  if (national !== (kodeWilayah === null)) {
    // One record per national election, whatever region looks at it; every other kind is held
    // by a region (a PSU or lanjutan by its KPU kab/kota, a Pilkades by its kabupaten).
    throw new DomainError(
      'validation',
      national
        ? 'Pemilu dan Pilkada serentak bersifat nasional: kosongkan wilayah penyelenggara'
        : 'Sebutkan wilayah penyelenggara pemilihan ini',
      { field: 'kodeWilayah' },
    );
  }
  const rule = indukRule(jenis);
  if (rule === 'wajib' && input.indukId === null) {
    throw new DomainError('validation', 'PSU harus menyebut pemilihan induknya', { field: 'indukId' });
  }
  if (rule === 'tidak' && input.indukId !== null) {
    throw new DomainError('validation', 'Jenis pemilihan ini tidak memiliki pemilihan induk', {
      field: 'indukId',
    });
  }
  let indukPeserta: readonly string[] | 'nasional' = 'nasional';
  if (input.indukId !== null) {
    const induk = await reads.findVisible(actor, input.indukId).catch(() => {
      throw new DomainError('validation', 'Pemilihan induk tidak ditemukan', { field: 'indukId' });
    });
    if (input.hariPemungutan <= induk.hari_pemungutan) {
      throw new DomainError('validation', 'Hari pemungutan harus sesudah hari pemungutan pemilihan induk', {
        field: 'hariPemungutan',
      });
    }
    if (induk.ditutup_at !== null) {
      throw new DomainError('invalid_state', 'Pemilihan induk sudah ditutup', { field: 'indukId' });
    }
    indukPeserta = pesertaOfRow(induk);
  }
  const insideHolding = (kode: string) => kodeWilayah === null || isInScope({ kodeWilayah }, kode);
  const insideInduk = (kode: string) =>
    indukPeserta === 'nasional' || indukPeserta.some((p) => isInScope({ kodeWilayah: p }, kode));
  // Voting areas: inside the holding area; a Pilkades is held in desa, never in a kelurahan.
  const kodes = [...new Set(input.wilayahPeserta)];
  if (jenis === 'pilkades' && kodes.length === 0) {
    throw new DomainError('validation', 'Sebutkan desa yang menyelenggarakan Pilkades', {
      field: 'wilayahPeserta',
    });
  }
  const jenisByKode = new Map((await repo.findWilayahJenis(db, kodes)).map((w) => [w.kode, w.jenis]));
  for (const kode of kodes) {
    const jenisWilayah = jenisByKode.get(kode);
    if (jenisWilayah === undefined) {
      throw new DomainError('not_found', `Wilayah ${kode} tidak ditemukan`, { field: 'wilayahPeserta' });
    }
    if (!insideHolding(kode) || !insideInduk(kode)) {
      throw new DomainError('validation', `Wilayah ${kode} di luar wilayah penyelenggara`, {
        field: 'wilayahPeserta',
      });
    }
    if (jenis === 'pilkades' && jenisWilayah !== 'desa' && jenisWilayah !== 'desa_adat') {
      throw new DomainError('validation', `${kode} bukan desa: Pilkades hanya diselenggarakan di desa`, {
        field: 'wilayahPeserta',
      });
    }
  }
  // TPS: a PSU names at least one, each inside the holding area and its parent's voting areas.
  const tpsIds = [...new Set(input.tps.map((t) => t.tpsId))];
  if (jenis === 'psu' && tpsIds.length === 0) {
    throw new DomainError('validation', 'PSU harus menyebut TPS yang memungut suara ulang', {
      field: 'tps',
    });
  }
  if (tpsIds.length !== input.tps.length) {
    throw new DomainError('validation', 'TPS yang sama disebut dua kali', { field: 'tps' });
  }
  const tpsRows = await repo.findTpsWilayah(db, tpsIds);
  if (tpsRows.length !== tpsIds.length)
    throw new DomainError('not_found', 'TPS tidak ditemukan', { field: 'tps' });
  if (tpsRows.some((t) => !insideHolding(t.kode_wilayah) || !insideInduk(t.kode_wilayah))) {
    throw new DomainError('validation', 'TPS di luar wilayah penyelenggara', { field: 'tps' });
  }
}
