import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineRoute } from '../../contracts/route';
import { hariHApi } from '../../contracts/routes/hari-h';
import { outboxAnswer } from '../features/offline/outbox-answers';
import { outboxRequest, warningsOf } from '../features/offline/outbox-routes';
import { call, setPemilihan, urlOf } from './client';

const PEMILIHAN = '22222222-2222-4222-8222-222222222222';
const TPS_ID = '11111111-1111-4111-8111-111111111111';
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setPemilihan(null);
});

const cari = defineRoute({
  method: 'GET',
  path: '/contoh/:kode/berkas',
  tags: ['contoh'],
  summary: 'contoh',
  params: z.object({ kode: z.string() }),
  query: z.object({ q: z.string().optional(), tahap: z.array(z.string()).optional() }),
  response: z.object({ n: z.number() }),
});

describe('calls through the route table', () => {
  it('builds the URL from the declaration: parameters encoded, defined query values, the chosen election', async () => {
    setPemilihan(PEMILIHAN);
    expect(urlOf(cari, { params: { kode: 'a b/c' }, query: { q: '', tahap: ['x', 'y'] } })).toBe(
      '/api/contoh/a%20b%2Fc/berkas?tahap=x&tahap=y',
    );
    expect(urlOf(hariHApi.tps, { params: { kode: '73.73.01.1001' } })).toBe(
      `/api/hari-h/tps/73.73.01.1001?pemilihan=${PEMILIHAN}`,
    );
    // An item filed under another election keeps it.
    const other = '33333333-3333-4333-8333-333333333333';
    expect(urlOf(hariHApi.rekapNasional, { pemilihan: other })).toBe(`/api/hari-h/rekap?pemilihan=${other}`);
  });

  it('sends the method and body of the route and parses the answer with its schema', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      json({ tpsId: TPS_ID, situasi: 'waspada', replayed: false }),
    );
    vi.stubGlobal('fetch', fetch);
    const answer = await call(hariHApi.situasi, {
      body: { clientId: TPS_ID, tpsId: TPS_ID, situasi: 'waspada' },
    });
    expect(answer.situasi).toBe('waspada');
    expect(fetch.mock.calls[0]![0]).toBe('/api/hari-h/situasi');
    expect(fetch.mock.calls[0]![1]?.method).toBe('POST');

    fetch.mockImplementation(async () => json({ n: 'not a number' }));
    await expect(call(cari, { params: { kode: 'x' } })).rejects.toThrow();
  });

  it('files outbox requests by route and reads their late answers through it, warnings included', () => {
    setPemilihan(PEMILIHAN);
    const request = outboxRequest('hari-h.status', hariHApi.status, {
      body: { clientId: TPS_ID, tpsId: TPS_ID, tahap: 'dibuka', pemilih: null },
    });
    expect(request).toEqual({
      route: 'hari-h.status',
      method: 'POST',
      path: `/api/hari-h/status?pemilihan=${PEMILIHAN}`,
      body: { clientId: TPS_ID, tpsId: TPS_ID, tahap: 'dibuka', pemilih: null },
    });
    const warning = { code: 'tahap_terlewati', message: 'Tahap sebelumnya terlewati' };
    const answer = outboxAnswer(request, {
      tpsId: TPS_ID,
      tahap: 'dibuka',
      pemilih: null,
      applied: true,
      replayed: false,
      warnings: [warning],
    });
    expect(warningsOf(answer)).toEqual([warning]);
    expect(warningsOf({ id: TPS_ID })).toEqual([]);
  });
});
