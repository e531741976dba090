/**
 * The SMS format for field reports where there is no data connection (Bawaslu's TPS-rawan indicator
 * 24, internet problems at 22,738 TPS: ../shared/domain/pilkada-facts.md §2.1). The format is
 * Siaga's own, from issue #5's example `LAP 7373011001 TPS012 AMAN`; docs/domain/laporan.md has the
 * user-facing table.
 *
 *   LAP <kode kelurahan> <KONDUSIF|WASPADA|GENTING> [catatan]      kelurahan situation report
 *   LAP <kode kelurahan> TPS012 <AMAN|WASPADA|GENTING> [catatan]    one TPS's situation
 *   KEJ <kode kelurahan> [TPS012] <KATEGORI> <uraian>               an incident
 *   STS <kode kelurahan> TPS012 <TAHAP> [PEMILIH=123]               a TPS's voting-day stage
 *
 * Tolerant by design (typed on feature phones under stress): case-insensitive, any spacing, the code
 * with or without dots, "TPS 12" as well as "TPS012", a 13-digit KPU TPS code in place of code + TPS,
 * AMAN and KONDUSIF as synonyms. Replies are at most 160 characters of plain ASCII (one GSM-7 SMS
 * segment, none of the characters that count double) and never echo free text, so a hoax or a
 * provocation is not sent back out (seed 004: keep its spread minimal).
 */
import { KATEGORI, kategoriFromKodeSms, type KategoriKejadian } from '../kejadian/kategori';
import type { LevelSituasi } from '../laporan/situasi';
import type { TahapTps } from '../hari-h/tps-status';
import { formatKodeTps, MAX_NOMOR_TPS } from '../tps/kode-tps';
import { normalizeKodeWilayah, parseKodeWilayah } from '../wilayah/kode-wilayah';

export const MAX_SMS_REPLY = 160;
/**
 * Longest message accepted: four concatenated SMS segments (Siaga's default, configurable). A
 * concatenated GSM-7 segment holds 153 characters (160 less the 7 taken by the user-data header,
 * 3GPP TS 23.040 §9.2.3.24.1 and TS 23.038), so four hold 612.
 */
export const SEGMEN_SMS_MAKS = 4;
export const KARAKTER_PER_SEGMEN_GABUNGAN = 153;
export const MAX_SMS_TEXT = SEGMEN_SMS_MAKS * KARAKTER_PER_SEGMEN_GABUNGAN;

interface LokasiSms {
  /** Dotted kelurahan/desa code, e.g. 73.73.01.1001. */
  kodeKelurahan: string;
}

export type SmsPesan =
  | (LokasiSms & { jenis: 'lap_kelurahan'; level: LevelSituasi; catatan: string | null })
  | (LokasiSms & {
      jenis: 'lap_tps';
      nomorTps: number;
      kodeTps: string;
      level: LevelSituasi;
      catatan: string | null;
    })
  | (LokasiSms & {
      jenis: 'kejadian';
      nomorTps: number | null;
      kodeTps: string | null;
      kategori: KategoriKejadian;
      uraian: string;
    })
  | (LokasiSms & {
      jenis: 'status_tps';
      nomorTps: number;
      kodeTps: string;
      /** Any stage but belum_lapor: a report is itself a sign of life. */
      tahap: TahapSms;
      pemilih: number | null;
    });

export type TahapSms = Exclude<TahapTps, 'belum_lapor'>;

export type SmsErrorCode =
  | 'kosong'
  | 'terlalu_panjang'
  | 'perintah_tidak_dikenal'
  | 'kode_wilayah_kosong'
  | 'kode_wilayah_tidak_valid'
  | 'bukan_kelurahan'
  | 'tps_tidak_valid'
  | 'tps_wajib'
  | 'level_tidak_dikenal'
  | 'kategori_tidak_dikenal'
  | 'uraian_kosong'
  | 'tahap_tidak_dikenal'
  | 'pemilih_tidak_valid';

export type SmsParseResult = { ok: true; value: SmsPesan } | { ok: false; code: SmsErrorCode; reply: string };

type Perintah = 'LAP' | 'KEJ' | 'STS';

const PERINTAH: Record<string, Perintah> = {
  LAP: 'LAP',
  LAPOR: 'LAP',
  KEJ: 'KEJ',
  KEJADIAN: 'KEJ',
  STS: 'STS',
  STATUS: 'STS',
};

const LEVEL_WORDS: Record<string, LevelSituasi> = {
  KONDUSIF: 'kondusif',
  AMAN: 'kondusif',
  WASPADA: 'waspada',
  GENTING: 'genting',
  // The top level's word until issue #16, kept so that phones already set up keep working; replies
  // print GENTING, so senders learn the new word (docs/domain/laporan.md).
  RAWAN: 'genting',
};

