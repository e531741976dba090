/** The Puskesmas check of an officer, recorded by those with health access; audited without its findings. */
import type { SkriningInput } from '../../../contracts/petugas';
import type { Actor } from '../../../domain/access/scope';
import { usiaPada } from '../../../domain/petugas/data-pribadi';
import { checkHasilSkrining, faktorRisikoSkrining } from '../../../domain/petugas/kesehatan';
import { authorize } from '../../cross-cutting/access';
import { DomainError, forbidden } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PetugasContext } from './petugas-context';
import * as kesehatanRepo from './petugas-kesehatan.repo';

export function createSkriningUseCase(ctx: PetugasContext) {
  const { deps, db, actionable } = ctx;
  return {
    /** Records the Puskesmas check; the audit row says that it happened, never what it found. */
    async skrining(actor: Actor, pemilihan: PemilihanContext, petugasId: string, input: SkriningInput) {
      return db.transaction().execute(async (trx) => {
        const { row, akses } = await actionable(trx, actor, pemilihan, petugasId);
        authorize(actor, 'petugas:kesehatan', row.kode_wilayah);
        if (!akses.kesehatan)
          throw forbidden('Data kesehatan petugas hanya untuk KPU, Dinas Kesehatan dan ketua KPPS');
        const problem = checkHasilSkrining(input);
        if (problem) throw new DomainError('validation', problem, { field: 'hasil' });
        if (input.diperiksaOn > pemilihan.hariPemungutan) {
          throw new DomainError('validation', 'Skrining dilakukan sebelum hari pemungutan', {
            field: 'diperiksaOn',
          });
        }
        const tanggalLahir = row.tanggal_lahir === null ? null : String(row.tanggal_lahir).slice(0, 10);
        const usia = tanggalLahir === null ? null : usiaPada(tanggalLahir, pemilihan.hariPemungutan);
        const faktor = faktorRisikoSkrining(input.faktorRisiko, usia);
        await kesehatanRepo.upsertSkrining(trx, {
          petugas_id: row.id,
          diperiksa_on: input.diperiksaOn,
          fasilitas: input.fasilitas,
          sistolik: input.sistolik,
          diastolik: input.diastolik,
          gula_darah: input.gulaDarah,
          faktor_risiko: faktor,
          hasil: input.hasil,
          catatan: input.catatan,
          dicatat_oleh: actor.userId,
          dicatat_at: deps.clock.now(),
        });
        await kesehatanRepo.markKesehatanAda(trx, row.id);
        await deps.audit.record(trx, actor, {
          action: 'skrining',
          entity: 'petugas',
          entityId: row.id,
          kodeWilayah: row.kode_wilayah,
          before: null,
          after: { skrining: 'dicatat', pemilihanId: pemilihan.id },
        });
        return { petugasId: row.id, faktorRisiko: faktor, hasil: input.hasil };
      });
    },
  };
}
