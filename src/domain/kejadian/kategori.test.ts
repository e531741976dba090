/** The incident categories (kategori.ts): the catalogue, SMS codes and which are violations. */
import { describe, expect, it } from 'vitest';
import {
  isPelanggaran,
  KATEGORI,
  KATEGORI_KEJADIAN,
  kategoriFromKodeSms,
  PENANGANAN_PELANGGARAN,
  TUJUAN_RUJUKAN,
} from './kategori';

describe('kategori kejadian', () => {
  it('covers the categories the seeds name, each with a label, severity and SMS code', () => {
    for (const k of [
      'politik_uang',
      'netralitas_asn',
      'bentrok_massa',
      'kesehatan_petugas',
      'hoaks_provokasi',
    ] as const) {
      expect(KATEGORI_KEJADIAN).toContain(k);
    }
    for (const k of KATEGORI_KEJADIAN) {
      expect(KATEGORI[k].label).not.toBe('');
      expect(KATEGORI[k].kodeSms.length).toBeGreaterThan(0);
    }
  });
  it('routes violations by kind: money politics to Gakkumdu, ASN to Bawaslu/BKN, KPPS bias to the KPU kab/kota', () => {
    expect(KATEGORI.politik_uang.pelanggaran).toBe('pidana');
    expect(KATEGORI.netralitas_asn.pelanggaran).toBe('netralitas_asn');
    // Ad hoc bodies (PPK, PPS, KPPS) answer to the KPU kab/kota; DKPP only for KPU/Bawaslu members.
    expect(KATEGORI.penyelenggara_tidak_netral.pelanggaran).toBe('kode_etik_adhoc');
    expect(PENANGANAN_PELANGGARAN.kode_etik_adhoc).toMatchObject({ tujuan: 'kpu_kabkota' });
    expect(KATEGORI.penyelenggara_tidak_netral.jalurLain.map((j) => j.jenis)).toEqual(['kode_etik']);
    expect(isPelanggaran('bencana')).toBe(false);
    expect(KATEGORI.bentrok_massa.keparahanDefault).toBe('kritis');
  });
  it('sends campaigning outside the schedule the criminal way (UU 10/2016 Pasal 187 ayat (1))', () => {
    expect(KATEGORI.kampanye_di_luar_jadwal.pelanggaran).toBe('pidana');
    expect(PENANGANAN_PELANGGARAN.pidana.tujuan).toBe('gakkumdu');
  });
  it('gives ASN, kepala desa and lurah the criminal route of Pasal 71 ayat (1) jo. Pasal 188', () => {
    const pidana = KATEGORI.netralitas_asn.jalurLain.find((j) => j.jenis === 'pidana');
    expect(pidana?.bila).toContain('Pasal 71 ayat (1) jo. Pasal 188');
    expect(kategoriFromKodeSms('kades')).toBe('netralitas_asn');
  });
  it('routes Polri members to Propam and TNI members to the military police, through Bawaslu', () => {
    expect(KATEGORI.netralitas_tni_polri.pelanggaran).toBe('netralitas_polri');
    expect(KATEGORI.netralitas_tni_polri.jalurLain.map((j) => j.jenis)).toEqual(['netralitas_tni']);
    expect(PENANGANAN_PELANGGARAN.netralitas_polri.penangan).toContain('Propam');
    expect(PENANGANAN_PELANGGARAN.netralitas_tni.penangan).toContain('Polisi Militer');
    expect(TUJUAN_RUJUKAN).toEqual(expect.arrayContaining(['propam', 'pom_tni', 'kpu_kabkota']));
  });
  it('gives every SMS code to exactly one category', () => {
    const codes = KATEGORI_KEJADIAN.flatMap((k) => KATEGORI[k].kodeSms);
    expect(new Set(codes).size).toBe(codes.length);
    expect(kategoriFromKodeSms('banjir')).toBe('gangguan_akses_tps');
    expect(kategoriFromKodeSms('XYZ')).toBeNull();
  });
});