/** Stage short codes; the first per stage is the one Siaga prints. */
const TAHAP_WORDS: Record<string, TahapSms> = {
  HADIR: 'petugas_hadir',
  LOGISTIK: 'logistik_lengkap',
  BUKA: 'dibuka',
  PUNGUT: 'pemungutan',
  MULAI: 'pemungutan',
  TUTUP: 'ditutup',
  HITUNG: 'penghitungan_selesai',
  SELESAI: 'penghitungan_selesai',
};

const KODE_TAHAP: Record<TahapSms, string> = {
  petugas_hadir: 'HADIR',
  logistik_lengkap: 'LOGISTIK',
  dibuka: 'BUKA',
  pemungutan: 'PUNGUT',
  ditutup: 'TUTUP',
  penghitungan_selesai: 'HITUNG',
};

export const FORMAT_SMS: Record<'LAP' | 'LAP_TPS' | 'KEJ' | 'STS', string> = {
  LAP: 'LAP <kode kel 10 digit> KONDUSIF/WASPADA/GENTING (catatan)',
  LAP_TPS: 'LAP <kode kel> TPS012 AMAN/WASPADA/GENTING',
  KEJ: 'KEJ <kode kel> (TPS012) UANG/ASN/BENTROK/BANJIR/SAKIT/HOAKS/LAIN <uraian>',
  STS: 'STS <kode kel> TPS012 HADIR/LOGISTIK/BUKA/PUNGUT/TUTUP/HITUNG (PEMILIH=123)',
};

/** A user's token, reduced to safe characters and shortened, for quoting in a reply. */
function echo(token: string): string {
  const clean = token.replace(/[^A-Za-z0-9.=-]/g, '');
  return clean.length > 14 ? `${clean.slice(0, 12)}..` : clean;
}

function fail(code: SmsErrorCode, problem: string, format: string): SmsParseResult {
  const reply = `${problem} Format: ${format}`;
  return { ok: false, code, reply: reply.length <= MAX_SMS_REPLY ? reply : problem.slice(0, MAX_SMS_REPLY) };
}

const TPS_TOKEN = /^TPS[-.:]?(\d+)$/i;

