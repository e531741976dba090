/**
 * The petugas route tests' shared app (petugas.routes.test.ts, petugas-import.routes.test.ts,
 * petugas-kesehatan.routes.test.ts): one test app per file with TPS 001 and 002 of Wara's first
 * kelurahan, signed-in clients kept per user, the clock, a TPS's roster and the personal-data reads
 * audited. The bindings are live: a test file reads `t`, `tps001` and `tps002` after beforeAll set them.
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './test-app';

export let t: TestApp;
export let tps001: string;
export let tps002: string;
const clients: Record<string, TestClient> = {};
export const login = async (username: string) => (clients[username] ??= await t.login(username));
/** Moves the clock; sessions signed in at another time may have expired, so sign in again. */
export function setClock(at: string): void {
  t.clock.set(new Date(at));
  for (const key of Object.keys(clients)) delete clients[key];
}

/** Starts the file's app before its tests and closes it after them. */
export function usePetugasApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    const rows = await t.database.db
      .selectFrom('tps')
      .select(['id', 'kode'])
      .where('kode', 'in', ['7373011001001', '7373011001002'])
      .orderBy('kode')
      .execute();
    [tps001, tps002] = rows.map((r) => r.id) as [string, string];
  });
  afterAll(async () => {
    await t.close();
  });
}

export type Roster = {
  petugas: {
    id: string;
    nama: string;
    jenis: string;
    jabatan: string;
    version: number;
    nik: string;
    telepon: string | null;
    tanggalLahir: string | null;
    identitasTersamar: boolean;
    skriningStatus: string;
    skrining: { hasil: string; faktorRisiko: string[] } | null;
    jam: number;
    kelelahan: string;
  }[];
  lengkap: boolean;
  kekurangan: string[];
  susunan: { kppsKetua: number; kppsAnggota: number; linmas: number; pengawasTps: number };
  peringatan: { petugasId: string; tingkat: string; pengganti: { id: string }[] }[];
  insiden: { kondisi: string | null; santunanJenis: string | null }[];
  akses: { identitas: boolean; kesehatan: boolean; hadir: boolean };
};

export async function roster(username: string, tpsId = tps001) {
  const client = await login(username);
  return client.request({ method: 'GET', url: `/api/petugas/tps/${tpsId}` });
}

export async function readAudits(username: string) {
  return t.database.db
    .selectFrom('audit_log as a')
    .innerJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .select(['a.action', 'a.entity_id'])
    .where('u.username', '=', username)
    .where('a.action', '=', 'baca_data_pribadi')
    .execute();
}
