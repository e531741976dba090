/** Koordinasi: rakor, tindak lanjut, tahapan and readiness, imbauan, NPHD, success indicators. */
import { z } from 'zod';
import { AGENCIES, ROLES } from '../domain/access/roles';
import { JENIS_IMBAUAN, PRIORITAS } from '../domain/koordinasi/imbauan';
import { PENERIMA_NPHD } from '../domain/koordinasi/nphd';
import { JENIS_RAKOR, KEHADIRAN, SATUAN_POLRI, STATUS_KEPALA_DAERAH } from '../domain/koordinasi/rakor';
import { TINDAK_LANJUT_STATUS } from '../domain/koordinasi/tindak-lanjut';
import { HariOffset, INT4_MAX, KodeWilayah, PageQuery, Uuid, pageOf, Version } from './common';

/** A calendar day, YYYY-MM-DD, that exists. */
export const Tanggal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Tanggal harus berbentuk TTTT-BB-HH' })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'Tanggal tidak ada di kalender',
    },
  );

const Teks = (max: number) => z.string().trim().min(1, { message: 'Wajib diisi' }).max(max);

export const Agency = z.enum(AGENCIES);
export const JenisRakor = z.enum(JENIS_RAKOR);
export const Kehadiran = z.enum(KEHADIRAN);
export const TindakLanjutState = z.enum(['selesai', 'batal', 'terlambat', 'segera', 'terjadwal']);

export const PesertaInput = z.object({ jabatan: Teks(120), agency: Agency });

export const RakorCreate = z.object({
  clientId: Uuid,
  kodeWilayah: KodeWilayah,
  jenis: JenisRakor,
  judul: Teks(200).pipe(z.string().min(3, { message: 'Judul terlalu pendek' })),
  tempat: z.string().trim().max(200).default(''),
  mulaiAt: z.iso.datetime({ offset: true }),
  /** Positions invited; empty means the default list for the kind of rakor. */
  peserta: z.array(PesertaInput).max(100).default([]),
});
export type RakorCreate = z.infer<typeof RakorCreate>;

export const Peserta = z.object({
  id: Uuid,
  jabatan: z.string(),
  agency: Agency,
  kehadiran: Kehadiran,
  diwakiliOleh: z.string().nullable(),
});

export const TindakLanjut = z.object({
  id: Uuid,
  rakorId: Uuid.nullable(),
  rakorJudul: z.string().nullable(),
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  keputusan: z.string(),
  ownerAgency: Agency,
  dueOn: z.string(),
  status: z.enum(TINDAK_LANJUT_STATUS),
  state: TindakLanjutState,
  catatanSelesai: z.string().nullable(),
  selesaiAt: z.string().nullable(),
  selesaiBy: z.string().nullable(),
  version: z.number().int(),
});
export type TindakLanjut = z.infer<typeof TindakLanjut>;

export const RakorSummary = z.object({
  id: Uuid,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  jenis: JenisRakor,
  judul: z.string(),
  tempat: z.string(),
  mulaiAt: z.string(),
  status: z.enum(['terjadwal', 'selesai', 'batal']),
});
export const RakorPage = pageOf(RakorSummary);
export const RakorListQuery = PageQuery.extend({ kode: KodeWilayah.optional() });

export const RakorDetail = RakorSummary.extend({
  version: z.number().int(),
  peserta: z.array(Peserta),
  kehadiran: z.object({
    hadir: z.number(),
    daring: z.number(),
    diwakili: z.number(),
    tidak_hadir: z.number(),
    belum_dicatat: z.number(),
    total: z.number(),
    quorumPercent: z.number(),
  }),
  catatan: z.array(z.object({ id: Uuid, pembicara: z.string(), pokok: z.string(), createdAt: z.string() })),
  keputusan: z.array(TindakLanjut),
  /** Open items of this wilayah from earlier meetings, overdue first: the start of the agenda. */
  agendaLanjutan: z.array(TindakLanjut),
  canManage: z.boolean(),
});
export type RakorDetail = z.infer<typeof RakorDetail>;

export const KehadiranInput = z.object({
  version: Version,
  entries: z
    .array(
      z.object({
        pesertaId: Uuid,
        kehadiran: Kehadiran,
        diwakiliOleh: z.string().trim().max(120).nullable().default(null),
      }),
    )
    .min(1)
    .max(100),
});

export const CatatanInput = z.object({ clientId: Uuid, pembicara: Teks(120), pokok: Teks(4000) });

export const KeputusanInput = z.object({
  clientId: Uuid,
  keputusan: Teks(1000),
  ownerAgency: Agency,
  kodeWilayah: KodeWilayah,
  dueOn: Tanggal,
});
export type KeputusanInput = z.infer<typeof KeputusanInput>;

