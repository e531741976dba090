/**
 * Kemendagri area codes (kode wilayah), written `PP.KK.CC.DDDD`.
 *
 * Source: Kepmendagri 300.2.2-2138/2025 and its predecessors, summarised in
 * docs/domain/wilayah.md: kab/kota 01-69 are kabupaten and 71-99 are kota; the first digit of the
 * village segment is 1 for kelurahan, 2 for desa and 3 for desa adat.
 */

export type WilayahLevel = 'provinsi' | 'kabkota' | 'kecamatan' | 'desa';
export type WilayahJenis =
  'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'kelurahan' | 'desa' | 'desa_adat';

export interface KodeWilayah {
  kode: string;
  level: WilayahLevel;
  jenis: WilayahJenis;
  /** The code one level up, or null for a provinsi. */
  parentKode: string | null;
  /** Codes of every ancestor, from provinsi down to the parent. */
  ancestorKodes: string[];
}

export type KodeWilayahError = 'empty' | 'format' | 'segment';

const LEVELS: readonly WilayahLevel[] = ['provinsi', 'kabkota', 'kecamatan', 'desa'];
const SEGMENT = [/^\d{2}$/, /^\d{2}$/, /^\d{2}$/, /^\d{4}$/] as const;

/** Level of a code by its number of segments (1 → provinsi … 4 → kelurahan/desa). */
export function levelDepth(level: WilayahLevel): number {
  return LEVELS.indexOf(level) + 1;
}

/**
 * Normalises user input to the dotted form: accepts `7373011001`, `73.73.01.1001` and stray spaces.
 * Returns null when the digits cannot form a code.
 */
export function normalizeKodeWilayah(input: string): string | null {
  const trimmed = input.trim().replace(/\s+/g, '');
  if (/^[\d.]+$/.test(trimmed) && trimmed.includes('.')) return trimmed;
  if (!/^\d+$/.test(trimmed)) return null;
  switch (trimmed.length) {
    case 2:
      return trimmed;
    case 4:
      return `${trimmed.slice(0, 2)}.${trimmed.slice(2)}`;
    case 6:
      return `${trimmed.slice(0, 2)}.${trimmed.slice(2, 4)}.${trimmed.slice(4)}`;
    case 10:
      return `${trimmed.slice(0, 2)}.${trimmed.slice(2, 4)}.${trimmed.slice(4, 6)}.${trimmed.slice(6)}`;
    default:
      return null;
  }
}

/** Parses and validates a dotted code; explains what is wrong instead of throwing. */
export function parseKodeWilayah(
  input: string,
): { ok: true; value: KodeWilayah } | { ok: false; error: KodeWilayahError } {
  if (input.trim() === '') return { ok: false, error: 'empty' };
  const kode = normalizeKodeWilayah(input);
  if (kode === null) return { ok: false, error: 'format' };
  const segments = kode.split('.');
  if (segments.length > 4) return { ok: false, error: 'format' };
  for (const [i, segment] of segments.entries()) {
    if (!SEGMENT[i]!.test(segment)) return { ok: false, error: 'segment' };
    // Segment 00 (or 0000) is never issued: numbering starts at 01 on every level.
    if (/^0+$/.test(segment)) return { ok: false, error: 'segment' };
  }
  const level = LEVELS[segments.length - 1]!;
  const jenis = jenisOf(segments);
  if (jenis === null) return { ok: false, error: 'segment' };
  const ancestorKodes = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('.'));
  return {
    ok: true,
    value: { kode, level, jenis, parentKode: ancestorKodes.at(-1) ?? null, ancestorKodes },
  };
}

function jenisOf(segments: string[]): WilayahJenis | null {
  switch (segments.length) {
    case 1:
      return 'provinsi';
    case 2:
      return Number(segments[1]) >= 71 ? 'kota' : 'kabupaten';
    case 3:
      return 'kecamatan';
    default: {
      const first = segments[3]![0];
      if (first === '1') return 'kelurahan';
      if (first === '2') return 'desa';
      if (first === '3') return 'desa_adat';
      return null;
    }
  }
}

/** True when `kode` is `scopeKode` itself or lies below it (whole segments, so 73.7 never matches 73.73). */
export function isWithinWilayah(kode: string, scopeKode: string): boolean {
  return kode === scopeKode || kode.startsWith(`${scopeKode}.`);
}

/** True when `kode` is a strict ancestor of `descendantKode`. */
export function isAncestorOf(kode: string, descendantKode: string): boolean {
  return descendantKode.startsWith(`${kode}.`);
}

/** The code without dots, as KPU writes it in TPS codes (`7373011001`). */
export function compactKode(kode: string): string {
  return kode.replaceAll('.', '');
}

/** The kab/kota a code lies in (73.73.01.1001 → 73.73); null for a provinsi or an invalid code. */
export function kabKotaOf(kode: string): string | null {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok || parsed.value.level === 'provinsi') return null;
  return parsed.value.kode.split('.').slice(0, 2).join('.');
}

/** The kecamatan a code lies in (73.73.01.1001 → 73.73.01); null above a kecamatan or for an invalid code. */
export function kecamatanOf(kode: string): string | null {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok || parsed.value.level === 'provinsi' || parsed.value.level === 'kabkota') return null;
  return parsed.value.kode.split('.').slice(0, 3).join('.');
}
