/**
 * The Indonesian dictionary as the app has loaded it so far. The shell's texts (id.ts) are always here;
 * a feature's texts (features/<name>/i18n.ts) join when the first module that shows them is evaluated, so
 * they travel in the chunk of the pages that use them and a field phone's first page loads only its
 * own (issue 14, docs/decisions/0021-dictionary-per-chunk.md). Every file that shows a feature's text
 * imports that feature's i18n.ts (checked by texts.test.ts). English is one chunk of its own (en.ts),
 * loaded by i18n.tsx only when chosen.
 */
import type { idAnev } from '../features/anev/i18n';
import type { idAudit } from '../features/audit/i18n';
import type { idImport } from '../features/import/i18n';
import type { idKampanye } from '../features/kampanye/i18n';
import type { idKejadian } from '../features/kejadian/i18n';
import type { idKerawanan } from '../features/kerawanan/i18n';
import type { idKoordinasi } from '../features/koordinasi/i18n';
import type { idLaporan } from '../features/laporan/i18n';
import type { idMap } from '../features/map/i18n';
import type { idMedsos } from '../features/medsos/i18n';
import type { idNetralitas } from '../features/netralitas/i18n';
import type { idOffline } from '../features/offline/i18n';
import type { idPatroli } from '../features/patroli/i18n';
import type { idPemilihan } from '../features/pemilihan/i18n';
import type { idPengamanan } from '../features/pengamanan/i18n';
import type { idPetugas } from '../features/petugas/i18n';
import type { idRekap } from '../features/rekapitulasi/i18n';
import type { idTps } from '../features/tps/i18n';
import type { idTugas } from '../features/tugas/i18n';
import type { idUsers } from '../features/users/i18n';
import type { idWilayah } from '../features/wilayah/i18n';
import { id } from './id';

/** Every key of the app, from the types only: no feature's texts are pulled in by naming them here. */
export type MessageKey =
  | keyof typeof id
  | keyof typeof idAnev
  | keyof typeof idAudit
  | keyof typeof idImport
  | keyof typeof idKampanye
  | keyof typeof idKejadian
  | keyof typeof idKerawanan
  | keyof typeof idKoordinasi
  | keyof typeof idLaporan
  | keyof typeof idMap
  | keyof typeof idMedsos
  | keyof typeof idNetralitas
  | keyof typeof idOffline
  | keyof typeof idPatroli
  | keyof typeof idPemilihan
  | keyof typeof idPengamanan
  | keyof typeof idPetugas
  | keyof typeof idRekap
  | keyof typeof idTps
  | keyof typeof idTugas
  | keyof typeof idUsers
  | keyof typeof idWilayah;

const indonesian: Partial<Record<MessageKey, string>> = { ...id };

/** Adds a feature's Indonesian texts to the dictionary; returns them for their type. */
export function registerTexts<T extends Record<string, string>>(texts: T): T {
  Object.assign(indonesian, texts);
  return texts;
}

/** The Indonesian text of `key`, if the module that defines it has been loaded. */
export function indonesianText(key: string): string | undefined {
  return indonesian[key as MessageKey];
}