/** Parses one SMS; never throws. */
export function parseSms(text: string): SmsParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('kosong', 'Pesan kosong.', FORMAT_SMS.LAP);
  if (trimmed.length > MAX_SMS_TEXT) {
    return fail('terlalu_panjang', `Pesan terlalu panjang (maks ${MAX_SMS_TEXT} huruf).`, FORMAT_SMS.KEJ);
  }
  const tokens = trimmed.split(/\s+/);
  const first = tokens[0]!;
  const perintah = PERINTAH[first.toUpperCase()];
  if (perintah === undefined) {
    return fail(
      'perintah_tidak_dikenal',
      `Perintah "${echo(first)}" tidak dikenal, pakai LAP, KEJ atau STS.`,
      FORMAT_SMS.LAP,
    );
  }
  const format = perintah === 'LAP' ? FORMAT_SMS.LAP : FORMAT_SMS[perintah];

  // Kode kelurahan, or a 13-digit KPU TPS code (kelurahan + TPS number).
  const kodeToken = tokens[1];
  if (kodeToken === undefined) return fail('kode_wilayah_kosong', 'Kode kelurahan belum ditulis.', format);
  let rest = tokens.slice(2);
  let nomorTps: number | null = null;
  let kodeInput = kodeToken;
  if (/^\d{13}$/.test(kodeToken)) {
    kodeInput = kodeToken.slice(0, 10);
    nomorTps = Number(kodeToken.slice(10));
    if (nomorTps < 1)
      return fail('tps_tidak_valid', `Nomor TPS di kode "${echo(kodeToken)}" tidak sah.`, format);
  }
  const normal = normalizeKodeWilayah(kodeInput);
  const parsed = normal === null ? null : parseKodeWilayah(normal);
  if (parsed === null || !parsed.ok) {
    return fail(
      'kode_wilayah_tidak_valid',
      `Kode "${echo(kodeToken)}" bukan kode kelurahan 10 digit (contoh 7373011001).`,
      format,
    );
  }
  if (parsed.value.level !== 'desa') {
    return fail(
      'bukan_kelurahan',
      `Kode ${parsed.value.kode} bukan kode kelurahan/desa; tulis 10 digit (contoh 7373011001).`,
      format,
    );
  }
  const kodeKelurahan = parsed.value.kode;

  // Optional TPS token: "TPS012", "TPS12", "TPS 12", "TPS-12".
  const head = rest[0];
  if (nomorTps === null && head !== undefined && /^TPS/i.test(head)) {
    let digits: string | undefined = TPS_TOKEN.exec(head)?.[1];
    let used = 1;
    if (
      digits === undefined &&
      head.toUpperCase() === 'TPS' &&
      rest[1] !== undefined &&
      /^\d+$/.test(rest[1])
    ) {
      digits = rest[1];
      used = 2;
    }
    const n = digits === undefined ? NaN : Number(digits);
    if (!Number.isInteger(n) || n < 1 || n > MAX_NOMOR_TPS || (digits ?? '').length > 3) {
      return fail(
        'tps_tidak_valid',
        `Nomor TPS "${echo(head)}" tidak sah; tulis TPS lalu 1-3 angka, misal TPS012.`,
        format,
      );
    }
    nomorTps = n;
    rest = rest.slice(used);
  }
  const kodeTps = nomorTps === null ? null : formatKodeTps(kodeKelurahan, nomorTps);

  switch (perintah) {
    case 'LAP': {
      const lapFormat = nomorTps === null ? FORMAT_SMS.LAP : FORMAT_SMS.LAP_TPS;
      const word = rest[0];
      const level = word === undefined ? undefined : LEVEL_WORDS[word.toUpperCase()];
      if (level === undefined) {
        const problem =
          word === undefined ? 'Status situasi belum ditulis.' : `Status "${echo(word)}" tidak dikenal.`;
        return fail('level_tidak_dikenal', problem, lapFormat);
      }
      const catatan = rest.slice(1).join(' ') || null;
      if (nomorTps === null || kodeTps === null) {
        return { ok: true, value: { jenis: 'lap_kelurahan', kodeKelurahan, level, catatan } };
      }
      return { ok: true, value: { jenis: 'lap_tps', kodeKelurahan, nomorTps, kodeTps, level, catatan } };
    }
    case 'KEJ': {
      const word = rest[0];
      const kategori = word === undefined ? null : kategoriFromKodeSms(word);
      if (kategori === null) {
        const problem =
          word === undefined ? 'Kategori kejadian belum ditulis.' : `Kategori "${echo(word)}" tidak dikenal.`;
        return fail('kategori_tidak_dikenal', problem, FORMAT_SMS.KEJ);
      }
      const uraian = rest.slice(1).join(' ');
      if (uraian === '') return fail('uraian_kosong', 'Uraian kejadian belum ditulis.', FORMAT_SMS.KEJ);
      return { ok: true, value: { jenis: 'kejadian', kodeKelurahan, nomorTps, kodeTps, kategori, uraian } };
    }
    case 'STS': {
      if (nomorTps === null || kodeTps === null) {
        return fail('tps_wajib', 'Nomor TPS belum ditulis.', FORMAT_SMS.STS);
      }
      const word = rest[0];
      const tahap = word === undefined ? undefined : TAHAP_WORDS[word.toUpperCase()];
      if (tahap === undefined) {
        const problem =
          word === undefined ? 'Tahap TPS belum ditulis.' : `Tahap "${echo(word)}" tidak dikenal.`;
        return fail('tahap_tidak_dikenal', problem, FORMAT_SMS.STS);
      }
      const extra = rest.slice(1).join(' ');
      let pemilih: number | null = null;
      if (extra !== '') {
        const m = /^PEMILIH\s*[=:]?\s*(\d{1,5})$/i.exec(extra);
        if (!m)
          return fail(
            'pemilih_tidak_valid',
            'Jumlah pemilih tidak terbaca; tulis PEMILIH=angka.',
            FORMAT_SMS.STS,
          );
        pemilih = Number(m[1]);
      }
      return { ok: true, value: { jenis: 'status_tps', kodeKelurahan, nomorTps, kodeTps, tahap, pemilih } };
    }
  }
}

function tpsLabel(nomorTps: number | null): string {
  return nomorTps === null ? '' : ` TPS ${String(nomorTps).padStart(3, '0')}`;
}

/** The reply to send: what was understood, or what is wrong and the right format. At most 160 chars. */
export function replyFor(parsed: SmsParseResult): string {
  if (!parsed.ok) return parsed.reply;
  const v = parsed.value;
  let reply: string;
  switch (v.jenis) {
    case 'lap_kelurahan':
      reply = `Diterima: LAP ${v.kodeKelurahan} ${v.level.toUpperCase()}${v.catatan ? ' (dengan catatan)' : ''}. Terima kasih.`;
      break;
    case 'lap_tps': {
      const word = v.level === 'kondusif' ? 'AMAN' : v.level.toUpperCase();
      reply = `Diterima: LAP ${v.kodeKelurahan}${tpsLabel(v.nomorTps)} ${word}${v.catatan ? ' (dengan catatan)' : ''}. Terima kasih.`;
      break;
    }
    case 'kejadian': {
      const info = KATEGORI[v.kategori];
      reply = `Diterima: KEJ ${v.kodeKelurahan}${tpsLabel(v.nomorTps)} ${info.kodeSms[0]} (${info.label}). Segera diverifikasi, mohon tidak disebarluaskan.`;
      break;
    }
    case 'status_tps':
      reply = `Diterima: STS ${v.kodeKelurahan}${tpsLabel(v.nomorTps)} ${KODE_TAHAP[v.tahap]}${v.pemilih === null ? '' : ` PEMILIH=${v.pemilih}`}. Terima kasih.`;
      break;
  }
  return reply.length <= MAX_SMS_REPLY ? reply : `${reply.slice(0, MAX_SMS_REPLY - 2)}..`;
}
