/** The week's coverage: which rawan kelurahan of an area the patrols passed (Monday to Monday, local time). */
import type { Cakupan } from '../../../contracts/patroli';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { cakupanRawan, mingguDari } from '../../../domain/patroli/patroli';
import { awalHariSetempat, todayIn } from '../../../domain/time/zona';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { validation, type PatroliContext } from './patroli-context';
import * as repo from './patroli.repo';

export function createCakupanPatroliUseCase(ctx: PatroliContext) {
  const { db, deps } = ctx;
  const useCases = {
    /** Which rawan kelurahan of the area the patrols passed in the week holding `minggu`. */
    async cakupan(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      minggu: string | undefined,
    ): Promise<Cakupan> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'patroli:read', scope);
      if (scope === null) throw validation('Pilih provinsi atau kabupaten/kota', 'wilayah', 'wilayah_wajib');
      const { mulaiOn, selesaiOn } = mingguDari(minggu ?? todayIn(scope, deps.clock.now()));
      const [from, to] = [awalHariSetempat(mulaiOn, scope), awalHariSetempat(selesaiOn, scope)];
      const [rawan, lintasan] = await Promise.all([
        deps.kerawanan.kelurahanRawan(pemilihan, scope, 'pra'),
        repo.findLintasan(db, pemilihan.id, scope, from, to),
      ]);
      const c = cakupanRawan(
        rawan.filter((k) => isInScope(actor, k.kode)),
        lintasan.map((l) => ({ kodeWilayah: l.kode_wilayah!, at: l.dicatat_at, patroliId: l.patroli_id })),
        from,
        to,
      );
      return {
        mulaiOn,
        selesaiOn,
        dilewati: c.dilewati,
        total: c.total,
        kelurahan: c.kelurahan.map((k) => ({ ...k, terakhirAt: k.terakhirAt?.toISOString() ?? null })),
      };
    },
  };
  return useCases;
}
