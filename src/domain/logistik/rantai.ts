/**
 * Chain of custody of election logistics (rantai serah terima): the ballot boxes and ballots that
 * leave a point are those that arrived there. Each leg (gudang KPU → PPK → PPS → TPS, and back to the
 * PPK after counting) ends with a berita acara serah terima naming the boxes, ballots and seal numbers
 * received; a leg that continues an earlier one (`sebelumnyaId`) must carry what that one delivered.
 * Pure; see docs/domain/logistik.md.
 *
 * Rules (Siaga default, configurable only by changing the plan's chain):
 *  - carried on whole (the earlier leg has one continuation planned with its whole load): the same
 *    counts and the same seals;
 *  - split (several continuations, or one with part of the load: a PPK sending to its PPS): every seal of a
 *    continuation was received on the earlier leg, no seal goes out twice, and the continuations
 *    together carry no more boxes or ballots than arrived;
 *  - against its own plan: a handover's counts equal the leg's planned load.
 * A corrected handover (a new record naming the one it corrects) replaces it for these checks.
 */

export interface Muatan {
  kotak: number;
  suratSuara: number;
}

export interface SerahTerimaRantai extends Muatan {
  id: string;
  legId: string;
  segel: readonly string[];
  /** The handover this one corrects (append-only: a correction is a new record). */
  koreksiAtas: string | null;
  /** Recorded at, epoch ms (the latest correction wins). */
  waktu: number;
}

export interface LegRantai {
  id: string;
  /** The leg whose delivery this one carries on, or null for a first leg (from the KPU warehouse). */
  sebelumnyaId: string | null;
  muatan: Muatan;
}

export type MasalahRantaiKode =
  | 'jumlah_tidak_sesuai_rencana'
  | 'jumlah_berbeda'
  | 'segel_berbeda'
  | 'segel_tidak_dikenal'
  | 'segel_ganda'
  | 'melebihi_kiriman';

export interface MasalahRantai {
  legId: string;
  kode: MasalahRantaiKode;
  message: string;
  /** Seal numbers concerned, sorted. */
  segel: string[];
}

const norm = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

/** Seal numbers as compared: trimmed, upper case, inner spaces removed, unique, sorted. */
export function normalisasiSegel(segel: readonly string[]): string[] {
  return [...new Set(segel.map(norm).filter((s) => s !== ''))].sort();
}

/**
 * The handover that counts for each leg: the last of its chain of corrections (by time, then id);
 * a corrected record never counts.
 */
export function serahTerimaBerlaku(list: readonly SerahTerimaRantai[]): Map<string, SerahTerimaRantai> {
  const corrected = new Set(list.flatMap((s) => (s.koreksiAtas === null ? [] : [s.koreksiAtas])));
  const out = new Map<string, SerahTerimaRantai>();
  for (const s of list) {
    if (corrected.has(s.id)) continue;
    const prev = out.get(s.legId);
    if (!prev || s.waktu > prev.waktu || (s.waktu === prev.waktu && s.id > prev.id)) out.set(s.legId, s);
  }
  return out;
}

/** Every break in the chain of custody of the given legs and their handovers. */
export function periksaRantai(
  legs: readonly LegRantai[],
  serahTerima: readonly SerahTerimaRantai[],
): MasalahRantai[] {
  const berlaku = serahTerimaBerlaku(serahTerima);
  const out: MasalahRantai[] = [];
  const legById = new Map(legs.map((l) => [l.id, l]));
  const next = new Map<string, LegRantai[]>();
  for (const l of legs)
    if (l.sebelumnyaId !== null && legById.has(l.sebelumnyaId))
      next.set(l.sebelumnyaId, [...(next.get(l.sebelumnyaId) ?? []), l]);

  for (const l of legs) {
    const s = berlaku.get(l.id);
    if (!s) continue;
    if (s.kotak !== l.muatan.kotak || s.suratSuara !== l.muatan.suratSuara)
      out.push({
        legId: l.id,
        kode: 'jumlah_tidak_sesuai_rencana',
        message: `Diterima ${s.kotak} kotak dan ${s.suratSuara} surat suara; rencana ${l.muatan.kotak} kotak dan ${l.muatan.suratSuara} surat suara`,
        segel: [],
      });
  }

  for (const [prevId, conts] of [...next].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const prev = berlaku.get(prevId);
    if (!prev) continue;
    const received = new Set(normalisasiSegel(prev.segel));
    const done = conts.flatMap((c) => {
      const s = berlaku.get(c.id);
      return s ? [{ leg: c, s }] : [];
    });
    const prevLeg = legById.get(prevId)!;
    const whole =
      conts.length === 1 &&
      conts[0]!.muatan.kotak === prevLeg.muatan.kotak &&
      conts[0]!.muatan.suratSuara === prevLeg.muatan.suratSuara;
    if (whole) {
      const only = done[0];
      if (!only) continue;
      if (only.s.kotak !== prev.kotak || only.s.suratSuara !== prev.suratSuara)
        out.push({
          legId: only.leg.id,
          kode: 'jumlah_berbeda',
          message: `Diterima ${only.s.kotak} kotak dan ${only.s.suratSuara} surat suara; diserahkan pada titik sebelumnya ${prev.kotak} kotak dan ${prev.suratSuara} surat suara`,
          segel: [],
        });
      const mine = normalisasiSegel(only.s.segel);
      const hilang = [...received].filter((x) => !mine.includes(x));
      const baru = mine.filter((x) => !received.has(x));
      if (hilang.length + baru.length > 0)
        out.push({
          legId: only.leg.id,
          kode: 'segel_berbeda',
          message: `Nomor segel tidak cocok dengan serah terima sebelumnya${baru.length > 0 ? `: tidak dikenal ${baru.join(', ')}` : ''}${hilang.length > 0 ? `; tidak ada ${hilang.join(', ')}` : ''}`,
          segel: [...new Set([...baru, ...hilang])].sort(),
        });
      continue;
    }
    const seen = new Map<string, string>();
    let kotak = 0;
    let suratSuara = 0;
    for (const { leg, s } of done) {
      kotak += s.kotak;
      suratSuara += s.suratSuara;
      const mine = normalisasiSegel(s.segel);
      const unknown = mine.filter((x) => !received.has(x));
      if (unknown.length > 0)
        out.push({
          legId: leg.id,
          kode: 'segel_tidak_dikenal',
          message: `Segel ${unknown.join(', ')} tidak diterima pada titik sebelumnya`,
          segel: unknown,
        });
      const twice = mine.filter((x) => seen.has(x));
      if (twice.length > 0)
        out.push({
          legId: leg.id,
          kode: 'segel_ganda',
          message: `Segel ${twice.join(', ')} sudah tercatat pada serah terima lain`,
          segel: twice,
        });
      for (const x of mine) if (!seen.has(x)) seen.set(x, leg.id);
    }
    if (kotak > prev.kotak || suratSuara > prev.suratSuara) {
      const last = done[done.length - 1]!;
      out.push({
        legId: last.leg.id,
        kode: 'melebihi_kiriman',
        message: `Diteruskan ${kotak} kotak dan ${suratSuara} surat suara, padahal yang diterima ${prev.kotak} kotak dan ${prev.suratSuara} surat suara`,
        segel: [],
      });
    }
  }
  return out;
}
