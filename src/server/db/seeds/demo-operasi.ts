/**
 * Demo operations of Kota Palopo (73.73) in the demo election (issue 18): two paslon, their posko, a
 * few campaign events of which two clash (a rally and a meeting of the other paslon 300 m away at the
 * same hour), the KPU's debat, a joint patrol plan and a neutrality complaint under study. Names and
 * places are GENERATED demo data (docs/domain/demo-data.md); times are counted from the voting day so
 * that the demo always sits in the campaign.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AksiLog } from '../../../contracts/patroli';
import { jendelaPoskoDefault, kebutuhanPersonel } from '../../../domain/kampanye/kampanye';
import { tahapanFor } from '../../../domain/pemilihan/pemilihan';
import { addDays } from '../../../domain/time/hari';
import type { Database, KampanyeKegiatanTable } from '../schema';
import { DEMO_PEMILIHAN_ID } from './demo-pemilihan';

/** Lapangan Pancasila area of Palopo, [lon, lat]. */
const PUSAT: [number, number] = [120.1935, -2.9925];
/** A point `meter` east of PUSAT. */
const timur = (meter: number): [number, number] => [PUSAT[0] + meter / 111_000, PUSAT[1]];

/** A local (WITA) time on day H`offset`. */
const wita = (votingDayOn: string, offset: number, hhmm: string) =>
  new Date(`${addDays(votingDayOn, offset)}T${hhmm}:00+08:00`);

