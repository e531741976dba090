/**
 * buildApp(deps): the whole HTTP application without listen(), so tests drive it with inject().
 * Routes are thin; services hold the use cases; repos hold the SQL.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { systemClock, type Clock } from './cross-cutting/clock';
import type { DatabaseHandle } from './db/client';
import { runAlone } from './db/run-alone';
import { registerAuth } from './http/auth';
import { answerFrameworkError, registerErrorHandler } from './http/error-handler';
import { registerJsonBody } from './http/json-body';
import { registerSecurityHeaders } from './http/security-headers';
import { validatorCompiler } from './http/validator';
import { documentPemilihan, registerPemilihan } from './http/pemilihan';
import { createLiveHub } from './live/live-hub';
import { liveRoutes } from './live/live.routes';
import { anevRoutes } from './modules/anev/anev.routes';
import { createAnevService } from './modules/anev/anev.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditLog, createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { createSessionCache, SESSION_CHANNEL } from './modules/auth/session-cache';
import { kejadianAnev } from './modules/kejadian/kejadian-anev';
import { kerawananAnev } from './modules/kerawanan/kerawanan-anev';
import { kampanyeRoutes } from './modules/kampanye/kampanye.routes';
import { createKampanyeService } from './modules/kampanye/kampanye.service';
import { koordinasiAnev } from './modules/koordinasi/koordinasi-anev';
import { laporanAnev } from './modules/laporan/laporan-anev';
import { rekapitulasiRoutes } from './modules/rekapitulasi/rekapitulasi.routes';
import { createRekapitulasiService } from './modules/rekapitulasi/rekapitulasi.service';
import { koordinasiRoutes } from './modules/koordinasi/koordinasi.routes';
import { createKoordinasiService } from './modules/koordinasi/koordinasi.service';
import { pengamananRoutes } from './modules/pengamanan/pengamanan.routes';
import { createLogistikService } from './modules/logistik/logistik.service';
import { logistikRoutes } from './modules/logistik/logistik.routes';
import { createPengamananService } from './modules/pengamanan/pengamanan.service';
import { hariHRoutes } from './modules/hari-h/hari-h.routes';
import { createHariHService } from './modules/hari-h/hari-h.service';
import { createBerkasService } from './modules/berkas/berkas.service';
import { kejadianRoutes } from './modules/kejadian/kejadian.routes';
import { createKejadianService } from './modules/kejadian/kejadian.service';
import { laporanRoutes } from './modules/laporan/laporan.routes';
import { medsosRoutes } from './modules/medsos/medsos.routes';
import { createMedsosService } from './modules/medsos/medsos.service';
import { createLaporanService } from './modules/laporan/laporan.service';
import { smsRoutes } from './modules/sms/sms.routes';
import { createSmsService } from './modules/sms/sms.service';
import { kerawananRoutes } from './modules/kerawanan/kerawanan.routes';
import { createKerawananService } from './modules/kerawanan/kerawanan.service';
import { netralitasRoutes } from './modules/netralitas/netralitas.routes';
import { createNetralitasService } from './modules/netralitas/netralitas.service';
import { patroliRoutes } from './modules/patroli/patroli.routes';
import { createPatroliService } from './modules/patroli/patroli.service';
import { pemilihanRoutes } from './modules/pemilihan/pemilihan.routes';
import { createPemilihanService } from './modules/pemilihan/pemilihan.service';
import { createHadirIngest } from './modules/petugas/petugas-hadir';
import { createPetugasImportService } from './modules/petugas/petugas-import.service';
import { petugasRoutes } from './modules/petugas/petugas.routes';
import { createPetugasService } from './modules/petugas/petugas.service';
import { systemRoutes } from './modules/system/system.routes';
import { createTpsImportService } from './modules/tps/tps-import.service';
import { tpsRoutes } from './modules/tps/tps.routes';
import { createTpsService } from './modules/tps/tps.service';
import { usersRoutes } from './modules/users/users.routes';
import { createUsersService } from './modules/users/users.service';
import { createWilayahService } from './modules/wilayah/wilayah.service';
import { wilayahRoutes } from './modules/wilayah/wilayah.routes';

export const VERSION = '0.1.0';

export interface AppOptions {
  database: DatabaseHandle;
  clock?: Clock;
  sessionHours?: number;
  cookieSecure?: boolean;
  loginRateLimitPerMinute?: number;
  maxUploadBytes?: number;
  tileUrl?: string | undefined;
  /** Shared secret of the SMS gateway webhook; undefined turns SMS intake off. */
  smsToken?: string | undefined;
  /** Folder of the built web app; served at / when it exists. */
  webDir?: string | undefined;
  logLevel?: string;
  /** The HTTP server the app answers on, made by the caller (main.ts's start gate); tests inject. */
  serverFactory?: FastifyServerFactory;
  /** How often open incidents are escalated when due; 0 turns the timer off. */
  escalationIntervalMs?: number;
  /** How often open live streams' sessions are checked for expiry (live-hub.ts); 0 turns it off. */
  liveSweepMs?: number;
  /** How often officers' health data past its retention is deleted; 0 turns the timer off. */
  retentionIntervalMs?: number;
  /** Told of every request that may write (not GET or HEAD): the embedded maintenance waits for quiet. */
  onWrite?: () => void;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, engine } = options.database;
  const clock = options.clock ?? systemClock;
  const sessionHours = options.sessionHours ?? 12;

  const app = Fastify({
    logger: { level: options.logLevel ?? 'silent' },
    bodyLimit: 1024 * 1024,
    frameworkErrors: answerFrameworkError,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  const onWrite = options.onWrite;
  if (onWrite) {
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') onWrite();
      done();
    });
  }
  registerJsonBody(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Siaga API', version: VERSION, description: 'Koordinasi pengamanan Pilkada' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'siaga_sid' } } },
      security: [{ session: [] }],
    },
    transform: documentPemilihan(jsonSchemaTransform),
  });
  await registerSecurityHeaders(app, { tileUrl: options.tileUrl, secure: options.cookieSecure ?? false });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: options.maxUploadBytes ?? 50 * 1024 * 1024, files: 1, fields: 5 },
  });

  const audit = createAuditLog();
  const wilayah = createWilayahService({ db });
  const tps = createTpsService({ audit, db, wilayah });
  const pemilihan = createPemilihanService({ audit, db, wilayah, clock });
  const kerawanan = createKerawananService({ audit, db, wilayah, clock });
  const berkas = createBerkasService({ db, audit });
  const kejadian = createKejadianService({
    audit,
    db,
    wilayah,
    clock,
    berkas,
    libur: () => pemilihan.liburDates(),
  });
  const laporan = createLaporanService({ audit, db, wilayah, clock });
  const pengamanan = createPengamananService({ audit, db, wilayah, clock });
  const petugas = createPetugasService({ audit, db, wilayah, clock, kejadian });
  const sessionCache = createSessionCache();
  const auth = createAuthService({ audit, db, clock, sessionHours, cache: sessionCache });
  const services = {
    auth,
    wilayah,
    tps,
    tpsImport: createTpsImportService({ audit, db, wilayah }),
    users: createUsersService({ audit, db, wilayah, auth, onSessionsChanged: sessionCache.forgetUser }),
    audit: createAuditService({ db }),
    pemilihan,
    kerawanan,
    kampanye: createKampanyeService({ audit, db, clock, wilayah, kerawanan, pengamanan }),
    netralitas: createNetralitasService({ audit, db, clock, wilayah, libur: () => pemilihan.liburDates() }),
    patroli: createPatroliService({ audit, db, clock, wilayah, kerawanan, kejadian, pengamanan }),
    // Two status batches in flight on PostgreSQL: one's round trips overlap the other's work (measured
    // in bench/laporan.ts, docs/benchmarks.md). The embedded engine has one session, so one.
    hariH: createHariHService({
      audit,
      db,
      wilayah,
      clock,
      ingestConcurrency: engine === 'postgres' ? 2 : 1,
    }),
    kejadian,
    laporan,
    koordinasi: createKoordinasiService({ audit, db, wilayah, clock, kejadian }),
    pengamanan,
    rekapitulasi: createRekapitulasiService({ audit, db, wilayah, pengamanan }),
    medsos: createMedsosService({
      audit,
      db,
      clock,
      wilayah,
      kejadian,
      berkas,
    }),
    logistik: createLogistikService({ audit, db, wilayah, clock, pengamanan, kerawanan, berkas }),
    anev: createAnevService({
      audit,
      db,
      wilayah,
      pemilihan,
      sumber: [kerawananAnev(db), kejadianAnev(db), laporanAnev(db, laporan, clock), koordinasiAnev(db)],
    }),
    petugas,
    petugasImport: createPetugasImportService({ audit, db, wilayah }),
    petugasHadir: createHadirIngest({
      audit,
      db,
      clock,
      concurrency: engine === 'postgres' ? 2 : 1,
    }),
  };
  const sms = createSmsService({
    audit,
    db,
    token: options.smsToken,
    laporan: services.laporan,
    pemilihanUntuk: (actor, about) => pemilihan.aktifUntuk(actor, about),
    hariH: services.hariH,
    kejadian: (actor, election, input) =>
      services.kejadian.report(
        actor,
        election,
        {
          clientId: input.clientId,
          kategori: input.kategori,
          kodeWilayah: input.kodeWilayah,
          tpsId: input.tpsId,
          terjadiAt: clock.now().toISOString(),
          uraian: input.uraian,
          terbatas: false,
          pelaporRahasia: false,
        },
        'sms',
      ),
  });
  registerAuth(app, services.auth);
  registerPemilihan(app, pemilihan);
  // One LISTEN per app node; every node's screens get every node's changes.
  const live = createLiveHub(options.database, {
    checkSession: (token) => services.auth.check(token),
    now: () => clock.now().getTime(),
    ...(options.liveSweepMs === undefined ? {} : { sweepMs: options.liveSweepMs }),
  });
  // Every node forgets a user's cached sessions when the database announces a change to them.
  let stopSessionListen: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    // After a lost LISTEN connection, revocations may have been missed: forget every cached session.
    // Open live streams of that user are checked again: a session that ended closes its streams.
    stopSessionListen = await options.database.listen(
      SESSION_CHANNEL,
      (userId) => {
        sessionCache.forgetUser(userId);
        void live.sessionsChanged(userId);
      },
      () => {
        sessionCache.clear();
        void live.recheckAllSessions();
      },
    );
  });
  app.addHook('onClose', async () => stopSessionListen?.());
  app.addHook('onReady', () => live.start());
  app.addHook('preClose', async () => live.endStreams());
  app.addHook('onClose', () => live.close());
  // Incidents climb the chain when their clock runs out, even when nobody looks (docs/domain/laporan.md).
  const escalationIntervalMs = options.escalationIntervalMs ?? 60_000;
  let escalationTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    if (escalationIntervalMs <= 0) return;
    let running = false;
    escalationTimer = setInterval(() => {
      if (running) return; // a slow run is not overtaken by the next tick
      running = true;
      // Every node ticks; one at a time runs (db/run-alone.ts), the others skip their turn.
      runAlone(options.database, 'escalation', () => services.kejadian.escalateDue())
        .catch((error: unknown) => app.log.error({ err: error }, 'escalation'))
        .finally(() => (running = false));
    }, escalationIntervalMs);
    escalationTimer.unref();
  });
  app.addHook('onClose', async () => clearInterval(escalationTimer));
  // Officers' health data outlives its election only as long as its region's rule says (UU 27/2022;
  // docs/domain/petugas.md §Retention): checked hourly, on one node at a time.
  const retentionIntervalMs = options.retentionIntervalMs ?? 3_600_000;
  let retentionTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    if (retentionIntervalMs <= 0) return;
    let running = false;
    retentionTimer = setInterval(() => {
      if (running) return;
      running = true;
      runAlone(options.database, 'retensi_petugas', () => petugas.hapusKesehatanLewatRetensi())
        .catch((error: unknown) => app.log.error({ err: error }, 'retensi petugas'))
        .finally(() => (running = false));
    }, retentionIntervalMs);
    retentionTimer.unref();
  });
  app.addHook('onClose', async () => clearInterval(retentionTimer));

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(
        systemRoutes({
          db,
          engine,
          version: VERSION,
          tileUrl: options.tileUrl,
        }),
      );
      await api.register(
        authRoutes({
          auth: services.auth,
          cookieSecure: options.cookieSecure ?? false,
          sessionHours,
          loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10,
          now: () => clock.now().getTime(),
        }),
      );
      await api.register(pemilihanRoutes(services));
      await api.register(anevRoutes(services));
      await api.register(wilayahRoutes(services));
      await api.register(tpsRoutes(services));
      await api.register(usersRoutes(services));
      await api.register(auditRoutes(services));
      await api.register(kerawananRoutes(services));
      await api.register(koordinasiRoutes(services));
      await api.register(liveRoutes({ live, sessionExpiry: (token) => services.auth.expiryOf(token) }));
      await api.register(hariHRoutes(services));
      await api.register(kejadianRoutes(services));
      await api.register(medsosRoutes(services));
      await api.register(laporanRoutes(services));
      await api.register(smsRoutes({ sms }));
      await api.register(pengamananRoutes(services));
      await api.register(kampanyeRoutes(services));
      await api.register(rekapitulasiRoutes(services));
      await api.register(patroliRoutes(services));
      await api.register(netralitasRoutes(services));
      await api.register(petugasRoutes(services));
      await api.register(logistikRoutes(services));
    },
    { prefix: '/api' },
  );

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text asset; the best one the browser accepts is sent.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', webCacheControl(webDir, filePath));
      },
    });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/tps/…, /wilayah/…) all load the single page.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `Alamat ${request.url} tidak ada` } });
  });
  return app;
}

/**
 * Files under assets/ carry a content hash in their name and never change: a year, immutable. The
 * rest (index.html, the service worker, the manifest, icons) must be checked on every load, or a
 * new version would never reach a phone (docs/decisions/0010-offline-web-app.md).
 */
export function webCacheControl(webDir: string, filePath: string): string {
  const relative = path.relative(webDir, filePath).split(path.sep);
  return relative[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}
