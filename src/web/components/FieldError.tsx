import { ApiError } from '../api/client';

/** Field → message from a validation error (zod issues or a service's `details.field`). */
export type Issues = Record<string, string>;

export function issuesOf(error: unknown): Issues {
  if (!(error instanceof ApiError) || error.code !== 'validation') return {};
  const details = error.details as
    { field?: string; issues?: { path: string; message: string }[] } | undefined;
  const fromIssues = Object.fromEntries((details?.issues ?? []).map((i) => [i.path, i.message]));
  return details?.field ? { ...fromIssues, [details.field]: error.message } : fromIssues;
}

/** The message under a field; its id is what the field's aria-describedby points at. */
export function FieldError({ name, issues }: { name: string; issues: Issues }) {
  return issues[name] ? (
    <span id={`${name}-error`} className="field-error">
      {issues[name]}
    </span>
  ) : null;
}
