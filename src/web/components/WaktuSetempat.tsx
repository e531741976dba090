/**
 * The one rule of a form's wall clock: a date-time is typed on the clock of the region the record is
 * for (WIB, WITA or WIT by its wilayah code, Keppres 41/1987), never the phone's or laptop's own zone.
 * A coordinator in Jakarta scheduling a rakor for a WITA kabupaten, or a BKO officer from Java in
 * Papua whose phone stays on WIB, types the region's time and the label says which clock that is.
 * Conversion: domain/time/zona.ts (instanSetempat, nilaiSetempat).
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { instanSetempat, nilaiSetempat, zonaOf, type Zona } from '../../domain/time/zona';
import { formText } from './form-text';

type Props = {
  /** The label's text with the zone in it, in the reader's language: `(zona) => t('x', { zona })`. */
  label: (zona: Zona) => string;
  /** The wilayah the record is for (the chosen area, else the user's scope); null reads as WIB. */
  kodeWilayah: string | null;
  /** The instant shown at first, on the region's clock (now, a draft's or a record's time). */
  defaultInstant?: string | Date;
  /** The latest instant one may type (now, for what has already happened). */
  maxInstant?: string | Date;
  /** What sits under the input inside the label (a FieldError). */
  children?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children' | 'max'>;

/** A labelled datetime-local input on the region's clock, the zone named in its label. */
export function WaktuSetempatInput(props: Props) {
  const { label, kodeWilayah, defaultInstant, maxInstant, children, className, ...input } = props;
  const zona = zonaOf(kodeWilayah);
  return (
    <label htmlFor={input.id} className={className}>
      {label(zona)}
      <input
        {...input}
        // A default is the instant on the region's clock: when the region (its session, its area)
        // turns out to be another zone, the input starts again from that instant, not an hour off.
        key={defaultInstant === undefined ? undefined : zona}
        type="datetime-local"
        {...(defaultInstant === undefined ? {} : { defaultValue: nilaiWaktu(defaultInstant, kodeWilayah) })}
        {...(maxInstant === undefined ? {} : { max: nilaiWaktu(maxInstant, kodeWilayah) })}
      />
      {children}
    </label>
  );
}

/** A typed wall clock (`YYYY-MM-DDTHH:mm`) on the region's clock as the API's instant; '' when empty. */
export function instanWaktu(local: string, kodeWilayah: string | null): string {
  return local === '' ? '' : instanSetempat(local, kodeWilayah ?? '');
}

/** A datetime-local field of `form` read on the region's clock, as the API's instant; '' when empty. */
export function waktuForm(form: FormData, name: string, kodeWilayah: string | null): string {
  return instanWaktu(formText(form, name), kodeWilayah);
}

/** An instant as the region's wall clock, the value a WaktuSetempatInput shows for it. */
export function nilaiWaktu(instant: string | Date, kodeWilayah: string | null): string {
  return nilaiSetempat(instant, kodeWilayah ?? '');
}
