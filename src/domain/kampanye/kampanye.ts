/**
 * Campaign events (kegiatan kampanye) and the flags the Polres and Bawaslu act on: two paslon at one
 * place or route at the same time, an event in the masa tenang or outside the campaign stage, in a
 * rawan kelurahan, without forces or without Polri's notice receipt (STTP). Rules and sources:
 * docs/domain/kampanye.md.
 */
import { jarakTempat, type Titik } from '../geo/jarak';
import type { Tahapan } from '../pemilihan/pemilihan';
import { addDays } from '../time/hari';
import { awalHariPadaOffset } from '../time/zona';

/**
 * The methods of PKPU 13/2024 Pasal 18 that gather people in one place (the others, printed material,
 * props and advertising, need no forces): pertemuan terbatas, tatap muka dan dialog, debat publik
 * (held by the KPU for every paslon), and "kegiatan lain", of which the rapat umum is regulated apart
 * (PKPU 13/2024 Pasal 42) and the rest (culture, sport, social events, convoys) are kept together.
 */
export const JENIS_KEGIATAN = [
  'rapat_umum',
  'pertemuan_terbatas',
  'tatap_muka',
  'debat',
  'kegiatan_lain',
] as const;
export type JenisKegiatan = (typeof JENIS_KEGIATAN)[number];

export const JENIS_KEGIATAN_LABEL: Record<JenisKegiatan, string> = {
  rapat_umum: 'Rapat umum',
  pertemuan_terbatas: 'Pertemuan terbatas',
  tatap_muka: 'Pertemuan tatap muka dan dialog',
  debat: 'Debat publik antarpasangan calon',
  kegiatan_lain: 'Kegiatan lain (budaya, olahraga, sosial, konvoi)',
};

/**
 * Rapat umum per paslon in the whole campaign: at most once in a bupati/wali kota election, twice for
 * governor (PKPU 13/2024 Pasal 42, as the KPU presented it on 8 Aug 2024).
 */
export const BATAS_RAPAT_UMUM = { kabkota: 1, provinsi: 2 } as const;

/**
 * Siaga default, configurable: two events "meet" when their places lie within 500 m of each other
 * (points, or any part of a route) and their windows overlap once each is widened by 60 minutes for
 * the crowd to gather and disperse.
 */
export interface AturanBentrok {
  radiusMeter: number;
  jedaMenit: number;
}
export const ATURAN_BENTROK_DEFAULT: AturanBentrok = { radiusMeter: 500, jedaMenit: 60 };

export interface KegiatanJadwal {
  id: string;
  jenis: JenisKegiatan;
  /** The paslon holding it; null for an event of every paslon (the KPU's debat). */
  paslonId: string | null;
  /** The kelurahan/desa (or kecamatan) where it gathers. */
  kodeWilayah: string;
  /** A point (one element) or a route (two or more), [lon, lat]; empty when not drawn. */
  tempat: readonly Titik[];
  mulaiAt: Date;
  selesaiAt: Date;
}

const MINUTE_MS = 60_000;

/** True when the two windows overlap once each is widened by `jedaMenit` on both sides. */
export function waktuBertemu(
  a: Pick<KegiatanJadwal, 'mulaiAt' | 'selesaiAt'>,
  b: Pick<KegiatanJadwal, 'mulaiAt' | 'selesaiAt'>,
  jedaMenit: number,
): boolean {
  const jeda = jedaMenit * MINUTE_MS;
  return (
    a.mulaiAt.getTime() - jeda < b.selesaiAt.getTime() + jeda &&
    b.mulaiAt.getTime() - jeda < a.selesaiAt.getTime() + jeda
  );
}

/**
 * True when the two places meet: within the radius where both are drawn; otherwise (one or both
 * undrawn) when they name the same wilayah, or one lies inside the other's.
 */
