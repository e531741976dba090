-- Every column typed by a domain union has a CHECK with the union's values (issue 15). Fourteen
-- columns were typed by a union in schema.ts but checked by nothing in the database: a voting-day
-- stage, an incident step's statuses, a referral's body and outcome, three agency columns, a plan's
-- TPS category, a patrol log's incident category, and three arrays (an instruction's target roles, a
-- patrol's elements, a KPPS screening's risk factors). The app writes them only from zod-checked
-- input and the domain, so a wrong value could come only from a bug or a hand-written statement;
-- the database now refuses it as it does for the other 73 such columns. schema-unions.test.ts
-- compares each list with its domain list and, at compile time, requires every union-typed column
-- of schema.ts to be paired with one. Arrays: every element in the list (`<@`).
ALTER TABLE tps_status ADD CONSTRAINT tps_status_stage_check CHECK (stage IN ('belum_lapor', 'petugas_hadir', 'logistik_lengkap', 'dibuka', 'pemungutan', 'ditutup', 'penghitungan_selesai'));
ALTER TABLE tps_status_laporan ADD CONSTRAINT tps_status_laporan_stage_check CHECK (stage IN ('belum_lapor', 'petugas_hadir', 'logistik_lengkap', 'dibuka', 'pemungutan', 'ditutup', 'penghitungan_selesai'));
ALTER TABLE kejadian_langkah ADD CONSTRAINT kejadian_langkah_dari_status_check CHECK (dari_status IN ('baru', 'diverifikasi', 'digabung', 'ditolak', 'ditangani', 'selesai', 'dirujuk'));
ALTER TABLE kejadian_langkah ADD CONSTRAINT kejadian_langkah_ke_status_check CHECK (ke_status IN ('baru', 'diverifikasi', 'digabung', 'ditolak', 'ditangani', 'selesai', 'dirujuk'));
ALTER TABLE kejadian_rujukan ADD CONSTRAINT kejadian_rujukan_lembaga_check CHECK (lembaga IN ('bawaslu', 'gakkumdu', 'dkpp', 'kpu_kabkota', 'bkn', 'propam', 'pom_tni', 'polri', 'instansi_lain'));
ALTER TABLE kejadian_rujukan ADD CONSTRAINT kejadian_rujukan_outcome_check CHECK (outcome IN ('tidak_diregistrasi', 'bukan_pelanggaran', 'rekomendasi_administratif', 'diteruskan_dkpp', 'diteruskan_instansi_lain', 'dihentikan', 'putusan_bersalah', 'putusan_bebas'));
ALTER TABLE rakor_peserta ADD CONSTRAINT rakor_peserta_agency_check CHECK (agency IN ('pemda', 'kesbangpol', 'polri', 'tni', 'kejaksaan', 'pengadilan', 'kpu', 'bawaslu', 'dprd', 'diskominfo', 'dinkes'));
ALTER TABLE tindak_lanjut ADD CONSTRAINT tindak_lanjut_owner_agency_check CHECK (owner_agency IN ('pemda', 'kesbangpol', 'polri', 'tni', 'kejaksaan', 'pengadilan', 'kpu', 'bawaslu', 'dprd', 'diskominfo', 'dinkes'));
ALTER TABLE kesiapan_item ADD CONSTRAINT kesiapan_item_agency_check CHECK (agency IN ('pemda', 'kesbangpol', 'polri', 'tni', 'kejaksaan', 'pengadilan', 'kpu', 'bawaslu', 'dprd', 'diskominfo', 'dinkes'));
ALTER TABLE pam_plan_tps ADD CONSTRAINT pam_plan_tps_kategori_check CHECK (kategori IN ('kurang_rawan', 'rawan', 'sangat_rawan', 'khusus'));
ALTER TABLE patroli_log ADD CONSTRAINT patroli_log_kategori_check CHECK (kategori IN ('politik_uang', 'netralitas_asn', 'netralitas_tni_polri', 'penyelenggara_tidak_netral', 'kampanye_di_luar_jadwal', 'intimidasi', 'bentrok_massa', 'perusakan_apk_logistik', 'gangguan_akses_tps', 'kesehatan_petugas', 'hoaks_provokasi', 'bencana', 'lainnya'));
ALTER TABLE imbauan ADD CONSTRAINT imbauan_target_roles_check CHECK (target_roles <@ ARRAY['admin', 'forkopimda', 'operator', 'camat', 'lurah', 'babinsa', 'bhabinkamtibmas', 'pengawas', 'pemantau_medsos', 'kpps', 'dinkes', 'viewer']);
ALTER TABLE patroli ADD CONSTRAINT patroli_unsur_check CHECK (unsur <@ ARRAY['polri', 'tni', 'satpol_pp', 'bawaslu']);
ALTER TABLE petugas_skrining ADD CONSTRAINT petugas_skrining_faktor_risiko_check CHECK (faktor_risiko <@ ARRAY['hipertensi', 'diabetes', 'jantung', 'stroke', 'tbc', 'kanker', 'hamil', 'usia_lanjut']);
