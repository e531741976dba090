/** Shapes shared by every module's contract: errors, pages, codes. */
import { z } from 'zod';
import { parseKodeWilayah } from '../domain/wilayah/kode-wilayah';

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * Something the server accepted but wants the reporter to check (a skipped stage, a turnout beyond
 * the DPT): a stable code and an Indonesian sentence, shown under the form that sent it.
 */
export const Warning = z.object({ code: z.string(), message: z.string() });
export type Warning = z.infer<typeof Warning>;
/** An answer that carries warnings. */
export const WithWarnings = z.object({ warnings: z.array(Warning) });

/** The error answers a signed-in route may give, for its OpenAPI `response` (errors.ts maps the codes). */
export const ERROR_RESPONSES = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

/** Hard ceiling on any page, so no list request can ask the server for the whole nation. */
export const MAX_PAGE_SIZE = 200;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

export const KodeWilayah = z
  .string()
  .trim()
  .refine((value) => parseKodeWilayah(value).ok, {
    message: 'Kode wilayah tidak valid (contoh: 73.73.01.1001)',
  })
  .transform((value) => {
    const parsed = parseKodeWilayah(value);
    return parsed.ok ? parsed.value.kode : value;
  });

export const Uuid = z.uuid();

/** An instant with its zone, as phones and forms send it. */
export const Instant = z.iso.datetime({
  offset: true,
  message: 'Waktu harus berformat ISO 8601 dengan zona, mis. 2024-11-27T10:30:00+08:00',
});

/** Required text of at most `max` characters, trimmed. */
export const Teks = (max: number, required = 'Wajib diisi') =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: `Paling banyak ${max} karakter` });

// A generous box around Indonesia (Sabang to Merauke, Miangas to Rote), so a swapped lat/lon or a
// point abroad is caught while a real TPS never is.
export const LAT_RANGE = [-11.5, 6.5] as const;
export const LON_RANGE = [94.5, 141.5] as const;

/** Largest value of a PostgreSQL `integer` column: every integer a contract accepts fits its column. */
export const INT4_MAX = 2_147_483_647;
/** A record's optimistic-lock version as the editor saw it (an `integer` column). */
export const Version = z.number().int().min(1).max(INT4_MAX);
/**
 * A day relative to voting day (H-400 … H+200), as schedules count: the KPU stages begin about H-330
 * (PKPU 2/2024) and nothing Siaga tracks runs past H+200. Siaga default, configurable.
 */
export const HariOffset = z.number().int().min(-400).max(200);
/** `:id` of a route that names one record. */
export const IdParams = z.object({ id: Uuid });
