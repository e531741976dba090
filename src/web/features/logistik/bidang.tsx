/**
 * What the logistik forms share: a labelled input whose message (from the contract or the API) sits
 * under it and is announced with it, and the form's end: what is wrong, what was saved, the button.
 */
import type { InputHTMLAttributes } from 'react';
import type { Zona } from '../../../domain/time/zona';
import { errorIdIn, FieldError, type Issues } from '../../components/FieldError';
import { WaktuSetempatInput } from '../../components/WaktuSetempat';
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
      <input {...marked(name, issues, idPrefix)} {...input} />
      <FieldError id={errorIdIn(idPrefix, name)} message={issues[name]} />
    </label>
  );
}

/** A field's id, name and its message's marking: invalid, described by the message under it. */
function marked(name: string, issues: Issues, idPrefix: string) {
  return {
    id: `${idPrefix}-${name}`,
    name,
    'aria-invalid': issues[name] ? true : undefined,
    'aria-describedby': issues[name] ? errorIdIn(idPrefix, name) : undefined,
  };
}

/** A Bidang for a date-time: the shared input on the region's clock, its zone in the label. */
export function BidangWaktu(props: {
  name: string;
  label: (zona: Zona) => string;
  kodeWilayah: string;
  issues: Issues;
  idPrefix: string;
  required?: boolean;
}) {
  const { name, issues, idPrefix, ...input } = props;
  return (
    <WaktuSetempatInput {...marked(name, issues, idPrefix)} {...input}>
      <FieldError id={errorIdIn(idPrefix, name)} message={issues[name]} />
    </WaktuSetempatInput>
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
