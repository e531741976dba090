/**
 * The rakor's weekly picture of social media (docs/domain/medsos.md §Ringkasan mingguan): seven local
 * days from `dari` (default: the week ending today), by category, platform and kecamatan concerned,
 * and the slowest takedowns; as JSON for the page, and as PDF and XLSX for the rakor.
 */
import type { RingkasanMedsos, RingkasanQuery } from '../../../contracts/medsos';
import type { Actor } from '../../../domain/access/scope';
import { mingguDari, summariseWeek } from '../../../domain/medsos/ringkasan';
import { addDays } from '../../../domain/time/hari';
import { todayIn, ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { MedsosDeps } from './medsos-context';
import * as repo from './medsos.repo';
import { buildRingkasanPdf, buildRingkasanXlsx } from './medsos-report';

export function createRingkasanUseCases(deps: MedsosDeps) {
  const { db } = deps;
  const uses = {
    /** The week as printed for the rakor: PDF (with its charts) or XLSX. */
    async ringkasanBerkas(
      actor: Actor,
      pemilihan: PemilihanContext,
      query: RingkasanQuery,
      format: 'pdf' | 'xlsx',
    ): Promise<{ bytes: Buffer; name: string }> {
      const week = await uses.ringkasan(actor, pemilihan, query);
      const name = `ringkasan-medsos-${week.kodeWilayah ?? 'nasional'}-${week.dari}.${format}`;
      const bytes =
        format === 'pdf' ? await buildRingkasanPdf(week, deps.clock.now()) : await buildRingkasanXlsx(week);
      return { bytes, name };
    },

    async ringkasan(
      actor: Actor,
      pemilihan: PemilihanContext,
      query: RingkasanQuery,
    ): Promise<RingkasanMedsos> {
      authorize(actor, 'medsos:read', actor.kodeWilayah);
      const scope = scopeFor(actor, query.kode);
      const now = deps.clock.now();
      const dari = query.dari ?? addDays(todayIn(scope, now), -6);
      const { mulai, sampai } = mingguDari(dari, ZONA_OFFSET_HOURS[zonaOf(scope)]);
      const reader = { pemilihanId: pemilihan.id, scope };
      const [posts, takedowns] = await Promise.all([
        repo.findPostsSeen(db, reader, mulai, sampai),
        repo.findTakedownsOfWeek(db, reader, mulai, sampai),
      ]);
      const akhir = now < sampai ? now : sampai;
      const summary = summariseWeek(
        posts.map((p) => ({
          kategori: p.kategori,
          platform: p.platform,
          kodeWilayah: p.kode_wilayah,
          status: p.status,
        })),
        takedowns.map((t) => ({
          postId: t.post_id,
          url: t.url,
          tujuan: t.tujuan,
          status: t.status,
          diajukanAt: new Date(t.diajukan_at),
          selesaiAt: t.selesai_at === null ? null : new Date(t.selesai_at),
        })),
        akhir,
      );
      const kodes = [
        ...summary.perKecamatan.map((k) => k.kode).filter((k): k is string => k !== null),
        ...(scope === null ? [] : [scope]),
      ];
      const names = await deps.wilayah.findMany(kodes);
      const namaScope = scope === null ? 'Indonesia' : (names.get(scope)?.nama ?? scope);
      return {
        kodeWilayah: scope,
        namaWilayah: namaScope,
        dari,
        sampai: addDays(dari, 6),
        jumlah: summary.jumlah,
        diabaikan: summary.diabaikan,
        perKategori: summary.perKategori,
        perPlatform: summary.perPlatform,
        perKecamatan: summary.perKecamatan.map((k) => ({
          kode: k.kode,
          nama: k.kode === null ? `Seluruh ${namaScope}` : (names.get(k.kode)?.nama ?? k.kode),
          jumlah: k.jumlah,
        })),
        takedown: summary.takedown,
        terlambat: summary.terlambat.map((t) => ({
          postId: t.postId,
          url: t.url,
          tujuan: t.tujuan,
          status: t.status,
          diajukanAt: t.diajukanAt.toISOString(),
          menit: t.menit,
          selesai: t.selesai,
        })),
      };
    },
  };
  return uses;
}
