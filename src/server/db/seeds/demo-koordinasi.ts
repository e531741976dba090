/**
 * Demo koordinasi for the five seed regions: each region's readiness checklist from the default
 * template (items due before H-30 already done), and Palopo's Forkopimda rakor as seed 000 reports
 * it (who came, who spoke, what was decided) with two decisions as action items, and the next rakor,
 * scheduled for H-3 (a week ahead of the demo's first day at H-10). All of it belongs to
 * the demo's current election (DEMO_PEMILIHAN_ID), dated from its voting day; the Forkopimda settings
 * are the regions' own, whatever the election.
 */
import type { Kysely } from 'kysely';
import { checklistPilkada2024 } from '../../../domain/koordinasi/checklist-template';
import { defaultPeserta, type ForkopimdaSetting, type Kehadiran } from '../../../domain/koordinasi/rakor';
import { addDays } from '../../../domain/time/hari';
import type { Database } from '../schema';
import { DEMO_PEMILIHAN_ID } from './demo-pemilihan';
import { DEMO_REGIONS } from './demo-regions';

/**
 * How each seed region's Forkopimda was made up in 2024: a Penjabat in Palopo (seed 000), Probolinggo
 * (seed 001) and Kupang (seed 002, with its Polresta Kupang Kota); a Pjs during the incumbent's campaign
 * leave in Kutai Timur (seed 003, with Lanal Sangatta) and Balikpapan (seed 004).
 */
const FORKOPIMDA_DEMO: Record<string, ForkopimdaSetting> = {
  '73.73': { statusKepalaDaerah: 'pj', satuanPolri: 'polres', adaLanal: false },
  '35.74': { statusKepalaDaerah: 'pj', satuanPolri: 'polres', adaLanal: false },
  '53.71': { statusKepalaDaerah: 'pj', satuanPolri: 'polresta', adaLanal: false },
  '64.08': { statusKepalaDaerah: 'pjs', satuanPolri: 'polres', adaLanal: true },
  '64.71': { statusKepalaDaerah: 'pjs', satuanPolri: 'polres', adaLanal: false },
};

/** Palopo's default Forkopimda invitations for a rakor. */
const undangan = (rakorId: string) =>
  defaultPeserta('forkopimda', '73.73', FORKOPIMDA_DEMO['73.73']).map((p, i) => ({
    rakor_id: rakorId,
    urutan: i + 1,
    jabatan: p.jabatan,
    agency: p.agency,
  }));

