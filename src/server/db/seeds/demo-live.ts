/**
 * The demo's live state on the day `npm start` first runs (issue 13: "some reports due today, one
 * late"): the situation reports of the last two days in the five seed regions, every area on time
 * but one kelurahan of Palopo that missed its latest report, and a few incidents in Palopo at
 * different points of their handling. Seeded only when the demo's voting day is counted from today
 * (a fixed SIAGA_VOTING_DAY, as the tests use, keeps these screens empty and reproducible).
 * Everything is marked as example data in its text (docs/domain/demo-data.md).
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { StatusKejadian } from '../../../domain/kejadian/alur';
import { dueSlots, GRACE_MINUTES, jadwalBawaan } from '../../../domain/laporan/jadwal';
import { tahapanFor, templateOf } from '../../../domain/pemilihan/pemilihan';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import type { Database, LaporanSituasiTable } from '../schema';
import { DEMO_PEMILIHAN_ID } from './demo-pemilihan';
import { DEMO_REGIONS } from './demo-regions';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The Palopo kelurahan whose latest report is missing (Siaga's demo choice: Wara Timur's first). */
const TERLAMBAT_PREFIX = '73.73.05.';

export async function seedDemoLive(
  trx: Kysely<Database>,
  votingDayOn: string,
  now: Date,
  users: { kesbangpolPalopo: string; babinsaTompotikka: string; lurahTompotikka: string },
): Promise<{ laporan: number; kejadian: number }> {
  const jadwal = jadwalBawaan(templateOf(tahapanFor('pilkada_serentak', votingDayOn), votingDayOn));
  // Each report is written by the area's own account where the demo has one (the lurah of
  // Tompotikka, the camat of Wara, each region's Kesbangpol), else by the region's Kesbangpol.
  const accounts = await trx
    .selectFrom('app_user')
    .select(['id', 'kode_wilayah'])
    .where('role', 'in', ['lurah', 'camat', 'operator'])
    .execute();
  const accountOf = new Map(accounts.map((u) => [u.kode_wilayah, u.id]));
  const values: Insertable<LaporanSituasiTable>[] = [];
  let missedOne = false;
  for (const region of DEMO_REGIONS) {
    const zone = ZONA_OFFSET_HOURS[zonaOf(region.kode)];
    // Slots whose grace has ended: in the half hour after a deadline the page still asks for that
    // slot's report, and a demo report there would turn every user's form into a correction (an
    // e2e test failed between 18.00 and 18.30 WITA for it).
    const closed = new Date(now.getTime() - GRACE_MINUTES * MINUTE_MS);
    const slots = dueSlots(jadwal, votingDayOn, zone, new Date(now.getTime() - 48 * HOUR_MS), closed);
    if (slots.length === 0) continue;
    const areas = await trx
      .selectFrom('wilayah')
      .select('kode')
      .where((eb) => eb.or([eb('kode', '=', region.kode), eb('kode', 'like', `${region.kode}.%`)]))
      .orderBy('kode')
      .execute();
    const regionAccount = accountOf.get(region.kode) ?? users.kesbangpolPalopo;
    for (const [s, slot] of slots.entries()) {
      const latest = s === slots.length - 1;
      for (const [i, { kode }] of areas.entries()) {
        // One Palopo kelurahan missed the latest report: the one late area of the demo.
        if (latest && !missedOne && kode.startsWith(TERLAMBAT_PREFIX) && kode.length > 8) {
          missedOne = true;
          continue;
        }
        // Written 15 to 105 minutes before the deadline, varying by area (deterministic).
        const dibuat = new Date(slot.getTime() - (15 + ((i * 37 + s * 11) % 91)) * MINUTE_MS);
        values.push({
          client_id: randomUUID(),
          pemilihan_id: DEMO_PEMILIHAN_ID,
          kode_wilayah: kode,
          slot_at: slot,
          situasi: 'kondusif',
          uraian: 'Situasi aman dan kondusif; kegiatan warga berjalan biasa (data contoh).',
          jumlah: JSON.stringify({ kejadian: 0, unjukRasa: 0, hoaks: 0, politikUang: 0, gangguanTps: 0 }),
          rollup: null,
          via: 'web',
          dibuat_at: dibuat,
          diterima_at: dibuat,
          submitted_by: accountOf.get(kode) ?? regionAccount,
        });
      }
    }
  }
  for (let i = 0; i < values.length; i += 1000) {
    await trx
      .insertInto('laporan_situasi')
      .values(values.slice(i, i + 1000))
      .execute();
  }

  const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR_MS);
  const incidents = [
    {
      kode_wilayah: '73.73.01.1001',
      kategori: 'politik_uang',
      severity: 'tinggi',
      status: 'baru',
      uraian: 'Warga melaporkan pembagian sembako berstiker paslon di gang dekat masjid (data contoh).',
      at: hoursAgo(1),
      by: users.babinsaTompotikka,
    },
    {
      kode_wilayah: '73.73',
      kategori: 'hoaks_provokasi',
      severity: 'sedang',
      status: 'diverifikasi',
      uraian:
        'Unggahan media sosial menuduh KPU Palopo menggelembungkan DPT; sedang diklarifikasi (data contoh).',
      at: hoursAgo(20),
      by: users.kesbangpolPalopo,
    },
    {
      kode_wilayah: '73.73.01.1001',
      kategori: 'perusakan_apk_logistik',
      severity: 'sedang',
      status: 'ditangani',
      uraian:
        'Baliho paslon dirobek orang tak dikenal di jalan poros; Bhabinkamtibmas menelusuri (data contoh).',
      at: hoursAgo(30),
      by: users.lurahTompotikka,
    },
  ] as const;
  for (const k of incidents) {
    const row = await trx
      .insertInto('kejadian')
      .values({
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        kode_wilayah: k.kode_wilayah,
        tps_id: null,
        lat: null,
        lon: null,
        kategori: k.kategori,
        severity: k.severity,
        uraian: k.uraian,
        terjadi_at: k.at,
        diketahui_at: k.at,
        status: k.status,
        level: k.kode_wilayah.length > 5 ? 'kelurahan' : 'kabkota',
        level_since: k.at,
        reported_by: k.by,
        reported_at: k.at,
        via: 'web',
        verified_at: k.status === 'baru' ? null : new Date(k.at.getTime() + 30 * MINUTE_MS),
        assigned_at: k.status === 'ditangani' ? new Date(k.at.getTime() + 2 * HOUR_MS) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const steps: { aksi: string; dari: StatusKejadian | null; ke: StatusKejadian; at: Date }[] = [
      { aksi: 'lapor', dari: null, ke: 'baru', at: k.at },
    ];
    if (k.status !== 'baru')
      steps.push({
        aksi: 'verifikasi',
        dari: 'baru',
        ke: 'diverifikasi',
        at: new Date(k.at.getTime() + 30 * MINUTE_MS),
      });
    if (k.status === 'ditangani')
      steps.push({
        aksi: 'tangani',
        dari: 'diverifikasi',
        ke: 'ditangani',
        at: new Date(k.at.getTime() + 2 * HOUR_MS),
      });
    await trx
      .insertInto('kejadian_langkah')
      .values(
        steps.map((s) => ({
          kejadian_id: row.id,
          aksi: s.aksi,
          dari_status: s.dari,
          ke_status: s.ke,
          catatan: 'data contoh',
          actor_id: k.by,
          at: s.at,
        })),
      )
      .execute();
  }
  return { laporan: values.length, kejadian: incidents.length };
}
