/**
 * Evidence of a post (bukti): screenshots kept exactly as captured. A file is known by the SHA-256
 * of its bytes (FIPS 180-4), so the same screenshot sent twice is one file, and anyone holding a copy
 * can check it is the one Siaga keeps (docs/domain/medsos.md §Bukti). Evidence is only ever added:
 * a later change to a post never alters it.
 */

/** The lower-case hex SHA-256 of some bytes, by the Web Crypto digest the server and browsers share. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** A screenshot cannot be taken later than it arrives; five minutes allow a phone's clock to drift. */
export const CLOCK_SKEW_MINUTES = 5;

/**
 * Whether a piece of evidence may be added to a post: it is new unless the same bytes are already
 * there (a retried upload answers with the first record), and it cannot claim a capture time after now.
 */
export function planBukti(
  existing: readonly { sha256: string }[],
  incoming: { sha256: string; diambilAt: Date },
  now: Date,
): { ok: true; kind: 'baru' | 'sudah_ada' } | { ok: false; code: 'waktu_ambil_di_masa_depan' } {
  if (incoming.diambilAt.getTime() > now.getTime() + CLOCK_SKEW_MINUTES * 60_000)
    return { ok: false, code: 'waktu_ambil_di_masa_depan' };
  return { ok: true, kind: existing.some((b) => b.sha256 === incoming.sha256) ? 'sudah_ada' : 'baru' };
}
