/**
 * The officer form's texts (Bahasa Indonesia first), in the TPS page's own chunk (useTeks) so the
 * main dictionary every first page loads does not grow with them (bench/web.ts).
 */
const id = {
  tambah: 'Tambah petugas',
  ubah: 'Ubah data',
  tambahTitle: 'Tambah petugas {tps}',
  ubahTitle: 'Ubah data {nama}',
  jenis: 'Jenis petugas',
  jabatan: 'Jabatan',
  nama: 'Nama lengkap',
  nik: 'NIK (16 angka)',
  telepon: 'Nomor HP (boleh kosong)',
  tanggalLahir: 'Tanggal lahir (boleh kosong)',
  jenisKelamin: 'Jenis kelamin',
  'jenisKelamin.kosong': 'Tidak dicatat',
  'jenisKelamin.L': 'Laki-laki',
  'jenisKelamin.P': 'Perempuan',
  batal: 'Batal',
  tersimpan: '{nama} tersimpan.',
  tersimpanWilayah:
    '{nama} tersimpan sebagai {jenis}. PPS dan PPK bertugas di kelurahan/kecamatan, tidak tampil di daftar TPS ini.',
  diubah: 'Data {nama} diubah.',
  tidakBerubah: 'Tidak ada yang diubah.',
  identitasTerbatas:
    'NIK, nomor HP dan tanggal lahir hanya diisi dan diubah oleh KPU (UU 27/2022); petugas baru ditambahkan oleh KPU.',
  versi:
    'Data petugas ini baru saja diubah orang lain. Daftar sudah dimuat ulang; periksa isian lalu simpan lagi.',
  galat: 'Periksa isian yang ditandai.',
};

const en: Record<keyof typeof id, string> = {
  tambah: 'Add an officer',
  ubah: 'Edit',
  tambahTitle: 'Add an officer to {tps}',
  ubahTitle: 'Edit {nama}',
  jenis: 'Kind of officer',
  jabatan: 'Position',
  nama: 'Full name',
  nik: 'NIK (16 digits)',
  telepon: 'Mobile number (optional)',
  tanggalLahir: 'Date of birth (optional)',
  jenisKelamin: 'Sex',
  'jenisKelamin.kosong': 'Not recorded',
  'jenisKelamin.L': 'Male',
  'jenisKelamin.P': 'Female',
  batal: 'Cancel',
  tersimpan: '{nama} saved.',
  tersimpanWilayah:
    '{nama} saved as {jenis}. PPS and PPK serve the kelurahan/kecamatan and are not listed at this TPS.',
  diubah: '{nama} updated.',
  tidakBerubah: 'Nothing changed.',
  identitasTerbatas:
    'NIK, mobile number and date of birth are entered and changed only by the KPU (Law 27/2022); new officers are added by the KPU.',
  versi:
    'Someone else has just changed this officer. The list has been reloaded; check the fields and save again.',
  galat: 'Check the marked fields.',
};

export const TEKS_FORM = { id, en };
