/** The next step of a complaint down its route (domain/netralitas: applyAksi), under its version. */
import type { Netralitas, NetralitasAksiInput } from '../../../contracts/netralitas';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { applyAksi, type AksiNetralitas } from '../../../domain/netralitas/netralitas';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { instantOf, type NetralitasDeps } from './netralitas-context';
import * as repo from './netralitas.repo';
import { stateOf } from './netralitas.view';

function toAksi(input: NetralitasAksiInput, at: Date): AksiNetralitas {
  switch (input.aksi) {
    case 'putus_kajian':
      return { type: 'putus_kajian', hasil: input.hasil, at };
    case 'putusan':
      return { type: 'putusan', amar: input.amar, at };
    case 'minta_keterangan':
    case 'teruskan_penyidik':
    case 'limpah_penuntut':
    case 'limpah_pengadilan':
      return { type: input.aksi, at };
  }
}

export function createAksiUseCase(
  deps: NetralitasDeps,
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<Netralitas>,
) {
  const { db } = deps;
  return {
    async act(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: NetralitasAksiInput,
    ): Promise<Netralitas> {
      const at = instantOf(input.at, 'at', deps.clock.now());
      await db.transaction().execute(async (trx) => {
        const row = await repo.findNetralitasForUpdate(trx, id);
        if (!row || row.pemilihan_id !== pemilihan.id || !isInScope(actor, row.kode_wilayah))
          throw notFound('Aduan netralitas');
        authorize(actor, 'netralitas:handle', row.kode_wilayah);
        if (row.version !== input.version)
          throw new DomainError('conflict', 'Aduan telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        const before = stateOf({ ...row, nama_wilayah: '' });
        const result = applyAksi(before, toAksi(input, at));
        if (!result.ok) throw new DomainError('invalid_state', result.message, { code: result.code });
        const next = result.value;
        const { diketahuiAt: _d, dilaporkanAt: _l, ...rest } = next.milestones;
        await repo.updateNetralitas(trx, id, {
          status: next.status,
          jalur: next.jalur,
          milestones: JSON.stringify(
            Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.toISOString()])),
          ),
          diteruskan_at: next.diteruskanAt,
          putusan_at: next.putusanAt,
          amar: next.amar,
        });
        const catatan =
          input.aksi === 'putus_kajian'
            ? `${input.hasil}${input.catatan ? `: ${input.catatan}` : ''}`
            : input.aksi === 'putusan'
              ? input.amar
              : '';
        await repo.insertLangkah(trx, {
          netralitas_id: id,
          aksi: input.aksi,
          at,
          catatan,
          oleh: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: `netralitas.${input.aksi}`,
          entity: 'netralitas',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { status: before.status, jalur: before.jalur },
          after: { status: next.status, jalur: next.jalur, at: at.toISOString(), catatan },
        });
      });
      return get(actor, pemilihan, id);
    },
  };
}
