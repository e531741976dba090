/** Language context: Bahasa Indonesia first, English switchable, remembered on this device. */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ZONA_IANA, zonaOf, type Zona } from '../../domain/time/zona';
import { ApiError } from '../api/client';
import { indonesianText, type MessageKey } from './texts';

export type { MessageKey } from './texts';
export type Lang = 'id' | 'en';
const STORAGE_KEY = 'siaga.lang';

type Dictionary = Record<MessageKey, string>;
/**
 * English is a chunk of its own, fetched the first time it is chosen (a phone that reads Indonesian
 * never downloads it); the service worker precaches it with every other chunk, so it works offline.
 */
let english: Dictionary | null = null;
let englishLoading: Promise<Dictionary> | null = null;
function loadEnglish(): Promise<Dictionary> {
  englishLoading ??= import('./en').then((module) => (english = module.en));
  return englishLoading;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** The message for an API error: ours for known codes, else the server's (already Indonesian). */
  errorText: (error: unknown) => string;
  formatNumber: (n: number) => string;
  /** A share as a percentage the reader's way ("29,4%" in Indonesian); `share` is 0..100. */
  formatPercent: (share: number, fractionDigits?: number) => string;
  /** A calendar day (YYYY-MM-DD) as "17 Des 2026". */
  formatDate: (day: string) => string;
  /**
   * An instant (ISO) on the clock of the region of `kodeWilayah` with its zone, "7 Des 2026, 12.00 WIT"
   * (Keppres 41/1987, as WaktuSetempatInput takes it); with no region known, the phone's own clock
   * without a zone, "7 Des 2026, 10.00".
   */
  formatDateTime: (iso: string, kodeWilayah?: string | null) => string;
  /**
   * Two ends of one range on the same clock as formatDateTime, the zone named once: the day once when
   * both ends fall on one day on the region's clock ("10 Des 2026 09.00–12.00 WITA"), both days
   * otherwise ("10 Des 2026, 22.00 – 11 Des 2026, 01.00 WITA").
   */
  formatRange: (mulai: string, selesai: string, kodeWilayah?: string | null) => string;
}

const I18nContext = createContext<I18n | null>(null);

type Params = Record<string, string | number>;

/** A message with its `{name}` parameters filled, numbers written the reader's way. */
function fill(template: string, params: Params | undefined, numberFormat: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** A text in the language shown; a key whose module is not loaded shows as itself (texts.test.ts prevents it). */
function lookup(lang: Lang, key: string): string | undefined {
  return lang === 'en' ? english?.[key as MessageKey] : indonesianText(key);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Lang>(initialLang);
  // The language shown: English only once its dictionary has arrived; until then the Indonesian stays.
  const [lang, setLangState] = useState<Lang>(() => (wanted === 'en' && english ? 'en' : 'id'));
  // A reader of English opening the app waits for their dictionary (from the service worker's cache,
  // a moment) rather than seeing the Indonesian flash first.
  const [starting, setStarting] = useState(wanted === 'en' && !english);
  useEffect(() => {
    if (wanted === 'id') {
      setLangState('id');
      return;
    }
    let current = true;
    void loadEnglish()
      .then(() => current && setLangState('en'))
      .catch(() => {
        // Not downloaded and no signal: Indonesian stays; the next choice tries again.
        englishLoading = null;
      })
      .finally(() => setStarting(false));
    return () => {
      current = false;
    };
  }, [wanted]);
  // Before the paint, not after it: a screen reader must not read the new language's first frame with
  // the old one's voice.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setWanted(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const text = (key: string) => lookup(lang, key);
    const locale = lang === 'id' ? 'id-ID' : 'en-US';
    const numberFormat = new Intl.NumberFormat(locale);
    // Numbers in a message are written the reader's way: "2.837 TPS", "29,4%" in Indonesian.
    const t: I18n['t'] = (key, params) => fill(text(key) ?? key, params, numberFormat);
    // A calendar day has no zone: read and written in UTC so it never moves a day.
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    // The app's own format and month names in the reader's language, on the region's clock: the
    // domain's waktuSetempat writes Indonesian only, so the zone comes from it and the words from here.
    const zoneFormat = (zona: Zona) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONA_IANA[zona] });
    const regionFormats: Record<Zona, Intl.DateTimeFormat> = {
      WIB: zoneFormat('WIB'),
      WITA: zoneFormat('WITA'),
      WIT: zoneFormat('WIT'),
    };
    return {
      lang,
      setLang,
      t,
      formatNumber: (n) => numberFormat.format(n),
      formatPercent: (share, fractionDigits = 1) =>
        new Intl.NumberFormat(locale, {
          style: 'percent',
          maximumFractionDigits: fractionDigits,
        }).format(share / 100),
      formatDate: (day) => dayFormat.format(new Date(`${day}T00:00:00Z`)),
      formatDateTime: (iso, kodeWilayah) => {
        if (!kodeWilayah) return instantFormat.format(new Date(iso));
        const zona = zonaOf(kodeWilayah);
        return `${regionFormats[zona].format(new Date(iso))} ${zona}`;
      },
      formatRange: (mulai, selesai, kodeWilayah) => {
        const zona = kodeWilayah ? zonaOf(kodeWilayah) : null;
        const format = zona ? regionFormats[zona] : instantFormat;
        const [start, end] = [new Date(mulai), new Date(selesai)];
        // Intl's own range rule decides "one day" on the formatter's clock (the region's), in the
        // reader's words (CLDR interval formats; English shares a half-day: "8:00 – 11:00 AM"). An end
        // before its start is bad data, shown as it is: browsers before ES2023 refuse it as a range.
        // ICU spaces a range with thin and narrow no-break spaces (U+2009, U+202F) where `format`
        // writes plain ones (V8 keeps them for the web's sake): plain here too, one spelling per page.
        const text =
          end < start
            ? `${format.format(start)} – ${format.format(end)}`
            : format.formatRange(start, end).replace(/[\u2009\u202f]/g, ' ');
        return zona ? `${text} ${zona}` : text;
      },
      errorText: (error) => {
        if (error instanceof ApiError) {
          const key = `error.${error.code}` as MessageKey;
          // Validation and import messages from the server are specific; keep them.
          if (error.code === 'validation' || error.code === 'import_invalid' || error.code === 'conflict') {
            return error.message || (text(key) ?? error.message);
          }
          return text(key) ?? error.message;
        }
        return text('error.internal') ?? 'error.internal';
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{starting ? null : children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/**
 * A page's own texts, carried in the page's lazy chunk rather than in the dictionary every page loads,
 * so a field phone's first page stays within its JavaScript budget (bench/web.ts). Same language,
 * parameters and number formatting as `t`; `texts.en` must have every key of `texts.id` (typed).
 */
export function useTeks<K extends string>(texts: {
  id: Record<K, string>;
  en: Record<K, string>;
}): (key: K, params?: Params) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US');
    return (key: K, params?: Params) => fill(texts[lang][key], params, numberFormat);
  }, [lang, texts]);
}