export function tempatBertemu(
  a: Pick<KegiatanJadwal, 'kodeWilayah' | 'tempat'>,
  b: Pick<KegiatanJadwal, 'kodeWilayah' | 'tempat'>,
  radiusMeter: number,
): boolean {
  if (a.tempat.length > 0 && b.tempat.length > 0) return jarakTempat(a.tempat, b.tempat) <= radiusMeter;
  return (
    a.kodeWilayah === b.kodeWilayah ||
    a.kodeWilayah.startsWith(`${b.kodeWilayah}.`) ||
    b.kodeWilayah.startsWith(`${a.kodeWilayah}.`)
  );
}

/** Two paslon (or a paslon and an event of all of them) can clash; one paslon's own events cannot. */
function pihakBerbeda(a: KegiatanJadwal, b: KegiatanJadwal): boolean {
  return a.paslonId === null || b.paslonId === null || a.paslonId !== b.paslonId;
}

/**
 * Every pair of events of different paslon at one place or route at the same time, each pair once
 * (ids in input order). Sorted by start and swept, so a season of events is not compared pair by pair.
 */
export function findBentrok(
  kegiatan: readonly KegiatanJadwal[],
  aturan: AturanBentrok = ATURAN_BENTROK_DEFAULT,
): [string, string][] {
  const order = new Map(kegiatan.map((k, i) => [k.id, i]));
  const sorted = [...kegiatan].sort((x, y) => x.mulaiAt.getTime() - y.mulaiAt.getTime());
  const jeda = aturan.jedaMenit * MINUTE_MS;
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      // Every later event starts even later: none can meet `a` any more.
      if (b.mulaiAt.getTime() - jeda >= a.selesaiAt.getTime() + jeda) break;
      if (!pihakBerbeda(a, b)) continue;
      if (!waktuBertemu(a, b, aturan.jedaMenit) || !tempatBertemu(a, b, aturan.radiusMeter)) continue;
      out.push(order.get(a.id)! <= order.get(b.id)! ? [a.id, b.id] : [b.id, a.id]);
    }
  }
  return out;
}

/** Where an event's window falls among the election's stages (days in the region's own zone). */
export type MasaKegiatan = 'kampanye' | 'masa_tenang' | 'di_luar_kampanye';

/**
 * The masa tenang wins: an event that touches any day of it is a masa-tenang event (UU 10/2016 and
 * PKPU 13/2024 forbid campaigning in it in any form). Otherwise an event wholly inside the campaign
 * stage is 'kampanye'; anything else lies outside it. Without a campaign stage (a PSU) every event is
 * outside; `hariMulai`/`hariSelesai` are the local days (YYYY-MM-DD) of its start and end.
 */
export function masaKegiatan(
  tahapan: readonly Pick<Tahapan, 'kode' | 'mulaiOn' | 'selesaiOn'>[],
  hariMulai: string,
  hariSelesai: string,
): MasaKegiatan {
  const tenang = tahapan.find((t) => t.kode === 'masa_tenang');
  if (tenang && hariMulai <= tenang.selesaiOn && hariSelesai >= tenang.mulaiOn) return 'masa_tenang';
  const kampanye = tahapan.find((t) => t.kode === 'kampanye');
  if (kampanye && hariMulai >= kampanye.mulaiOn && hariSelesai <= kampanye.selesaiOn) return 'kampanye';
  return 'di_luar_kampanye';
}

export const FLAG_KEGIATAN = [
  'bentrok',
  'masa_tenang',
  'di_luar_kampanye',
  'wilayah_rawan',
  'tanpa_personel',
  'tanpa_sttp',
  'batas_rapat_umum',
] as const;
export type FlagKegiatan = (typeof FLAG_KEGIATAN)[number];

export interface FaktaKegiatan {
  id: string;
  jenis: JenisKegiatan;
  paslonId: string | null;
  masa: MasaKegiatan;
  /** The kelurahan's (or its TPS's) worst kerawanan is rawan or sangat rawan. */
  rawan: boolean;
  personel: number;
  sttpNomor: string | null;
  mulaiAt: Date;
}