export async function seedDemoKoordinasi(trx: Kysely<Database>, votingDayOn: string, createdBy: string) {
  await trx
    .insertInto('koordinasi_region')
    .values(
      Object.entries(FORKOPIMDA_DEMO).map(([kode, f]) => ({
        kode_wilayah: kode,
        status_kepala_daerah: f.statusKepalaDaerah,
        satuan_polri: f.satuanPolri,
        ada_lanal: f.adaLanal,
      })),
    )
    .execute();
  for (const region of DEMO_REGIONS) {
    await trx
      .insertInto('kesiapan_item')
      .values(
        checklistPilkada2024(votingDayOn).map((item) => ({
          pemilihan_id: DEMO_PEMILIHAN_ID,
          kode_wilayah: region.kode,
          kode: item.kode,
          judul: item.judul,
          agency: item.agency,
          due_offset: item.dueOffset,
          done_on: item.dueOffset <= -30 ? addDays(votingDayOn, item.dueOffset) : null,
        })),
      )
      .execute();
  }

  const rakor = await trx
    .insertInto('rakor')
    .values({
      client_id: '5e1d0000-0000-4000-8000-000000000001',
      pemilihan_id: DEMO_PEMILIHAN_ID,
      kode_wilayah: '73.73',
      jenis: 'forkopimda',
      judul: 'Rakor Forkopimda persiapan pengamanan Pilkada Serentak 2024',
      tempat: 'Ruang Ratona, lantai 2 Kantor Wali Kota Palopo',
      mulai_at: new Date(`${addDays(votingDayOn, -21)}T10:00:00+08:00`),
      status: 'selesai',
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kehadiran: Record<string, { kehadiran: Kehadiran; diwakili_oleh: string | null }> = {
    Kapolres: { kehadiran: 'diwakili', diwakili_oleh: 'Kabag Ops Polres Palopo' },
    'Ketua KPU': { kehadiran: 'tidak_hadir', diwakili_oleh: null },
    'Ketua Bawaslu': { kehadiran: 'tidak_hadir', diwakili_oleh: null },
    'Ketua Pengadilan Negeri': { kehadiran: 'tidak_hadir', diwakili_oleh: null },
  };
  await trx
    .insertInto('rakor_peserta')
    .values(
      undangan(rakor.id).map((p) => ({
        ...p,
        ...(kehadiran[p.jabatan] ?? { kehadiran: 'hadir', diwakili_oleh: null }),
      })),
    )
    .execute();
  const catatan = [
    [
      'Pj Wali Kota',
      'Pengalaman Pilkada 2013 yang diwarnai kekacauan tidak boleh terulang; kerja sama antarlembaga.',
    ],
    ['Ketua DPRD', 'Camat, lurah, Babinsa dan Bhabinkamtibmas bekerja sama menjaga pemilihan yang damai.'],
    ['Kepala Kejaksaan Negeri', 'Netralitas ASN, TNI dan Polri; peran Gakkumdu mengawal proses hukum.'],
    ['Dandim 1403', 'Kesiapan TNI-Polri; patroli bersama untuk menjaga ketertiban.'],
    ['Kabag Ops Polres', 'Rencana operasi: politik uang, netralitas ASN, logistik dan posko paslon.'],
  ];
  await trx
    .insertInto('rakor_catatan')
    .values(
      catatan.map(([pembicara, pokok], i) => ({
        client_id: `5e1d0000-0000-4000-8000-00000000010${i}`,
        rakor_id: rakor.id,
        pembicara: pembicara!,
        pokok: pokok!,
        created_by: createdBy,
      })),
    )
    .execute();
  await trx
    .insertInto('tindak_lanjut')
    .values([
      {
        client_id: '5e1d0000-0000-4000-8000-000000000201',
        pemilihan_id: DEMO_PEMILIHAN_ID,
        rakor_id: rakor.id,
        kode_wilayah: '73.73',
        keputusan: 'Jadwal patroli bersama TNI-Polri selama masa kampanye dan masa tenang',
        owner_agency: 'polri',
        due_on: addDays(votingDayOn, -10),
        created_by: createdBy,
      },
      {
        client_id: '5e1d0000-0000-4000-8000-000000000202',
        pemilihan_id: DEMO_PEMILIHAN_ID,
        rakor_id: rakor.id,
        kode_wilayah: '73.73',
        keputusan: 'Surat edaran netralitas ASN ke seluruh OPD, camat dan lurah',
        owner_agency: 'pemda',
        due_on: addDays(votingDayOn, -3),
        created_by: createdBy,
      },
    ])
    .execute();

  // The next rakor, a week ahead of the demo's today (H-10): scheduled, invitations not yet answered,
  // so a newcomer sees coordination in progress rather than only a meeting that is over.
  const next = await trx
    .insertInto('rakor')
    .values({
      client_id: '5e1d0000-0000-4000-8000-000000000002',
      pemilihan_id: DEMO_PEMILIHAN_ID,
      kode_wilayah: '73.73',
      jenis: 'forkopimda',
      judul: 'Rakor Forkopimda kesiapan masa tenang dan hari pemungutan suara',
      tempat: 'Ruang Ratona, lantai 2 Kantor Wali Kota Palopo',
      mulai_at: new Date(`${addDays(votingDayOn, -3)}T09:00:00+08:00`),
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('rakor_peserta').values(undangan(next.id)).execute();
}
