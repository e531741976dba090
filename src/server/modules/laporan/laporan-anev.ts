/**
 * Laporan's figure for the anev (docs/domain/anev.md): situation reports on time, as a percentage of
 * the reports that fell due, per kecamatan (the kecamatan's own report and those of its
 * kelurahan/desa) and for the kab/kota (every reporting area under it). A slot counts once its grace
 * has passed, from the kab/kota's first report through Siaga on; a report counts by its first
 * version (ketepatanWaktu). An election whose areas are listed (a Pilkades's desa) counts only the
 * areas that take part and those above them.
 */
import { isRelated } from '../../../domain/access/scope';
import { persen } from '../../../domain/anev/anev';
import { dueSlots, ketepatanWaktu } from '../../../domain/laporan/jadwal';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import type { Clock } from '../../cross-cutting/clock';
import type { AngkaSumber, SumberAnev } from '../anev/anev.service';
import { GRACE_MINUTES } from '../../../domain/laporan/jadwal';
import type { LaporanService } from './laporan.service';
import * as repo from './laporan.repo';

const GRACE_MS = GRACE_MINUTES * 60_000;

export function laporanAnev(db: Db, laporan: LaporanService, clock: Clock): SumberAnev {
  return async (pemilihan, kode, anak): Promise<AngkaSumber> => {
    const kabKota = kabKotaOf(kode) ?? kode;
    const [jadwal, areas, written] = await Promise.all([
      laporan.jadwalOf(pemilihan, kabKota),
      repo.findReportingAreas(db, kode),
      repo.findFirstWritten(db, pemilihan.id, kode),
    ]);
    // A region is judged from its first report through Siaga on: the slots before it were reported
    // on paper, if at all, and Siaga cannot tell. No report at all: no figure.
    if (written.length === 0) return { perAnak: new Map(), total: {} };
    const firstSlot = Math.min(...written.map((r) => new Date(r.slot_at).getTime()));
    const slots = dueSlots(
      jadwal,
      pemilihan.hariPemungutan,
      ZONA_OFFSET_HOURS[zonaOf(kabKota)],
      new Date(firstSlot),
      new Date(clock.now().getTime() - GRACE_MS),
    );
    if (slots.length === 0) return { perAnak: new Map(), total: {} };
    const firstOf = new Map<string, Map<number, Date>>();
    for (const row of written) {
      const byArea =
        firstOf.get(row.kode_wilayah) ?? firstOf.set(row.kode_wilayah, new Map()).get(row.kode_wilayah)!;
      byArea.set(new Date(row.slot_at).getTime(), new Date(row.pertama));
    }
    const peserta = pemilihan.peserta;
    const reports = (kode: string) =>
      peserta === 'nasional' || peserta.some((p) => isRelated({ kodeWilayah: p }, kode));
    const perAnakCount = new Map<string, { jatuhTempo: number; tepatWaktu: number }>();
    let jatuhTempo = 0;
    let tepatWaktu = 0;
    for (const { kode: area } of areas) {
      if (!reports(area)) continue;
      const c = ketepatanWaktu(slots, firstOf.get(area) ?? new Map(), GRACE_MINUTES);
      jatuhTempo += c.jatuhTempo;
      tepatWaktu += c.tepatWaktu;
      if (area.length < anak) continue;
      const child = area.slice(0, anak);
      const sum = perAnakCount.get(child) ?? { jatuhTempo: 0, tepatWaktu: 0 };
      sum.jatuhTempo += c.jatuhTempo;
      sum.tepatWaktu += c.tepatWaktu;
      perAnakCount.set(child, sum);
    }
    const perAnak = new Map(
      [...perAnakCount].map(
        ([k, c]) => [k, { laporan_tepat_waktu: persen(c.tepatWaktu, c.jatuhTempo)! }] as const,
      ),
    );
    return {
      perAnak,
      total: jatuhTempo > 0 ? { laporan_tepat_waktu: persen(tepatWaktu, jatuhTempo)! } : {},
    };
  };
}
