/**
 * An election's figures beside the previous one's as the contract's answer: a row per area (the
 * area itself, then each child) with each figure compared, the catalogue of figures, the breakdowns.
 */
import type { AnevResponse } from '../../../contracts/anev';
import {
  METRIK_ANEV,
  bandingRincian,
  bandingkan,
  type Angka,
  type ItemRincian,
} from '../../../domain/anev/anev';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';

/** An election's figures for an area and its children, as the service gathers them. */
export interface AngkaArea {
  perAnak: ReadonlyMap<string, Angka>;
  total: Angka;
  /** How many figures were entered from a summary. */
  entered: number;
  /** Null for a closed election, which has no breakdown. */
  rincian: readonly ItemRincian[] | null;
}

type Pemilihan = Pick<PemilihanContext, 'id' | 'nama' | 'hariPemungutan'>;

export function toAnevResponse(banding: {
  wilayah: { kode: string; nama: string };
  children: readonly { kode: string; nama: string }[];
  kini: Pemilihan;
  lalu: Pemilihan | null;
  a: AngkaArea;
  b: AngkaArea | null;
}): AnevResponse {
  const { wilayah, children, kini, lalu, a, b } = banding;
  const row = (kode: string, nama: string, mine: Angka, theirs: Angka) => ({
    kode,
    nama,
    baris: bandingkan(mine, theirs),
  });
  return {
    kodeWilayah: wilayah.kode,
    namaWilayah: wilayah.nama,
    kini: { id: kini.id, nama: kini.nama, hariPemungutan: kini.hariPemungutan },
    lalu: lalu ? { id: lalu.id, nama: lalu.nama, hariPemungutan: lalu.hariPemungutan } : null,
    metrik: METRIK_ANEV.map((m) => ({
      kode: m.kode,
      nama: m.nama,
      satuan: m.satuan,
      kabKotaSaja: m.kabKotaSaja ?? false,
    })),
    wilayah: [
      row(wilayah.kode, wilayah.nama, a.total, b?.total ?? {}),
      ...children.map((c) => row(c.kode, c.nama, a.perAnak.get(c.kode) ?? {}, b?.perAnak.get(c.kode) ?? {})),
    ],
    rincian: bandingRincian(a.rincian, b?.rincian ?? null),
    dimasukkan: { kini: a.entered, lalu: b?.entered ?? 0 },
  };
}
