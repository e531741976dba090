/**
 * A complaint about the neutrality of an ASN, a kepala desa or lurah, a Polri or TNI member (issue 18;
 * seed 002 "Netralitas adalah harga mati", seed 000 "ASN, TNI, dan Polri yang harus bersikap netral")
 * follows its route to an outcome with its deadlines. Bawaslu receives and studies it within the
 * statutory windows (reused from kejadian/gakkumdu.ts); a violation of another law goes to the body
 * that disciplines the person, an election crime (UU 10/2016 Pasal 71 jo. Pasal 188) to Gakkumdu.
 * Sources: docs/domain/netralitas.md.
 */
import {
  deadlines,
  dueFrom,
  type MilestoneGakkumdu,
  type RuleSet,
  type TenggatGakkumdu,
} from '../kejadian/gakkumdu';

export const TERLAPOR = ['asn', 'lurah', 'kepala_desa', 'polri', 'tni'] as const;
export type Terlapor = (typeof TERLAPOR)[number];

export const TERLAPOR_LABEL: Record<Terlapor, string> = {
  asn: 'ASN',
  lurah: 'Lurah',
  kepala_desa: 'Kepala desa atau perangkat desa',
  polri: 'Anggota Polri',
  tni: 'Prajurit TNI',
};

/** Where Bawaslu sends a neutrality violation that is not (only) a crime. */
export const JALUR = ['bkn', 'kepala_daerah', 'propam', 'pom', 'pidana'] as const;
export type Jalur = (typeof JALUR)[number];

export const JALUR_LABEL: Record<Jalur, string> = {
  bkn: 'Rekomendasi Bawaslu ke BKN (dahulu KASN), sanksi oleh pejabat pembina kepegawaian',
  kepala_daerah: 'Rekomendasi Bawaslu ke bupati/wali kota (sanksi kepala desa, UU 6/2014)',
  propam: 'Diteruskan ke Propam Polri (kode etik dan disiplin)',
  pom: 'Diteruskan ke Polisi Militer (Pomdam/POM TNI) dan atasan yang berhak menghukum',
  pidana: 'Tindak pidana pemilihan: UU 10/2016 Pasal 71 jo. Pasal 188, melalui Sentra Gakkumdu',
};

/**
 * The disciplining body of each kind of person: ASN and lurah (an ASN) through BKN, which took over
 * KASN's role when UU 20/2023 ended KASN on 24 Aug 2024; a kepala desa through the bupati/wali kota
 * who appoints him; Polri through Propam; TNI through the military police.
 */
export const JALUR_ETIK: Record<Terlapor, Exclude<Jalur, 'pidana'>> = {
  asn: 'bkn',
  lurah: 'bkn',
  kepala_desa: 'kepala_daerah',
  polri: 'propam',
  tni: 'pom',
};

export const STATUS_NETRALITAS = ['kajian', 'diteruskan', 'gakkumdu', 'selesai', 'dihentikan'] as const;
export type StatusNetralitas = (typeof STATUS_NETRALITAS)[number];

export type HasilKajian = 'bukan_pelanggaran' | 'pelanggaran' | 'pidana';

export type AksiNetralitas =
  | { type: 'minta_keterangan'; at: Date }
  | { type: 'putus_kajian'; hasil: HasilKajian; at: Date }
  | { type: 'teruskan_penyidik'; at: Date }
  | { type: 'limpah_penuntut'; at: Date }
  | { type: 'limpah_pengadilan'; at: Date }
  | { type: 'putusan'; at: Date; amar: string };

export interface Netralitas {
  terlapor: Terlapor;
  status: StatusNetralitas;
  /** The route chosen at the end of Bawaslu's study; null before it. */
  jalur: Jalur | null;
  milestones: MilestoneGakkumdu;
  /** When Bawaslu sent its recommendation or forwarded it to the disciplining body. */
  diteruskanAt: Date | null;
  /** The outcome: the sanction, the acquittal, the verdict. */
  putusanAt: Date | null;
  amar: string | null;
}

export type HasilAksi = { ok: true; value: Netralitas } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): HasilAksi => ({ ok: false, code, message });

/** A new complaint under Bawaslu's study: known at `diketahuiAt`, registered at `dilaporkanAt`. */
export function newNetralitas(terlapor: Terlapor, diketahuiAt: Date, dilaporkanAt: Date): Netralitas {
  return {
    terlapor,
    status: 'kajian',
    jalur: null,
    milestones: { diketahuiAt, dilaporkanAt },
    diteruskanAt: null,
    putusanAt: null,
    amar: null,
  };
}

/**
 * The route's steps: Bawaslu may ask the reporter for more (once, while studying); its study ends in
 * "not a violation" (stopped), a violation (recommended/forwarded to the person's disciplining body)
 * or a crime (Gakkumdu, forwarded to Polri investigators, prosecutor, court); the disciplining body's
 * decision or the court's verdict closes it.
 */
