/** The election a service test works in, as the request hook would resolve it (test template: voting day 2024-11-27). */
import { randomUUID } from 'node:crypto';
import { aturanPelanggaranOf, tahapanFor, type JenisPemilihan } from '../../domain/pemilihan/pemilihan';
import { DEMO_PEMILIHAN_ID } from '../db/seeds/demo-pemilihan';
import type { PemilihanContext } from '../modules/pemilihan/pemilihan.service';
import type { TestApp, TestClient } from './test-app';

export function pemilihanContext(
  over: Partial<PemilihanContext> & { jenis?: JenisPemilihan } = {},
): PemilihanContext {
  const jenis = over.jenis ?? 'pilkada_serentak';
  const hariPemungutan = over.hariPemungutan ?? '2024-11-27';
  return {
    id: DEMO_PEMILIHAN_ID,
    nama: 'Simulasi Pilkada 2024',
    jenis,
    hariPemungutan,
    kodeWilayah: null,
    ditutup: false,
    tahapan: tahapanFor(jenis, hariPemungutan),
    aturanPelanggaran: aturanPelanggaranOf(jenis),
    peserta: 'nasional',
    ...over,
  };
}

/** A URL builder naming one election, as every request of the web client does. */
export function inPemilihan(pemilihanId: string): (url: string) => string {
  return (url) => `${url}${url.includes('?') ? '&' : '?'}pemilihan=${pemilihanId}`;
}

/** Creates an election through the API as `client` (201 expected): its id and version. */
export async function createPemilihanVia(
  client: TestClient,
  payload: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const created = await client.request({ method: 'POST', url: '/api/pemilihan', payload });
  if (created.statusCode !== 201)
    throw new Error(`POST /api/pemilihan ${created.statusCode}: ${created.body}`);
  return created.json<{ id: string; version: number }>();
}

/**
 * A PSU of the demo election in Palopo on 4 Dec 2024 for one TPS of kelurahan `kel`, created by
 * Kesbangpol Palopo: a second election with no campaign stage. Its URL builder.
 */
export async function psuPalopoVia(t: TestApp, kel: string, nama: string): Promise<(url: string) => string> {
  const palopo = await t.login('kesbangpol.palopo');
  const tps = await t.database.db
    .selectFrom('tps')
    .select('id')
    .where('kode_wilayah', '=', kel)
    .limit(1)
    .execute();
  const { id } = await createPemilihanVia(palopo, {
    clientId: randomUUID(),
    nama,
    jenis: 'psu',
    hariPemungutan: '2024-12-04',
    kodeWilayah: '73.73',
    indukId: DEMO_PEMILIHAN_ID,
    tps: tps.map((x) => ({ tpsId: x.id })),
  });
  return inPemilihan(id);
}