export const RakorStatusInput = z.object({ status: z.enum(['selesai', 'batal']), version: Version });

export const TindakLanjutQuery = PageQuery.extend({
  kode: KodeWilayah.optional(),
  agency: Agency.optional(),
  state: z.enum(['terbuka', 'terlambat', 'selesai', 'semua']).default('terbuka'),
});
export const TindakLanjutPage = pageOf(TindakLanjut);

export const TindakLanjutDone = z.object({
  status: z.enum(['selesai', 'batal']),
  catatan: z.string().trim().max(2000).default(''),
  version: Version,
});

export const TahapanRow = z.object({
  kode: z.string(),
  nama: z.string(),
  fromOffset: z.number().int(),
  toOffset: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['akan_datang', 'berjalan', 'selesai']),
});

export const KesiapanItem = z.object({
  id: Uuid,
  kode: z.string(),
  judul: z.string(),
  agency: Agency,
  dueOffset: z.number().int(),
  dueLabel: z.string(),
  dueOn: z.string(),
  state: z.enum(['selesai', 'terlambat', 'segera', 'terjadwal']),
  doneOn: z.string().nullable(),
  catatan: z.string().nullable(),
});

const Readiness = z.object({ percent: z.number(), due: z.number(), done: z.number(), late: z.number() });

export const Ringkasan = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  today: z.string(),
  votingDayOn: z.string(),
  countdown: z.object({ offset: z.number().int(), label: z.string() }),
  tahapan: z.array(TahapanRow),
  tahapanDisesuaikan: z.boolean(),
  kesiapan: z.object({
    materialised: z.boolean(),
    region: Readiness,
    perAgency: z.array(Readiness.extend({ agency: Agency })),
    items: z.array(KesiapanItem),
  }),
  tindakLanjutSaya: z.object({ terbuka: z.number(), terlambat: z.number() }),
  imbauanBelumDikonfirmasi: z.number(),
});
export type Ringkasan = z.infer<typeof Ringkasan>;

export const KesiapanUpdate = z.object({
  done: z.boolean(),
  catatan: z.string().trim().max(1000).default(''),
});

export const TahapanUpdate = z.object({
  tahapan: z
    .array(
      z.object({
        kode: z.string().regex(/^[a-z0-9_]{2,64}$/),
        nama: Teks(200),
        fromOffset: HariOffset,
        toOffset: HariOffset,
      }),
    )
    .min(1)
    .max(60)
    .nullable(),
});

export const ImbauanCreate = z.object({
  clientId: Uuid,
  kodeWilayah: KodeWilayah,
  jenis: z.enum(JENIS_IMBAUAN),
  prioritas: z.enum(PRIORITAS),
  judul: Teks(200),
  isi: Teks(4000),
  targetRoles: z.array(z.enum(ROLES)).min(1, { message: 'Pilih minimal satu penerima' }).max(ROLES.length),
  teruskanRtRw: z.boolean().default(false),
  publik: z.boolean().default(false),
  latihan: z.boolean().default(false),
});
export type ImbauanCreate = z.infer<typeof ImbauanCreate>;

export const RekapPenerima = z.object({
  terkirim: z.number(),
  diterima: z.number(),
  dibaca: z.number(),
  dikonfirmasi: z.number(),
  total: z.number(),
  acknowledgedPercent: z.number(),
});

export const ImbauanSummary = z.object({
  id: Uuid,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  jenis: z.enum(JENIS_IMBAUAN),
  prioritas: z.enum(PRIORITAS),
  judul: z.string(),
  isi: z.string(),
  targetRoles: z.array(z.enum(ROLES)),
  teruskanRtRw: z.boolean(),
  publik: z.boolean(),
  latihan: z.boolean(),
  sentAt: z.string(),
  sentBy: z.string(),
  rekap: RekapPenerima,
});
export const ImbauanPage = pageOf(ImbauanSummary);

export const ImbauanDetail = ImbauanSummary.extend({
  penerima: z.array(
    z.object({
      username: z.string(),
      nama: z.string(),
      role: z.enum(ROLES),
      kodeWilayah: z.string().nullable(),
      status: z.enum(['terkirim', 'diterima', 'dibaca', 'dikonfirmasi']),
      catatan: z.string().nullable(),
      diteruskanRtRw: z.boolean(),
      reminderCount: z.number().int(),
      reminderDue: z.boolean(),
    }),
  ),
});

