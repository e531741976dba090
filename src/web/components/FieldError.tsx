import { useCallback, useId } from 'react';
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

/**
 * The ids of one form's error messages, `errorId('telepon')`. A page may hold two forms with the same
 * field names (the add form beside an open edit form): `useId` makes each form's ids its own, so no
 * id repeats (HTML requires unique ids) and each field's aria-describedby reads its own message.
 */
export function useErrorIds(): (name: string) => string {
  const formId = useId();
  return useCallback((name: string) => errorIdIn(formId, name), [formId]);
}

/** The id of the message under field `name` in the form (or part of one) whose `useId` is `formId`. */
export function errorIdIn(formId: string, name: string): string {
  return `${formId}-${name}-error`;
}

/** The message under a field; `id` (from `useErrorIds`) is what the field's aria-describedby names. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}
