/** The export of an area's officers, always masked: a file leaves Siaga, so it never carries identity or health. */
import type { Actor } from '../../../domain/access/scope';
import { maskNik, maskTelepon } from '../../../domain/petugas/data-pribadi';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { DomainError, forbidden } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PetugasContext } from './petugas-context';
import * as repo from './petugas.repo';

export function createEksporUseCases(ctx: PetugasContext) {
  const { db } = ctx;
  return {
    /** The scope a read of `requested` may cover (for the export's route). */
    scope(actor: Actor, requested: string): string {
      const scope = scopeFor(actor, requested);
      if (scope === null) throw new DomainError('validation', 'Pilih wilayah', { field: 'wilayah' });
      authorize(actor, 'petugas:read', scope);
      return scope;
    },

    /** Export rows, always masked: a file leaves Siaga, so it never carries identity or health. */
    async *exportRows(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      authorize(actor, 'petugas:read', kode);
      if (actor.role === 'kpps') throw forbidden('Ekspor petugas untuk KPU, Pemda dan pengawas');
      for await (const chunk of repo.streamPetugas(db, pemilihan.id, kode)) {
        yield chunk.map((p) => ({
          jenis: p.jenis,
          jabatan: p.jabatan,
          kode_wilayah: p.kode_wilayah,
          tps: p.nomor_tps === null ? '' : String(p.nomor_tps).padStart(3, '0'),
          nama: p.nama,
          nik: maskNik(p.nik) ?? '',
          telepon: maskTelepon(p.telepon) ?? '',
          jenis_kelamin: p.jenis_kelamin ?? '',
          diskrining: p.diskrining ? 'ya' : 'tidak',
        }));
      }
    },
  };
}
