/**
 * Imbauan through the API: sent down the hierarchy once per client id, delivered, read and
 * acknowledged per recipient, reminded after the priority's interval, and a public drill exported as
 * CAP 1.2 that validates against the schema. Rakor: koordinasi-rakor.routes.test.ts; tindak lanjut,
 * readiness, NPHD and indicators: koordinasi-kesiapan.routes.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock starts at 2024-11-20 09:00 WITA: H-7 for voting day 27 November 2024.
let t: TestApp;
let pjWali: TestClient;
let camat: TestClient;
let lurah: TestClient;
let babinsa: TestClient;
let kutim: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  pjWali = await t.login('forkopimda.palopo');
  camat = await t.login('camat.wara');
  lurah = await t.login('lurah.tompotikka');
  babinsa = await t.login('babinsa.tompotikka');
  kutim = await t.login('kesbangpol.kutim');
});
afterAll(async () => {
  await t.close();
});

describe('imbauan down the hierarchy', () => {
  let imbauanId: string;
  const imbauan = {
    clientId: randomUUID(),
    kodeWilayah: '73.73',
    jenis: 'imbauan',
    prioritas: 'segera',
    judul: 'Imbauan menahan diri pada masa tenang',
    isi: 'Camat dan lurah mengimbau warga menahan diri dan tidak terpancing provokasi.',
    targetRoles: ['lurah', 'babinsa'],
    teruskanRtRw: true,
    publik: true,
    latihan: true,
  };

  it('sends to every lurah and Babinsa of the city, once per clientId', async () => {
    const sent = await pjWali.request({ method: 'POST', url: '/api/koordinasi/imbauan', payload: imbauan });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().penerima).toBe(2);
    imbauanId = sent.json().id;
    const retry = await pjWali.request({ method: 'POST', url: '/api/koordinasi/imbauan', payload: imbauan });
    expect(retry.json()).toMatchObject({ id: imbauanId, replayed: true });
    const nobody = await pjWali.request({
      method: 'POST',
      url: '/api/koordinasi/imbauan',
      payload: { ...imbauan, clientId: randomUUID(), targetRoles: ['bhabinkamtibmas'] },
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.message).toContain('Tidak ada pengguna');
    const lurahSends = await lurah.request({
      method: 'POST',
      url: '/api/koordinasi/imbauan',
      payload: { ...imbauan, clientId: randomUUID() },
    });
    expect(lurahSends.statusCode).toBe(403);
    const camatToCity = await camat.request({
      method: 'POST',
      url: '/api/koordinasi/imbauan',
      payload: { ...imbauan, clientId: randomUUID() },
    });
    expect(camatToCity.statusCode).toBe(403);
  });

  it('tracks delivery, reading and acknowledgement per recipient', async () => {
    const inbox = (await lurah.request({ method: 'GET', url: '/api/koordinasi/imbauan/masuk' })).json();
    expect(inbox.items[0]).toMatchObject({
      id: imbauanId,
      kodeWilayah: '73.73',
      status: 'diterima',
      teruskanRtRw: true,
    });
    expect(
      (await lurah.request({ method: 'POST', url: `/api/koordinasi/imbauan/${imbauanId}/baca` })).statusCode,
    ).toBe(204);
    const notForwarded = await lurah.request({
      method: 'POST',
      url: `/api/koordinasi/imbauan/${imbauanId}/konfirmasi`,
      payload: {},
    });
    expect(notForwarded.statusCode).toBe(400);
    const ack = await lurah.request({
      method: 'POST',
      url: `/api/koordinasi/imbauan/${imbauanId}/konfirmasi`,
      payload: { catatan: 'Diteruskan ke 12 RT', diteruskanRtRw: true },
    });
    expect(ack.json().replayed).toBe(false);
    const ackAgain = await lurah.request({
      method: 'POST',
      url: `/api/koordinasi/imbauan/${imbauanId}/konfirmasi`,
      payload: { diteruskanRtRw: true },
    });
    expect(ackAgain.json()).toEqual({ acknowledgedAt: ack.json().acknowledgedAt, replayed: true });
    const detail = (
      await pjWali.request({ method: 'GET', url: `/api/koordinasi/imbauan/${imbauanId}` })
    ).json();
    const status = Object.fromEntries(
      detail.penerima.map((p: { username: string; status: string }) => [p.username, p.status]),
    );
    expect(status).toEqual({ 'lurah.tompotikka': 'dikonfirmasi', 'babinsa.tompotikka': 'terkirim' });
    expect(detail.rekap).toMatchObject({ total: 2, dikonfirmasi: 1, acknowledgedPercent: 50 });
    expect(
      (await kutim.request({ method: 'GET', url: `/api/koordinasi/imbauan/${imbauanId}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await kutim.request({
          method: 'POST',
          url: `/api/koordinasi/imbauan/${imbauanId}/konfirmasi`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reminds only those who have not acknowledged, after the priority interval', async () => {
    expect(
      (
        await pjWali.request({ method: 'POST', url: `/api/koordinasi/imbauan/${imbauanId}/pengingat` })
      ).json(),
    ).toEqual({ reminded: 0 });
    t.clock.set(new Date('2024-11-20T12:00:00+08:00'));
    try {
      expect(
        (
          await pjWali.request({ method: 'POST', url: `/api/koordinasi/imbauan/${imbauanId}/pengingat` })
        ).json(),
      ).toEqual({ reminded: 1 });
      expect(
        (
          await pjWali.request({ method: 'POST', url: `/api/koordinasi/imbauan/${imbauanId}/pengingat` })
        ).json(),
      ).toEqual({ reminded: 0 });
      const inbox = (await babinsa.request({ method: 'GET', url: '/api/koordinasi/imbauan/masuk' })).json();
      expect(inbox.items[0]).toMatchObject({ id: imbauanId, reminderCount: 1 });
    } finally {
      t.clock.set(new Date('2024-11-20T09:00:00+08:00'));
    }
  });

  it('exports a public drill as CAP 1.2 with status Exercise that validates against the schema', async () => {
    const response = await pjWali.request({
      method: 'GET',
      url: `/api/koordinasi/imbauan/${imbauanId}/cap.xml`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<status>Exercise</status>');
    expect(response.body).toContain('<sent>2024-11-20T09:00:00+08:00</sent>');
    const dir = mkdtempSync(path.join(tmpdir(), 'siaga-cap-'));
    const file = path.join(dir, 'alert.xml');
    writeFileSync(file, response.body);
    const xsd = path.resolve('docs/standards/CAP-v1.2.xsd');
    // xmllint (Debian's libxml2-utils) exits non-zero when the document does not validate.
    const output = execFileSync('xmllint', ['--noout', '--schema', xsd, file], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(output).toBe('');
    writeFileSync(file, response.body.replace('<status>Exercise</status>', '<status>Latihan</status>'));
    expect(() => execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' })).toThrow();
  });
});
