/**
 * Anev: an election beside the previous one of the same kind in a kab/kota, per kecamatan, for the
 * rakor evaluasi (docs/domain/anev.md). Figures of an open election are computed from its records by
 * the modules that keep them (each gives its figures as a SumberAnev); figures entered from a
 * summary (a past election never run in Siaga, or a correction) take their place figure by figure.
 */
import ExcelJS from 'exceljs';
import type { AnevResponse } from '../../../contracts/anev';
import { isInScope, type Actor } from '../../../domain/access/scope';
import {
  KODE_METRIK,
  METRIK_ANEV,
  bacaBarisRingkasan,
  gabungkan,
  jumlahkan,
  pembandingOf,
  type Angka,
  type ItemRincian,
} from '../../../domain/anev/anev';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { PemilihanContext, PemilihanService } from '../pemilihan/pemilihan.service';
import { authorize } from '../../cross-cutting/access';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './anev.repo';
import { toAnevResponse } from './anev.view';

/**
 * Figures a module computes from an election's records for an area (a kab/kota or a kecamatan): per
 * child area (its kecamatan, or its kelurahan/desa) and for the area itself.
 */
export interface AngkaSumber {
  perAnak: ReadonlyMap<string, Angka>;
  total: Angka;
  /** The kab/kota's breakdowns (incidents by category and ending, referrals by outcome). */
  rincian?: readonly ItemRincian[];
}
/** `anak`: the length of a child area's code (8 a kecamatan, 13 a kelurahan/desa), to group by. */
export type SumberAnev = (pemilihan: PemilihanContext, kode: string, anak: number) => Promise<AngkaSumber>;

const KOLOM_TEMPLAT = ['kode_wilayah', 'nama', ...METRIK_ANEV.map((m) => m.kode)];