/**
 * The flags of every event, given the clashes found: the debat needs no STTP (the KPU holds it);
 * a paslon's rapat umum beyond the limit is flagged on the later ones.
 */
export function flagKegiatan(
  kegiatan: readonly FaktaKegiatan[],
  bentrok: readonly [string, string][],
  /** The limit of a paslon's contest (BATAS_RAPAT_UMUM by the level of its region). */
  batasRapatUmum: (paslonId: string) => number,
): Map<string, FlagKegiatan[]> {
  const bentrokIds = new Set(bentrok.flat());
  const rapatUmumKe = new Map<string, number>();
  const melebihi = new Set<string>();
  for (const k of [...kegiatan].sort((x, y) => x.mulaiAt.getTime() - y.mulaiAt.getTime())) {
    if (k.jenis !== 'rapat_umum' || k.paslonId === null) continue;
    const ke = (rapatUmumKe.get(k.paslonId) ?? 0) + 1;
    rapatUmumKe.set(k.paslonId, ke);
    if (ke > batasRapatUmum(k.paslonId)) melebihi.add(k.id);
  }
  const out = new Map<string, FlagKegiatan[]>();
  for (const k of kegiatan) {
    const flags: FlagKegiatan[] = [];
    if (bentrokIds.has(k.id)) flags.push('bentrok');
    if (k.masa === 'masa_tenang') flags.push('masa_tenang');
    if (k.masa === 'di_luar_kampanye') flags.push('di_luar_kampanye');
    if (k.rawan) flags.push('wilayah_rawan');
    if (k.personel === 0) flags.push('tanpa_personel');
    if (k.sttpNomor === null && k.jenis !== 'debat') flags.push('tanpa_sttp');
    if (melebihi.has(k.id)) flags.push('batas_rapat_umum');
    out.set(k.id, flags);
  }
  return out;
}

/**
 * The forces an event asks of the plan (Siaga default, configurable; no published Polri ratio was
 * found): one police officer per 100 expected people, at least two, and for a rapat umum or debat one
 * TNI soldier per four police beside them. Without an expected crowd, the least.
 */
export function kebutuhanPersonel(
  jenis: JenisKegiatan,
  perkiraanMassa: number | null,
): { polri: number; tni: number } {
  const polri = Math.min(10_000, Math.max(2, Math.ceil((perkiraanMassa ?? 0) / 100)));
  const tni = jenis === 'rapat_umum' || jenis === 'debat' ? Math.ceil(polri / 4) : 0;
  return { polri, tni };
}

/**
 * Polri a posko paslon asks of the plan unless another number is entered with it (Siaga default,
 * configurable; no published ratio was found): one officer answerable for it. A Polres that guards a
 * posko round the clock enters more, or assigns a unit that relieves its own people.
 */
export const KEBUTUHAN_POLRI_POSKO = 1;

/**
 * The window a posko is guarded unless another is entered with it (Siaga default, configurable; no
 * published rule was found): the campaign stage, from 00:00 of its first day to 24:00 of its last, in
 * the region's own time zone. A posko is where a paslon's team campaigns, so its duty lasts as long
 * as the campaign; in the masa tenang the joint patrols with Bawaslu watch it (patroli), and from
 * H-1 the forces stand at the TPS, so the posko's default duty never takes an officer from the TPS
 * window. null when the election has no campaign stage (a PSU): the window must then be entered.
 */
export function jendelaPoskoDefault(
  tahapan: readonly Pick<Tahapan, 'kode' | 'mulaiOn' | 'selesaiOn'>[],
  offsetHours: number,
): { mulaiAt: Date; selesaiAt: Date } | null {
  const kampanye = tahapan.find((t) => t.kode === 'kampanye');
  if (!kampanye) return null;
  return {
    mulaiAt: awalHariPadaOffset(kampanye.mulaiOn, offsetHours),
    selesaiAt: awalHariPadaOffset(addDays(kampanye.selesaiOn, 1), offsetHours),
  };
}
