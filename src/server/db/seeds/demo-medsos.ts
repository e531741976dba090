/**
 * The demo's social-media picture in Palopo (issue 19), seeded with the day's live state: a hoax
 * accusing the KPU with two screenshots, linked to the live state's hoax incident and taken down by
 * the platform; a re-share merged into it; a SARA video under review at Komdigi; an offer of money in
 * a WhatsApp group; a satire dismissed. Marked as example data in its text (docs/domain/demo-data.md).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KategoriMedsos, StatusMedsos } from '../../../domain/medsos/medsos';
import { sha256Hex } from '../../../domain/medsos/bukti';
import { normaliseUrl } from '../../../domain/medsos/url';
import type { Database } from '../schema';
import { demoScreenshot } from './demo-gambar';
import { DEMO_PEMILIHAN_ID } from './demo-pemilihan';

const HOUR_MS = 3_600_000;

interface DemoPost {
  key: string;
  url: string;
  akun: string;
  teks: string;
  kode: string;
  kategori: KategoriMedsos;
  status: StatusMedsos;
  hoursAgo: number;
  into?: string;
  alasan?: string;
}

const POSTS: DemoPost[] = [
  {
    key: 'hoaks',
    url: 'https://www.facebook.com/groups/palopobersuara/posts/7301/?mibextid=demo',
    akun: 'Palopo Bersuara',
    teks: 'BREAKING!! KPU Palopo gelembungkan DPT 12 ribu pemilih siluman di Wara. Sebarkan sebelum dihapus!! (data contoh)',
    kode: '73.73',
    kategori: 'hoaks',
    status: 'dieskalasi',
    hoursAgo: 22,
  },
  {
    key: 'sebar-ulang',
    url: 'https://x.com/infowarapalopo/status/1859000000000000001',
    akun: 'infowarapalopo',
    teks: 'Katanya DPT Palopo digelembungkan 12 ribu?? (data contoh)',
    kode: '73.73.01',
    kategori: 'hoaks',
    status: 'digabung',
    hoursAgo: 21,
    into: 'hoaks',
  },
  {
    key: 'sara',
    url: 'https://www.tiktok.com/@suara.luwu/video/7439000000000000001',
    akun: '@suara.luwu',
    teks: 'Video menyudutkan satu suku pendukung paslon tertentu di Wara Timur (data contoh).',
    kode: '73.73.05',
    kategori: 'sara',
    status: 'diverifikasi',
    hoursAgo: 9,
  },
  {
    key: 'uang',
    url: 'https://chat.whatsapp.com/DemoGrupWargaBara',
    akun: 'Grup Warga Bara',
    teks: 'Besok pagi kumpul di pos ronda, ada amplop Rp100.000 untuk yang pilih nomor 2 (data contoh).',
    kode: '73.73.08',
    kategori: 'politik_uang',
    status: 'baru',
    hoursAgo: 3,
  },
  {
    key: 'satire',
    url: 'https://www.instagram.com/p/DemoSatire01/',
    akun: 'meme.palopo',
    teks: 'Meme paslon naik becak ke TPS (data contoh).',
    kode: '73.73',
    kategori: 'kampanye_hitam',
    status: 'diabaikan',
    hoursAgo: 30,
    alasan: 'Satire yang jelas, tidak menyerang pribadi atau penyelenggara',
  },
];

export async function seedDemoMedsos(
  trx: Kysely<Database>,
  now: Date,
  users: { siberPalopo: string; kesbangpolPalopo: string },
): Promise<{ posts: number }> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS);
  const ids = new Map<string, string>();
  for (const p of POSTS) {
    const url = normaliseUrl(p.url);
    if (!url.ok) throw new Error(`demo post ${p.key}: ${url.reason}`);
    const id = randomUUID();
    ids.set(p.key, id);
    await trx
      .insertInto('medsos_post')
      .values({
        id,
        pemilihan_id: DEMO_PEMILIHAN_ID,
        client_id: randomUUID(),
        platform: url.platform,
        akun: p.akun,
        url: p.url,
        url_normal: url.url,
        teks: p.teks,
        dilihat_at: at(p.hoursAgo),
        kode_wilayah: p.kode,
        kategori: p.kategori,
        status: p.status,
        merged_into: p.into === undefined ? null : ids.get(p.into)!,
        alasan: p.alasan ?? null,
        recorded_by: users.siberPalopo,
        recorded_at: at(p.hoursAgo - 0.2),
      })
      .execute();
    const steps = [{ aksi: 'catat', catatan: 'data contoh', h: p.hoursAgo - 0.2 }];
    if (p.status !== 'baru' && p.status !== 'digabung' && p.status !== 'diabaikan')
      steps.push({ aksi: 'verifikasi', catatan: '', h: p.hoursAgo - 1 });
    if (p.status === 'dieskalasi')
      steps.push({ aksi: 'eskalasi', catatan: 'untuk rakor Forkopimda', h: p.hoursAgo - 1.2 });
    if (p.status === 'digabung') steps.push({ aksi: 'gabung', catatan: 'sebaran ulang', h: p.hoursAgo - 1 });
    if (p.status === 'diabaikan') steps.push({ aksi: 'abaikan', catatan: p.alasan ?? '', h: p.hoursAgo - 1 });
    await trx
      .insertInto('medsos_langkah')
      .values(
        steps.map((s) => ({
          post_id: id,
          aksi: s.aksi,
          catatan: s.catatan,
          actor_id: users.siberPalopo,
          at: at(s.h),
        })),
      )
      .execute();
  }

  // The hoax's two screenshots: the post, and its comments a little later.
  const hoaks = ids.get('hoaks')!;
  for (const [i, seed] of [1, 2].entries()) {
    const bytes = demoScreenshot([24, 119, 242], seed);
    const sha256 = await sha256Hex(bytes);
    await trx
      .insertInto('berkas')
      .values({ sha256, mime: 'image/png', size_bytes: bytes.length, bytes })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx
      .insertInto('medsos_bukti')
      .values({
        post_id: hoaks,
        sha256,
        nama_berkas: `tangkapan-layar-${i + 1}.png`,
        diambil_by: users.siberPalopo,
        diambil_at: at(22 - i * 0.1),
        uploaded_at: at(21.7),
      })
      .execute();
  }
  // Linked to the live state's hoax incident (demo-live.ts), when there is one.
  const incident = await trx
    .selectFrom('kejadian')
    .select('id')
    .where('pemilihan_id', '=', DEMO_PEMILIHAN_ID)
    .where('kategori', '=', 'hoaks_provokasi')
    .where('kode_wilayah', '=', '73.73')
    .executeTakeFirst();
  if (incident)
    await trx
      .insertInto('medsos_kejadian')
      .values({
        post_id: hoaks,
        kejadian_id: incident.id,
        linked_by: users.kesbangpolPalopo,
        linked_at: at(20),
      })
      .execute();
  // The hoax taken down by the platform in 7½ hours; the SARA video still with Komdigi.
  await trx
    .insertInto('medsos_takedown')
    .values([
      {
        post_id: hoaks,
        tujuan: 'platform',
        status: 'diturunkan',
        nomor: 'FB-DEMO-0001',
        catatan: 'Diturunkan platform (data contoh)',
        diajukan_at: at(20.5),
        diproses_at: at(18),
        selesai_at: at(13),
        created_by: users.siberPalopo,
      },
      {
        post_id: ids.get('sara')!,
        tujuan: 'komdigi',
        status: 'diproses',
        nomor: 'ADUAN-KONTEN-DEMO-17',
        catatan: '',
        diajukan_at: at(8),
        diproses_at: at(6),
        selesai_at: null,
        created_by: users.siberPalopo,
      },
    ])
    .execute();
  // The hoax's later steps, for its history.
  await trx
    .insertInto('medsos_langkah')
    .values(
      (
        [
          ['bukti', 'tangkapan-layar-1.png, tangkapan-layar-2.png', 21.7, users.siberPalopo],
          ['kait_kejadian', incident?.id ?? '', 20, users.kesbangpolPalopo],
          ['takedown', 'platform FB-DEMO-0001', 20.5, users.siberPalopo],
          ['takedown_diproses', 'platform', 18, users.siberPalopo],
          ['takedown_diturunkan', 'platform', 13, users.siberPalopo],
        ] as const
      )
        .filter(([aksi]) => aksi !== 'kait_kejadian' || incident !== undefined)
        .map(([aksi, catatan, h, actor]) => ({ post_id: hoaks, aksi, catatan, actor_id: actor, at: at(h) })),
    )
    .execute();
  return { posts: POSTS.length };
}