export function createAnevService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  pemilihan: PemilihanService;
  /** The modules' figures (kerawanan, kejadian, laporan, koordinasi) beside the TPS counts here. */
  sumber?: readonly SumberAnev[];
}) {
  const { db } = deps;

  /** TPS and PSU counts, which belong to the election record itself. */
  const sumberTps: SumberAnev = async (pemilihan, kode, anak) => {
    const [tps, psu] = await Promise.all([
      repo.countTpsPerAnak(db, kode, anak, pemilihan.jenis === 'psu' ? pemilihan.id : undefined),
      repo.countPsuTpsPerAnak(db, kode, anak, pemilihan.id),
    ]);
    const perAnak = new Map<string, Record<string, number>>();
    const at = (k: string) => perAnak.get(k) ?? perAnak.set(k, {}).get(k)!;
    for (const row of tps) at(row.anak).tps = row.n;
    for (const row of psu) at(row.anak).psu_tps = row.n;
    return { perAnak, total: {} };
  };
  const sumber = [sumberTps, ...(deps.sumber ?? [])];

  /** The figures entered for an election under a kab/kota, by area code. */
  async function enteredOf(pemilihanId: string, kabKota: string) {
    const rows = await repo.findRingkasan(db, pemilihanId, kabKota);
    const byWilayah = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const at =
        byWilayah.get(row.kode_wilayah) ?? byWilayah.set(row.kode_wilayah, {}).get(row.kode_wilayah)!;
      at[row.metrik] = Number(row.nilai);
    }
    return { byWilayah, count: rows.length };
  }

  async function requireKabKota(actor: Actor, kode: string) {
    const parsed = parseKodeWilayah(kode);
    if (!parsed.ok || parsed.value.level !== 'kabkota') {
      throw new DomainError('validation', 'Anev disusun per kabupaten/kota', { field: 'kode' });
    }
    authorize(actor, 'koordinasi:read', kode);
    return deps.wilayah.require(kode);
  }

  /**
   * An election's figures for an area (a kab/kota or a kecamatan) and its children: computed (open
   * elections) merged with entered ones.
   */
  async function angkaOf(pemilihan: PemilihanContext, kode: string, anak: readonly string[]) {
    const computed = new Map<string, Record<string, number>>(anak.map((k) => [k, {}]));
    const panjang = kode.length === 5 ? 8 : 13;
    let totalAngka: Record<string, number> = {};
    // A closed election's records may no longer describe it (the TPS registry moves on): its
    // figures are those entered for it, and it has no breakdown.
    let rincian: ItemRincian[] | null = null;
    if (!pemilihan.ditutup) {
      rincian = [];
      for (const result of await Promise.all(sumber.map((s) => s(pemilihan, kode, panjang)))) {
        for (const [k, angka] of result.perAnak) {
          const row = computed.get(k);
          if (row) Object.assign(row, angka);
        }
        totalAngka = { ...totalAngka, ...result.total };
        rincian.push(...(result.rincian ?? []));
      }
    }
    const { byWilayah: enteredBy, count } = await enteredOf(pemilihan.id, kode);
    const perAnak = new Map(
      anak.map((k) => [k, gabungkan(computed.get(k) ?? {}, enteredBy.get(k) ?? {})] as const),
    );
    const total = gabungkan(
      { ...jumlahkan([...perAnak.values()]), ...totalAngka },
      enteredBy.get(kode) ?? {},
    );
    return { perAnak, total, entered: count, rincian };
  }

  /**
   * A kab/kota per kecamatan, or a kecamatan per kelurahan/desa (the camat's evaluation, and the
   * rakor's drill-down into one kecamatan).
   */
  async function banding(
    actor: Actor,
    kini: PemilihanContext,
    kabKota: string,
    pembandingId: string | undefined,
  ): Promise<AnevResponse> {
    const parsed = parseKodeWilayah(kabKota);
    if (!parsed.ok || (parsed.value.level !== 'kabkota' && parsed.value.level !== 'kecamatan')) {
      throw new DomainError('validation', 'Anev disusun per kabupaten/kota atau kecamatan', {
        field: 'kode',
      });
    }
    authorize(actor, 'koordinasi:read', kabKota);
    const wilayah = await deps.wilayah.require(kabKota);
    let lalu: PemilihanContext | null = null;
    if (pembandingId !== undefined) {
      lalu = await deps.pemilihan.resolve(actor, pembandingId);
    } else {
      const { items } = await deps.pemilihan.list(actor);
      const found = pembandingOf(
        { id: kini.id, jenis: kini.jenis, hariPemungutan: kini.hariPemungutan, ditutup: kini.ditutup },
        items
          .filter((p) => p.kodeWilayah === null || isInScope({ kodeWilayah: p.kodeWilayah }, kabKota))
          .map((p) => ({ ...p, ditutup: p.ditutupAt !== null })),
      );
      if (found) lalu = await deps.pemilihan.resolve(actor, found.id);
    }
    const children = await deps.wilayah.children(actor, kabKota);
    const anak = children.map((c) => c.kode);
    const [a, b] = await Promise.all([
      angkaOf(kini, kabKota, anak),
      lalu ? angkaOf(lalu, kabKota, anak) : Promise.resolve(null),
    ]);
    return toAnevResponse({
      wilayah: { kode: kabKota, nama: wilayah.nama },
      children,
      kini,
      lalu,
      a,
      b,
    });
  }

  return {
    banding,

    /** The summary template of a kab/kota: one row for it and one per kecamatan, a column per figure. */
    async templat(actor: Actor, pemilihan: PemilihanContext, kabKota: string): Promise<Buffer> {
      const wilayah = await requireKabKota(actor, kabKota);
      const children = await deps.wilayah.children(actor, kabKota);
      // Figures entered before are filled in, so an import of the template edits rather than erases.
      const { byWilayah: entered } = await enteredOf(pemilihan.id, kabKota);
      const rowOf = (kode: string, nama: string) => [
        kode,
        nama,
        ...METRIK_ANEV.map((m) => entered.get(kode)?.[m.kode] ?? null),
      ];
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('ringkasan');
      sheet.addRow(KOLOM_TEMPLAT);
      sheet.getRow(1).font = { bold: true };
      sheet.addRow(rowOf(kabKota, wilayah.nama));
      for (const c of children) sheet.addRow(rowOf(c.kode, c.nama));
      const notes = workbook.addWorksheet('keterangan');
      notes.addRow(['Pemilihan', pemilihan.nama]);
      notes.addRow(['Isi angka per kecamatan; baris kabupaten/kota untuk kesiapan H-7 dan partisipasi.']);
      for (const m of METRIK_ANEV)
        notes.addRow([m.kode, m.nama, m.satuan === 'persen' ? 'persen (0-100)' : 'jumlah']);
      sheet.columns.forEach((column) => (column.width = 16));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    /**
     * Enters an election's summary figures for a kab/kota from the template: every row checked
     * first, every problem reported, nothing written unless all are right; then the kab/kota's
     * entered figures are replaced in one transaction with one audit row.
     */
    async importRingkasan(
      actor: Actor,
      pemilihan: PemilihanContext,
      kabKota: string,
      file: ImportFile,
    ): Promise<{ wilayah: number; angka: number }> {
      await requireKabKota(actor, kabKota);
      authorize(actor, 'koordinasi:manage', kabKota);
      const rows = await readSheet(file);
      const headerIndex = rows.findIndex((r) => r.some((c) => String(c ?? '').trim() === 'kode_wilayah'));
      if (headerIndex < 0) {
        throw new DomainError(
          'import_invalid',
          'Kolom kode_wilayah tidak ditemukan: pakai templat ringkasan',
          {
            errors: [{ row: 1, message: 'kolom kode_wilayah tidak ada' }],
          },
        );
      }
      const header = rows[headerIndex]!.map((c) => String(c ?? '').trim());
      const unknown = header.filter(
        (h) => h !== '' && h !== 'kode_wilayah' && h !== 'nama' && !KODE_METRIK.has(h),
      );
      const allowed = new Set([kabKota, ...(await deps.wilayah.children(actor, kabKota)).map((c) => c.kode)]);
      const errors: { row: number; message: string }[] = unknown.map((h) => ({
        row: headerIndex + 1,
        message: `kolom ${h} tidak dikenal`,
      }));
      const values: { kode_wilayah: string; metrik: string; nilai: number }[] = [];
      const seen = new Set<string>();
      const filled = new Set<string>();
      rows.slice(headerIndex + 1).forEach((cells, i) => {
        const rowNumber = headerIndex + 2 + i;
        if (cells.every((c) => c === null || String(c).trim() === '')) return;
        const parsed = bacaBarisRingkasan(header, cells);
        for (const masalah of parsed.masalah) errors.push({ row: rowNumber, message: masalah });
        if (parsed.kode === '') return;
        if (!allowed.has(parsed.kode)) {
          errors.push({ row: rowNumber, message: `${parsed.kode} bukan ${kabKota} atau kecamatannya` });
          return;
        }
        if (seen.has(parsed.kode)) errors.push({ row: rowNumber, message: `${parsed.kode} muncul dua kali` });
        seen.add(parsed.kode);
        if (Object.keys(parsed.angka).length > 0) filled.add(parsed.kode);
        for (const [metrik, nilai] of Object.entries(parsed.angka)) {
          const spec = METRIK_ANEV.find((m) => m.kode === metrik)!;
          if (spec.kabKotaSaja && parsed.kode !== kabKota) {
            errors.push({ row: rowNumber, message: `${metrik} diisi pada baris kabupaten/kota saja` });
          } else {
            values.push({ kode_wilayah: parsed.kode, metrik, nilai });
          }
        }
      });
      if (errors.length > 0) {
        throw new DomainError(
          'import_invalid',
          `${errors.length} masalah pada berkas; tidak ada yang disimpan`,
          {
            errors,
          },
        );
      }
      await db.transaction().execute(async (trx) => {
        await repo.replaceRingkasan(trx, pemilihan.id, kabKota, values, {
          sumber: file.fileName,
          updatedBy: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'anev.import',
          entity: 'anev_ringkasan',
          entityId: pemilihan.id,
          kodeWilayah: kabKota,
          before: null,
          after: { file: file.fileName, wilayah: filled.size, angka: values.length },
        });
      });
      return { wilayah: filled.size, angka: values.length };
    },
  };
}

export type AnevService = ReturnType<typeof createAnevService>;

/** The kab/kota of any area code (for routes that accept a kecamatan too). */
export function kabKotaFor(kode: string): string {
  const kabKota = kabKotaOf(kode);
  if (kabKota === null) throw notFound('Kabupaten/kota');
  return kabKota;
}