export function applyAksi(n: Netralitas, aksi: AksiNetralitas): HasilAksi {
  if (aksi.at < (n.milestones.dilaporkanAt ?? n.milestones.diketahuiAt)) {
    return refuse('sebelum_laporan', 'Waktu langkah tidak boleh sebelum laporan diterima');
  }
  const m = n.milestones;
  switch (aksi.type) {
    case 'minta_keterangan':
      if (n.status !== 'kajian')
        return refuse('status_tidak_sesuai', 'Keterangan hanya diminta selama kajian');
      if (m.keteranganTambahanAt) return refuse('sudah_diminta', 'Keterangan tambahan sudah diminta');
      return { ok: true, value: { ...n, milestones: { ...m, keteranganTambahanAt: aksi.at } } };
    case 'putus_kajian': {
      if (n.status !== 'kajian') return refuse('status_tidak_sesuai', 'Kajian sudah diputus');
      const milestones = { ...m, ditindaklanjutiAt: aksi.at };
      if (aksi.hasil === 'bukan_pelanggaran') {
        return { ok: true, value: { ...n, status: 'dihentikan', milestones, putusanAt: aksi.at } };
      }
      if (aksi.hasil === 'pidana') {
        return {
          ok: true,
          value: {
            ...n,
            status: 'gakkumdu',
            jalur: 'pidana',
            milestones: { ...milestones, diputuskanPidanaAt: aksi.at },
          },
        };
      }
      return {
        ok: true,
        value: {
          ...n,
          status: 'diteruskan',
          jalur: JALUR_ETIK[n.terlapor],
          milestones,
          diteruskanAt: aksi.at,
        },
      };
    }
    case 'teruskan_penyidik':
      if (n.status !== 'gakkumdu' || m.diteruskanPenyidikAt)
        return refuse('status_tidak_sesuai', 'Hanya perkara pidana yang belum diteruskan ke penyidik');
      return {
        ok: true,
        value: { ...n, diteruskanAt: aksi.at, milestones: { ...m, diteruskanPenyidikAt: aksi.at } },
      };
    case 'limpah_penuntut':
      if (n.status !== 'gakkumdu' || !m.diteruskanPenyidikAt || m.dilimpahkanPenuntutAt)
        return refuse('status_tidak_sesuai', 'Berkas dilimpahkan ke penuntut setelah penyidikan');
      return { ok: true, value: { ...n, milestones: { ...m, dilimpahkanPenuntutAt: aksi.at } } };
    case 'limpah_pengadilan':
      if (n.status !== 'gakkumdu' || !m.dilimpahkanPenuntutAt || m.dilimpahkanPengadilanAt)
        return refuse('status_tidak_sesuai', 'Perkara dilimpahkan ke pengadilan setelah di penuntut');
      return { ok: true, value: { ...n, milestones: { ...m, dilimpahkanPengadilanAt: aksi.at } } };
    case 'putusan':
      if (n.status === 'diteruskan') {
        return { ok: true, value: { ...n, status: 'selesai', putusanAt: aksi.at, amar: aksi.amar } };
      }
      if (n.status === 'gakkumdu' && m.dilimpahkanPengadilanAt) {
        return {
          ok: true,
          value: {
            ...n,
            status: 'selesai',
            putusanAt: aksi.at,
            amar: aksi.amar,
            milestones: { ...m, diputusPnAt: aksi.at },
          },
        };
      }
      return refuse(
        'status_tidak_sesuai',
        'Putusan dicatat setelah diteruskan ke instansi atau dilimpahkan ke pengadilan',
      );
  }
}

/**
 * Siaga default, configurable: the disciplining body is reminded 14 working days after the
 * recommendation. No statute found sets BKN's, Propam's or the POM's time to decide.
 */
export const TINDAK_LANJUT_INSTANSI_HARI_KERJA = 14;

export interface TenggatNetralitas extends Omit<TenggatGakkumdu, 'step'> {
  step: TenggatGakkumdu['step'] | 'tindak_lanjut_instansi';
}

/**
 * The deadlines that apply so far: Bawaslu's (report, study) and, on the criminal path, Gakkumdu's,
 * both from gakkumdu.ts under the election's rule set; on the disciplinary path the reminder to the
 * disciplining body.
 */
export function tenggatNetralitas(
  n: Netralitas,
  ruleSet: RuleSet,
  zoneOffsetHours: number,
  libur: readonly string[] = [],
): TenggatNetralitas[] {
  const out: TenggatNetralitas[] = deadlines(ruleSet, n.milestones, zoneOffsetHours, libur);
  if (n.jalur !== null && n.jalur !== 'pidana' && n.diteruskanAt !== null) {
    out.push({
      step: 'tindak_lanjut_instansi',
      label: `Tindak lanjut ${n.jalur === 'bkn' ? 'BKN' : n.jalur === 'propam' ? 'Propam' : n.jalur === 'pom' ? 'POM' : 'bupati/wali kota'} atas rekomendasi (${TINDAK_LANJUT_INSTANSI_HARI_KERJA} hari kerja, bawaan Siaga)`,
      startAt: n.diteruskanAt,
      dueAt: dueFrom(n.diteruskanAt, 'kerja', TINDAK_LANJUT_INSTANSI_HARI_KERJA, zoneOffsetHours, libur),
      basis: 'kerja',
      jumlah: TINDAK_LANJUT_INSTANSI_HARI_KERJA,
      doneAt: n.putusanAt,
      source: 'Siaga default, configurable (docs/domain/netralitas.md)',
    });
  }
  return out;
}