export async function seedDemoOperasi(
  trx: Kysely<Database>,
  votingDayOn: string,
  users: { polres: string; bawaslu: string; babinsa: string },
): Promise<void> {
  const paslon = await trx
    .insertInto('paslon')
    .values([
      {
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        kode_wilayah: '73.73',
        nomor_urut: 1,
        nama: 'Andi Saputra – Rahmawati (contoh)',
        created_by: users.polres,
      },
      {
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        kode_wilayah: '73.73',
        nomor_urut: 2,
        nama: 'Baso Hamzah – Nurlina (contoh)',
        created_by: users.polres,
      },
    ])
    .returning(['id', 'nomor_urut'])
    .execute();
  const [p1, p2] = [paslon.find((p) => p.nomor_urut === 1)!.id, paslon.find((p) => p.nomor_urut === 2)!.id];
  const event = (
    over: Partial<Omit<Insertable<KampanyeKegiatanTable>, 'tempat'>> & {
      judul: string;
      offset: number;
      from: string;
      to: string;
      tempat: [number, number][];
    },
  ): Insertable<KampanyeKegiatanTable> => {
    const { offset, from, to, tempat, ...rest } = over;
    return {
      client_id: randomUUID(),
      pemilihan_id: DEMO_PEMILIHAN_ID,
      jenis: 'pertemuan_terbatas',
      paslon_id: p1,
      kode_wilayah: '73.73.01.1001',
      tempat: JSON.stringify(tempat),
      mulai_at: wita(votingDayOn, offset, from),
      selesai_at: wita(votingDayOn, offset, to),
      sttp_nomor: null,
      perkiraan_massa: 300,
      created_by: users.polres,
      ...rest,
    };
  };
  const kegiatan = await trx
    .insertInto('kampanye_kegiatan')
    .values([
      event({
        jenis: 'rapat_umum',
        judul: 'Rapat umum paslon 1',
        offset: -8,
        from: '09:00',
        to: '12:00',
        tempat: [PUSAT],
        sttp_nomor: 'STTP/112/XI/2024/Intelkam',
        perkiraan_massa: 5000,
        alamat: 'Lapangan Pancasila',
      }),
      // 300 m away at the same hour: the clash the demo shows.
      event({
        paslon_id: p2,
        judul: 'Pertemuan terbatas paslon 2',
        offset: -8,
        from: '10:00',
        to: '12:00',
        tempat: [timur(300)],
        sttp_nomor: 'STTP/115/XI/2024/Intelkam',
        kode_wilayah: '73.73.01.1012',
        created_by: users.bawaslu,
      }),
      event({
        paslon_id: p2,
        jenis: 'tatap_muka',
        judul: 'Dialog warga Wara Utara',
        offset: -6,
        from: '15:00',
        to: '17:00',
        tempat: [[120.197, -2.975]],
        kode_wilayah: '73.73.03.1001',
        perkiraan_massa: 150,
      }),
      event({
        paslon_id: null,
        jenis: 'debat',
        judul: 'Debat publik kedua',
        offset: -5,
        from: '19:00',
        to: '21:30',
        tempat: [timur(800)],
        kode_wilayah: '73.73.01',
        perkiraan_massa: 800,
        alamat: 'Gedung Kesenian',
      }),
    ])
    .returning(['id', 'jenis', 'judul', 'kode_wilayah', 'mulai_at', 'selesai_at', 'perkiraan_massa'])
    .execute();
  // Each event is a duty of the plan (ADR 0016), still without forces: the Polres assigns them.
  await trx
    .insertInto('pam_tugas')
    .values(
      kegiatan.map((k) => {
        const need = kebutuhanPersonel(k.jenis, k.perkiraan_massa);
        return {
          pemilihan_id: DEMO_PEMILIHAN_ID,
          kode_kabkota: '73.73',
          jenis: 'kampanye',
          sumber_id: k.id,
          kode_wilayah: k.kode_wilayah,
          nama: k.judul,
          mulai: k.mulai_at,
          selesai: k.selesai_at,
          kebutuhan_polri: need.polri,
          kebutuhan_tni: need.tni,
        };
      }),
    )
    .execute();
  // Each posko is guarded through the campaign stage and asks one officer (the defaults of
  // docs/domain/kampanye.md): a duty of the plan, still without forces.
  const jaga = jendelaPoskoDefault(tahapanFor('pilkada_serentak', votingDayOn), 8)!;
  const posko = await trx
    .insertInto('posko_paslon')
    .values([
      {
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        paslon_id: p1,
        nama: 'Posko pemenangan paslon 1',
        kode_wilayah: '73.73.01.1002',
        lat: -2.989,
        lon: 120.19,
        alamat: 'Jl. Andi Djemma (contoh)',
        kontak_nama: 'Koordinator posko 1',
        kontak_telepon: '0812 0000 0001',
        jaga_mulai: jaga.mulaiAt,
        jaga_selesai: jaga.selesaiAt,
        created_by: users.polres,
      },
      {
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        paslon_id: p2,
        nama: 'Posko pemenangan paslon 2',
        kode_wilayah: '73.73.02.1002',
        lat: -3.005,
        lon: 120.2,
        alamat: 'Jl. Ratulangi (contoh)',
        kontak_nama: 'Koordinator posko 2',
        kontak_telepon: '0812 0000 0002',
        jaga_mulai: jaga.mulaiAt,
        jaga_selesai: jaga.selesaiAt,
        created_by: users.polres,
      },
    ])
    .returning(['id', 'nama', 'kode_wilayah', 'kebutuhan_polri'])
    .execute();
  await trx
    .insertInto('pam_tugas')
    .values(
      posko.map((p) => ({
        pemilihan_id: DEMO_PEMILIHAN_ID,
        kode_kabkota: '73.73',
        jenis: 'posko',
        sumber_id: p.id,
        kode_wilayah: p.kode_wilayah,
        nama: p.nama,
        mulai: jaga.mulaiAt,
        selesai: jaga.selesaiAt,
        kebutuhan_polri: p.kebutuhan_polri,
      })),
    )
    .execute();
  const [, selesai] = await trx
    .insertInto('patroli')
    .values([
      {
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        nama: 'Patroli bersama TNI-Polri Wara (malam)',
        kode_wilayah: '73.73.01',
        unsur: ['polri', 'tni'],
        tujuan: 'kamtibmas',
        sasaran: ['73.73.01.1001', '73.73.01.1002', '73.73.01.1003'],
        mulai_at: wita(votingDayOn, -9, '19:00'),
        selesai_at: wita(votingDayOn, -9, '23:00'),
        created_by: users.polres,
      },
      {
        client_id: randomUUID(),
        pemilihan_id: DEMO_PEMILIHAN_ID,
        nama: 'Patroli bersama Wara (siang)',
        kode_wilayah: '73.73.01',
        unsur: ['polri', 'tni', 'satpol_pp'],
        tujuan: 'kamtibmas',
        sasaran: ['73.73.01.1001', '73.73.01.1012'],
        mulai_at: wita(votingDayOn, -11, '09:00'),
        selesai_at: wita(votingDayOn, -11, '12:00'),
        status: 'selesai',
        created_by: users.polres,
      },
    ])
    .returning('id')
    .execute();
  const entry = (aksi: AksiLog, hhmm: string, kode: string | null, point: [number, number] | null) => ({
    client_id: randomUUID(),
    patroli_id: selesai!.id,
    aksi,
    dicatat_at: wita(votingDayOn, -11, hhmm),
    kode_wilayah: kode,
    lat: point?.[1] ?? null,
    lon: point?.[0] ?? null,
    created_by: users.babinsa,
  });
  await trx
    .insertInto('patroli_log')
    .values([
      entry('mulai', '09:05', '73.73.01.1001', null),
      entry('titik', '09:40', '73.73.01.1001', [120.193, -2.991]),
      entry('titik', '10:30', '73.73.01.1012', [120.196, -2.993]),
      entry('selesai', '11:50', null, null),
    ])
    .execute();
  // A complaint under Bawaslu's study: a kelurahan official seen at a paslon's meeting (generated).
  const aduan = await trx
    .insertInto('netralitas')
    .values({
      client_id: randomUUID(),
      pemilihan_id: DEMO_PEMILIHAN_ID,
      kode_wilayah: '73.73.01.1012',
      terlapor: 'asn',
      nama_terlapor: 'Staf kelurahan (contoh)',
      jabatan: 'Staf Kelurahan Pajalesang',
      sumber: 'temuan',
      uraian: 'Hadir mengenakan atribut paslon 2 pada pertemuan terbatas dan mengajak warga memilih.',
      diketahui_at: wita(votingDayOn, -12, '16:00'),
      dilaporkan_at: wita(votingDayOn, -11, '09:00'),
      created_by: users.bawaslu,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('netralitas_langkah')
    .values({
      netralitas_id: aduan.id,
      aksi: 'terima',
      at: wita(votingDayOn, -11, '09:00'),
      oleh: users.bawaslu,
    })
    .execute();
}
