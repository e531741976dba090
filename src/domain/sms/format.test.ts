import { describe, expect, it } from 'vitest';
import { MAX_SMS_REPLY, parseSms, replyFor } from './format';

/** GSM-7 basic characters that count once: plain ASCII without []{}|~^\ and the backtick. */
const GSM7_SINGLE = /^[A-Za-z0-9 .,:;!?'"()<>=+\-/*&%#@_$]*$/;

describe('parseSms: good messages', () => {
  it('reads the issue example LAP 7373011001 TPS012 AMAN', () => {
    const parsed = parseSms('LAP 7373011001 TPS012 AMAN');
    expect(parsed).toEqual({
      ok: true,
      value: {
        jenis: 'lap_tps',
        kodeKelurahan: '73.73.01.1001',
        nomorTps: 12,
        kodeTps: '7373011001012',
        level: 'kondusif',
        catatan: null,
      },
    });
    expect(replyFor(parsed)).toBe('Diterima: LAP 73.73.01.1001 TPS 012 AMAN. Terima kasih.');
  });
  it('reads a kelurahan report with a note, any case and spacing', () => {
    const parsed = parseSms('  lap   73.73.01.1001  waspada   ada kerumunan  di posko ');
    expect(parsed).toEqual({
      ok: true,
      value: {
        jenis: 'lap_kelurahan',
        kodeKelurahan: '73.73.01.1001',
        level: 'waspada',
        catatan: 'ada kerumunan di posko',
      },
    });
    expect(replyFor(parsed)).toBe('Diterima: LAP 73.73.01.1001 WASPADA (dengan catatan). Terima kasih.');
  });
  it('calls the top situation level GENTING, and still takes the old RAWAN from phones set up before', () => {
    for (const word of ['GENTING', 'genting', 'RAWAN']) {
      const parsed = parseSms(`LAP 7373011001 ${word} massa berkumpul`);
      expect(parsed.ok && parsed.value.jenis === 'lap_kelurahan' && parsed.value.level).toBe('genting');
      expect(replyFor(parsed)).toBe('Diterima: LAP 73.73.01.1001 GENTING (dengan catatan). Terima kasih.');
    }
    expect(replyFor(parseSms('LAP 7373011001 TPS012 RAWAN'))).toBe(
      'Diterima: LAP 73.73.01.1001 TPS 012 GENTING. Terima kasih.',
    );
  });
  it.each([
    ['LAP 7373011001 TPS 12 RAWAN', 12],
    ['LAP 7373011001 tps-7 rawan', 7],
    ['LAP 7373011001003 RAWAN', 3],
  ])('accepts TPS written as in %s', (text, nomor) => {
    const parsed = parseSms(text);
    expect(parsed.ok && parsed.value.jenis === 'lap_tps' && parsed.value.nomorTps).toBe(nomor);
  });
  it('reads an incident with and without TPS, and does not echo its text', () => {
    const withTps = parseSms('KEJ 7373011001 TPS003 uang amplop dibagikan di gang 5');
    expect(withTps).toEqual({
      ok: true,
      value: {
        jenis: 'kejadian',
        kodeKelurahan: '73.73.01.1001',
        nomorTps: 3,
        kodeTps: '7373011001003',
        kategori: 'politik_uang',
        uraian: 'amplop dibagikan di gang 5',
      },
    });
    expect(replyFor(withTps)).toMatch(/^Diterima: KEJ 73\.73\.01\.1001 TPS 003 UANG \(Politik uang\)\./);
    expect(replyFor(withTps)).not.toContain('amplop');
    const noTps = parseSms('kej 7373011001 hoaks pesan berantai paslon 2 curang');
    expect(
      noTps.ok && noTps.value.jenis === 'kejadian' && [noTps.value.kategori, noTps.value.nomorTps],
    ).toEqual(['hoaks_provokasi', null]);
    expect(replyFor(noTps)).not.toContain('curang');
  });
  it.each([
    ['STS 7373011001 TPS012 HADIR', 'petugas_hadir', null, 'HADIR'],
    ['sts 7373011001 TPS012 buka', 'dibuka', null, 'BUKA'],
    ['STS 7373011001 TPS012 TUTUP PEMILIH=123', 'ditutup', 123, 'TUTUP PEMILIH=123'],
    ['STS 7373011001 TPS012 selesai pemilih = 98', 'penghitungan_selesai', 98, 'HITUNG PEMILIH=98'],
  ])('reads stage report %s', (text, tahap, pemilih, echoed) => {
    const parsed = parseSms(text);
    expect(
      parsed.ok && parsed.value.jenis === 'status_tps' && [parsed.value.tahap, parsed.value.pemilih],
    ).toEqual([tahap, pemilih]);
    expect(replyFor(parsed)).toBe(`Diterima: STS 73.73.01.1001 TPS 012 ${echoed}. Terima kasih.`);
  });
});

describe('parseSms: bad messages say what is wrong and the right format', () => {
  it.each([
    ['', 'kosong'],
    ['   ', 'kosong'],
    ['HALO PAK', 'perintah_tidak_dikenal'],
    ['LAP', 'kode_wilayah_kosong'],
    ['LAP 737301100 AMAN', 'kode_wilayah_tidak_valid'],
    ['LAP 7373019001 AMAN', 'kode_wilayah_tidak_valid'],
    ['LAP abc AMAN', 'kode_wilayah_tidak_valid'],
    ['LAP 737301 AMAN', 'bukan_kelurahan'],
    ['LAP 7373011001 TPS0 AMAN', 'tps_tidak_valid'],
    ['LAP 7373011001 TPS1234 AMAN', 'tps_tidak_valid'],
    ['LAP 7373011001 TPSX AMAN', 'tps_tidak_valid'],
    ['LAP 7373011001000 AMAN', 'tps_tidak_valid'],
    ['LAP 7373011001', 'level_tidak_dikenal'],
    ['LAP 7373011001 TPS012 TENANG', 'level_tidak_dikenal'],
    ['KEJ 7373011001 TPS012', 'kategori_tidak_dikenal'],
    ['KEJ 7373011001 KEBAKARAN gudang', 'kategori_tidak_dikenal'],
    ['KEJ 7373011001 BENTROK', 'uraian_kosong'],
    ['STS 7373011001 BUKA', 'tps_wajib'],
    ['STS 7373011001 TPS012', 'tahap_tidak_dikenal'],
    ['STS 7373011001 TPS012 ISTIRAHAT', 'tahap_tidak_dikenal'],
    ['STS 7373011001 TPS012 TUTUP PEMILIH=banyak', 'pemilih_tidak_valid'],
    ['STS 7373011001 TPS012 TUTUP 123', 'pemilih_tidak_valid'],
    [`KEJ 7373011001 LAIN ${'x'.repeat(700)}`, 'terlalu_panjang'],
    // Four concatenated GSM-7 segments hold 4 × 153 = 612 characters: one more is a fifth SMS.
    [`KEJ 7373011001 LAIN ${'x'.repeat(613 - 20)}`, 'terlalu_panjang'],
  ])('%j → %s', (text, code) => {
    const parsed = parseSms(text);
    expect(parsed.ok ? 'ok' : parsed.code).toBe(code);
    const reply = replyFor(parsed);
    expect(reply.length).toBeLessThanOrEqual(MAX_SMS_REPLY);
    expect(reply).toMatch(GSM7_SINGLE);
    expect(reply).toContain(' Format: ');
  });
  it('shows the right format for the command used', () => {
    const reply = replyFor(parseSms('STS 7373011001 TPS012 ISTIRAHAT'));
    expect(reply).toBe(
      'Tahap "ISTIRAHAT" tidak dikenal. Format: STS <kode kel> TPS012 HADIR/LOGISTIK/BUKA/PUNGUT/TUTUP/HITUNG (PEMILIH=123)',
    );
    expect(replyFor(parseSms('LAP 7373011001 TPS012 TENANG'))).toContain(
      'Format: LAP <kode kel> TPS012 AMAN/WASPADA/GENTING',
    );
  });
  it('quotes only safe, short pieces of what the sender typed', () => {
    const reply = replyFor(parseSms('LAP {[<script>]}|~hoaks_panjang_sekali_sekali 7373011001'));
    expect(reply).toMatch(GSM7_SINGLE);
    expect(reply.length).toBeLessThanOrEqual(MAX_SMS_REPLY);
  });
});

describe('replies stay within one SMS for every good message shape', () => {
  it.each([
    'KEJ 7373011001 TPS999 BANJIR jalan putus',
    'KEJ 7373011001 TPS999 KPPS ketua kpps kampanye',
    'KEJ 7373011001 TPS999 KAMPANYE pawai di masa tenang',
    'LAP 7373011001 TPS999 GENTING catatan panjang',
    'STS 7373011001 TPS999 HITUNG PEMILIH=99999',
  ])('%s', (text) => {
    const parsed = parseSms(text);
    expect(parsed.ok).toBe(true);
    const reply = replyFor(parsed);
    expect(reply.length).toBeLessThanOrEqual(MAX_SMS_REPLY);
    expect(reply).toMatch(GSM7_SINGLE);
  });
});
