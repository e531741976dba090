/** A neutrality complaint's row as the contract's shape: its state, route, deadlines and steps. */
import type { Tenggat } from '../../../contracts/kejadian';
import type { Netralitas } from '../../../contracts/netralitas';
import type { MilestoneGakkumdu } from '../../../domain/kejadian/gakkumdu';
import {
  JALUR_ETIK,
  JALUR_LABEL,
  tenggatNetralitas,
  type Netralitas as NetralitasState,
} from '../../../domain/netralitas/netralitas';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { tenggatView } from '../kejadian/kejadian.view';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type * as repo from './netralitas.repo';

export function stateOf(row: repo.NetralitasRow): NetralitasState {
  const milestones = Object.fromEntries(
    Object.entries(row.milestones).map(([k, v]) => [k, new Date(v)]),
  ) as Partial<MilestoneGakkumdu>;
  return {
    terlapor: row.terlapor,
    status: row.status,
    jalur: row.jalur,
    milestones: { ...milestones, diketahuiAt: row.diketahui_at, dilaporkanAt: row.dilaporkan_at },
    diteruskanAt: row.diteruskan_at,
    putusanAt: row.putusan_at,
    amar: row.amar,
  };
}

export function toView(
  row: repo.NetralitasRow,
  pemilihan: Pick<PemilihanContext, 'aturanPelanggaran'>,
  langkah: Netralitas['langkah'],
  at: { now: Date; libur: readonly string[] },
): Netralitas {
  const state = stateOf(row);
  const { now } = at;
  const ruleSet = pemilihan.aturanPelanggaran === 'pemilu' ? 'pemilu' : 'pilkada';
  const tenggat: Tenggat[] = tenggatNetralitas(
    state,
    ruleSet,
    ZONA_OFFSET_HOURS[zonaOf(row.kode_wilayah)],
    at.libur,
  ).map((d) => tenggatView(d, now));
  const open = tenggat
    .filter((t) => t.doneAt === null)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const jalur = state.jalur ?? JALUR_ETIK[state.terlapor];
  return {
    id: row.id,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    terlapor: state.terlapor,
    namaTerlapor: row.nama_terlapor,
    jabatan: row.jabatan,
    sumber: row.sumber,
    pelapor: row.pelapor,
    uraian: row.uraian,
    kejadianId: row.kejadian_id,
    status: state.status,
    jalur: state.jalur,
    jalurLabel: JALUR_LABEL[jalur],
    diketahuiAt: row.diketahui_at.toISOString(),
    dilaporkanAt: row.dilaporkan_at.toISOString(),
    amar: row.amar,
    tenggat,
    tenggatBerikut: open[0] ?? null,
    langkah,
    version: row.version,
  };
}
