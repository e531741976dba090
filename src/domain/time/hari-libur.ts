/**
 * Official national holidays (libur nasional) and joint leave days (cuti bersama), which working-day
 * deadlines skip (Gakkumdu steps counted in hari kerja). Seeded into the database, where an admin keeps
 * the list (a later SKB, a regional holiday, a voting day declared a holiday). Each year's source is
 * the joint decree of the Ministers of Religious Affairs, Manpower and PANRB (SKB 3 Menteri); see
 * docs/domain/pemilihan.md. The 2027 decree is not in Siaga's sources yet: an admin adds it.
 */
/**
 * The kinds of day off: the national lists of the SKB, and a regional holiday (libur daerah) that a
 * kepala daerah declares for the region and an admin enters. The contract and the table's CHECK
 * (migration 20261206T0012) hold the same three; this list is the one the contract is built from.
 */
export const JENIS_LIBUR = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
export type JenisLibur = (typeof JENIS_LIBUR)[number];

export interface HariLibur {
  tanggal: string;
  nama: string;
  jenis: JenisLibur;
  sumber: string;
}

const SKB_2024 = 'SKB 3 Menteri No. 855/2023, 3/2023, 4/2023 (Hari Libur Nasional dan Cuti Bersama 2024)';
const SKB_2025 = 'SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024 (Hari Libur Nasional dan Cuti Bersama 2025)';
const SKB_2026 = 'SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025 (Hari Libur Nasional dan Cuti Bersama 2026)';

function days(sumber: string, jenis: JenisLibur, list: readonly (readonly [string, string])[]): HariLibur[] {
  return list.map(([tanggal, nama]) => ({ tanggal, nama, jenis, sumber }));
}

export const HARI_LIBUR_RESMI: readonly HariLibur[] = [
  ...days(SKB_2024, 'libur_nasional', [
    ['2024-01-01', 'Tahun Baru 2024 Masehi'],
    ['2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'],
    ['2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'],
    ['2024-03-29', 'Wafat Isa Almasih'],
    ['2024-03-31', 'Hari Paskah'],
    ['2024-04-10', 'Idul Fitri 1445 H'],
    ['2024-04-11', 'Idul Fitri 1445 H'],
    ['2024-05-01', 'Hari Buruh Internasional'],
    ['2024-05-09', 'Kenaikan Isa Almasih'],
    ['2024-05-23', 'Hari Raya Waisak 2568 BE'],
    ['2024-06-01', 'Hari Lahir Pancasila'],
    ['2024-06-17', 'Idul Adha 1445 H'],
    ['2024-07-07', 'Tahun Baru Islam 1446 H'],
    ['2024-08-17', 'Hari Kemerdekaan RI'],
    ['2024-09-16', 'Maulid Nabi Muhammad SAW'],
    ['2024-12-25', 'Hari Raya Natal'],
  ]),
  ...days(SKB_2024, 'cuti_bersama', [
    ['2024-02-09', 'Cuti bersama Tahun Baru Imlek'],
    ['2024-03-12', 'Cuti bersama Hari Suci Nyepi'],
    ['2024-04-08', 'Cuti bersama Idul Fitri'],
    ['2024-04-09', 'Cuti bersama Idul Fitri'],
    ['2024-04-12', 'Cuti bersama Idul Fitri'],
    ['2024-04-15', 'Cuti bersama Idul Fitri'],
    ['2024-05-10', 'Cuti bersama Kenaikan Isa Almasih'],
    ['2024-05-24', 'Cuti bersama Hari Raya Waisak'],
    ['2024-06-18', 'Cuti bersama Idul Adha'],
    ['2024-12-26', 'Cuti bersama Hari Raya Natal'],
  ]),
  ...days(SKB_2025, 'libur_nasional', [
    ['2025-01-01', 'Tahun Baru 2025 Masehi'],
    ['2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'],
    ['2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'],
    ['2025-03-31', 'Idul Fitri 1446 H'],
    ['2025-04-01', 'Idul Fitri 1446 H'],
    ['2025-04-18', 'Wafat Yesus Kristus'],
    ['2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2025-05-01', 'Hari Buruh Internasional'],
    ['2025-05-12', 'Hari Raya Waisak 2569 BE'],
    ['2025-05-29', 'Kenaikan Yesus Kristus'],
    ['2025-06-01', 'Hari Lahir Pancasila'],
    ['2025-06-06', 'Idul Adha 1446 H'],
    ['2025-06-27', 'Tahun Baru Islam 1447 H'],
    ['2025-08-17', 'Proklamasi Kemerdekaan'],
    ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
    ['2025-12-25', 'Kelahiran Yesus Kristus'],
  ]),
  ...days(SKB_2025, 'cuti_bersama', [
    ['2025-01-28', 'Cuti bersama Tahun Baru Imlek'],
    ['2025-03-28', 'Cuti bersama Hari Suci Nyepi'],
    ['2025-04-02', 'Cuti bersama Idul Fitri'],
    ['2025-04-03', 'Cuti bersama Idul Fitri'],
    ['2025-04-04', 'Cuti bersama Idul Fitri'],
    ['2025-04-07', 'Cuti bersama Idul Fitri'],
    ['2025-05-13', 'Cuti bersama Hari Raya Waisak'],
    ['2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'],
    ['2025-06-09', 'Cuti bersama Idul Adha'],
    ['2025-12-26', 'Cuti bersama Kelahiran Yesus Kristus'],
  ]),
  ...days(SKB_2026, 'libur_nasional', [
    ['2026-01-01', 'Tahun Baru 2026 Masehi'],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
    ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
    ['2026-03-21', 'Idul Fitri 1447 H'],
    ['2026-03-22', 'Idul Fitri 1447 H'],
    ['2026-04-03', 'Wafat Yesus Kristus'],
    ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
    ['2026-05-01', 'Hari Buruh Internasional'],
    ['2026-05-14', 'Kenaikan Yesus Kristus'],
    ['2026-05-27', 'Idul Adha 1447 H'],
    ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
    ['2026-06-01', 'Hari Lahir Pancasila'],
    ['2026-06-16', 'Tahun Baru Islam 1448 H'],
    ['2026-08-17', 'Proklamasi Kemerdekaan'],
    ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
    ['2026-12-25', 'Kelahiran Yesus Kristus'],
  ]),
  ...days(SKB_2026, 'cuti_bersama', [
    ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'],
    ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'],
    ['2026-03-20', 'Cuti bersama Idul Fitri'],
    ['2026-03-23', 'Cuti bersama Idul Fitri'],
    ['2026-03-24', 'Cuti bersama Idul Fitri'],
    ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
    ['2026-05-28', 'Cuti bersama Idul Adha'],
    ['2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'],
  ]),
];
