/**
 * Field messages of the logistik forms in the reader's language: from the contract's zod issues
 * (checked before sending) and from the API's refusals, whose leg problems carry stable codes
 * (domain/logistik/logistik.ts: periksaLeg) so the page words them itself instead of echoing text.
 */
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { issuesOf, type Issues } from '../../components/FieldError';
import type { KunciLogistik } from './teks';

type T = (key: KunciLogistik, params?: Record<string, string | number>) => string;

/** One zod issue in words: numbers, times and required fields by their kind, otherwise its message. */
function pesanIssue(issue: z.core.$ZodIssue, t: T): string {
  switch (issue.code) {
    case 'invalid_type':
      return t(issue.expected === 'number' ? 'log.v.angka' : 'log.v.wajib');
    case 'too_small':
      return issue.origin === 'string' ? t('log.v.wajib') : t('log.v.min', { min: Number(issue.minimum) });
    case 'too_big':
      return t('log.v.max', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t('log.v.waktu');
    case 'invalid_value':
      return t('log.v.pilih');
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return issue.message;
  }
}

/** Field → message of a failed client-side check (the first issue per field). */
export function issuesOfZod(error: z.ZodError, t: T): Issues {
  const issues: Issues = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    issues[key] ??= pesanIssue(issue, t);
  }
  return issues;
}

const PROBLEM_CODES = [
  'arah_tidak_valid',
  'wilayah_titik_tidak_sesuai',
  'di_luar_kabkota',
  'tidak_berurutan',
  'waktu_tidak_valid',
  'tps_wajib',
] as const;

/** Field → message of a leg refused by the domain rule (client-side or the API's `details.problems`). */
export function issuesOfProblems(problems: readonly { code: string; field: string }[], t: T): Issues {
  const issues: Issues = {};
  for (const p of problems)
    if ((PROBLEM_CODES as readonly string[]).includes(p.code))
      issues[p.field] ??= t(`log.problem.${p.code as (typeof PROBLEM_CODES)[number]}`);
  return issues;
}

/** Field → message of an API refusal: coded leg problems in words, other fields as the API says. */
export function issuesOfApi(error: unknown, t: T): Issues {
  const problems =
    error instanceof ApiError
      ? ((error.details as { problems?: { code: string; field: string }[] } | undefined)?.problems ?? [])
      : [];
  return { ...issuesOf(error), ...issuesOfProblems(problems, t) };
}
