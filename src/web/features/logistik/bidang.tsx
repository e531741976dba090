/**
 * What the logistik forms share: a labelled input whose message (from the contract or the API) sits
 * under it and is announced with it, and the form's end: what is wrong, what was saved, the button.
 */
import type { InputHTMLAttributes } from 'react';
import { FieldError, type Issues } from '../../components/FieldError';
import { useI18n } from '../../i18n/i18n';

export function Bidang(
  props: {
    name: string;
    label: string;
    issues: Issues;
    idPrefix: string;
  } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { name, label, issues, idPrefix, ...input } = props;
  return (
    <label htmlFor={`${idPrefix}-${name}`}>
      {label}
      <input
        id={`${idPrefix}-${name}`}
        name={name}
        aria-invalid={issues[name] ? true : undefined}
        aria-describedby={issues[name] ? `${name}-error` : undefined}
        {...input}
      />
      <FieldError name={name} issues={issues} />
    </label>
  );
}

/** The form's end: marked fields (or the API's words when no field is named), saved, the button. */
export function AkhirForm(props: {
  issues: Issues;
  error: unknown;
  saved: string | null;
  submit: string;
  pending: boolean;
}) {
  const { t, errorText } = useI18n();
  const marked = Object.keys(props.issues).length > 0;
  const hasError = props.error !== null && props.error !== undefined;
  return (
    <>
      {(hasError || marked) && (
        <p role="alert" className="error span-all">
          {marked || !hasError ? t('error.validation') : errorText(props.error)}
        </p>
      )}
      {props.saved !== null && (
        <p role="status" className="success span-all">
          {props.saved}
        </p>
      )}
      <div className="actions span-all">
        <button className="primary" type="submit" disabled={props.pending}>
          {props.submit}
        </button>
      </div>
    </>
  );
}