export const KotakMasukItem = z.object({
  id: Uuid,
  jenis: z.enum(JENIS_IMBAUAN),
  prioritas: z.enum(PRIORITAS),
  judul: z.string(),
  isi: z.string(),
  dari: z.string(),
  /**
   * The area it was sent to, whose clock its time is read on. Optional because a phone may hold an
   * inbox cached before the field was added, and reads it offline through this same schema.
   */
  kodeWilayah: z.string().optional(),
  namaWilayah: z.string(),
  sentAt: z.string(),
  teruskanRtRw: z.boolean(),
  status: z.enum(['terkirim', 'diterima', 'dibaca', 'dikonfirmasi']),
  reminderCount: z.number().int(),
});
export const KotakMasukPage = pageOf(KotakMasukItem);

export const KonfirmasiInput = z.object({
  catatan: z.string().trim().max(1000).default(''),
  diteruskanRtRw: z.boolean().default(false),
});

export const NphdUpsert = z.object({
  nomor: z.string().trim().max(120).default(''),
  nilai: z.number().int().positive({ message: 'Nilai hibah harus lebih dari nol' }).max(1e15),
  ditandatanganiOn: Tanggal.nullable(),
});

export const JenisTransaksiNphd = z.enum(['pencairan', 'realisasi']);
export type JenisTransaksiNphd = z.infer<typeof JenisTransaksiNphd>;

export const NphdTransaksiInput = z.object({
  clientId: Uuid,
  jenis: JenisTransaksiNphd,
  nilai: z.number().int().positive({ message: 'Nilai harus lebih dari nol' }).max(1e15),
  tanggal: Tanggal,
  keterangan: z.string().trim().max(500).default(''),
});

export const NphdRow = z.object({
  id: Uuid.nullable(),
  penerima: z.enum(PENERIMA_NPHD),
  nomor: z.string(),
  nilai: z.number().nullable(),
  ditandatanganiOn: z.string().nullable(),
  disalurkan: z.number(),
  direalisasi: z.number(),
  persenDisalurkan: z.number(),
  persenSerapan: z.number(),
  persenSerapanDiharapkan: z.number(),
  alerts: z.array(z.object({ code: z.string(), message: z.string() })),
  transaksi: z.array(
    z.object({
      id: Uuid,
      jenis: JenisTransaksiNphd,
      nilai: z.number(),
      tanggal: z.string(),
      keterangan: z.string(),
    }),
  ),
});
export const NphdResponse = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  canManage: z.boolean(),
  rows: z.array(NphdRow),
});

export const IndikatorResponse = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  indikator: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      nilai: z.string().nullable(),
      status: z.enum(['tercapai', 'perhatian', 'belum_ada_data']),
      sumber: z.string(),
    }),
  ),
  target: z.object({
    targetPartisipasi: z.number().nullable(),
    partisipasi: z.number().nullable(),
    psuCount: z.number().nullable(),
  }),
});

export const TargetUpdate = z.object({
  targetPartisipasi: z.number().min(0).max(100).nullable(),
  partisipasi: z.number().min(0).max(100).nullable(),
  psuCount: z.number().int().min(0).max(INT4_MAX).nullable(),
});

/** How a region's Forkopimda is made up: the head's status, the Polri unit, a Lanal on the coast. */
export const ForkopimdaSetting = z
  .object({
    statusKepalaDaerah: z.enum(STATUS_KEPALA_DAERAH, { message: 'Status kepala daerah tidak dikenal' }),
    satuanPolri: z.enum(SATUAN_POLRI, { message: 'Satuan Polri tidak dikenal' }),
    adaLanal: z.boolean(),
  })
  .strict();
export type ForkopimdaSetting = z.infer<typeof ForkopimdaSetting>;
export const ForkopimdaSettingResponse = ForkopimdaSetting.extend({
  kodeWilayah: z.string(),
  /** The invitation list a Forkopimda rakor of this region starts from. */
  undangan: z.array(PesertaInput),
});

/** A rakor scheduled (201) or its first copy answered to a resend (200, `replayed`). */
export const RakorCreated = z.object({ id: Uuid, replayed: z.boolean() });
/** An imbauan sent: how many it reached (0 for a resend, which reached nobody new). */
export const ImbauanSent = z.object({ id: Uuid, penerima: z.number().int(), replayed: z.boolean() });
/** When the recipient first confirmed (a second confirmation keeps the first time). */
export const KonfirmasiResult = z.object({ acknowledgedAt: z.string(), replayed: z.boolean() });
export const PengingatResult = z.object({ reminded: z.number().int() });
export const KesiapanCreated = z.object({ created: z.number().int() });
export const KodeParams = z.object({ kode: KodeWilayah });
export const NphdParams = z.object({ kode: KodeWilayah, penerima: z.enum(PENERIMA_NPHD) });
