/**
 * Choosing a place by name, never by typing a code (issue 14): one select per level from the user's
 * own scope down to `maxDepth` (a camat picks among the kelurahan of their kecamatan; Kesbangpol a
 * kecamatan, then a kelurahan; a national admin starts at the provinces). Each select offers "the
 * whole" parent first, so stopping higher up is one choice. A user whose scope is already the deepest
 * level sees their place named. The chosen code travels in a hidden input named `name`, so forms that
 * read FormData keep working. Children come from GET /api/wilayah?parent= (cached offline).
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useWilayahChildren } from './useWilayah';
import './i18n';

const LEVEL_KEYS = [
  'wilayah.level.provinsi',
  'wilayah.level.kabkota',
  'wilayah.level.kecamatan',
  'wilayah.level.desa',
] as const;

const depthOf = (kode: string | null) => (kode === null || kode === '' ? 0 : kode.split('.').length);

export function WilayahPicker(props: {
  /** The user's scope (null: national); nothing above it can be chosen. */
  scope: string | null;
  /** Its name, shown when there is nothing below to choose. */
  scopeName: string | null;
  /** The chosen code (at or below the scope), or null for the scope itself. */
  value: string | null;
  onChange: (kode: string) => void;
  label: string;
  /** The form field carrying the code. */
  name: string;
  /** The deepest level offered: 2 kab/kota, 3 kecamatan, 4 kelurahan/desa. */
  maxDepth?: number;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const maxDepth = props.maxDepth ?? 4;
  const scopeDepth = depthOf(props.scope);
  const chosen = props.value ?? props.scope ?? '';
  const parts = chosen === '' ? [] : chosen.split('.');
  // The parents whose children are offered: the scope, then each level chosen below it.
  const parents: (string | null)[] = [];
  for (let depth = scopeDepth; depth < maxDepth; depth += 1) {
    parents.push(depth === 0 ? null : parts.slice(0, depth).join('.'));
    if (parts.length <= depth) break;
  }
  return (
    <fieldset className="wilayah-picker" aria-describedby={props.describedBy}>
      <legend>{props.label}</legend>
      {parents.length === 0 ? (
        <p className="wilayah-picker-own" data-testid="wilayah-picker-own">
          <strong>{props.scopeName ?? chosen}</strong>
        </p>
      ) : (
        parents.map((parent, index) => (
          <Level
            key={parent ?? 'nasional'}
            parent={parent}
            depth={depthOf(parent) + 1}
            chosen={parts.length > depthOf(parent) ? parts.slice(0, depthOf(parent) + 1).join('.') : ''}
            wholeLabel={
              index === 0 && parent !== null
                ? t('wilayah.picker.whole', { nama: props.scopeName ?? parent })
                : parent === null
                  ? t('wilayah.picker.choose')
                  : t('wilayah.picker.wholeAbove', {
                      level: t(LEVEL_KEYS[depthOf(parent) - 1]!).toLowerCase(),
                    })
            }
            onChange={props.onChange}
          />
        ))
      )}
      <input type="hidden" name={props.name} value={chosen} />
    </fieldset>
  );
}

function Level(props: {
  parent: string | null;
  depth: number;
  chosen: string;
  wholeLabel: string;
  onChange: (kode: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const children = useWilayahChildren(props.parent ?? undefined);
  const key = LEVEL_KEYS[props.depth - 1] ?? LEVEL_KEYS[3];
  return (
    <label htmlFor={id}>
      {t(key)}
      <select
        id={id}
        value={props.chosen}
        // Choosing "the whole" parent goes back up one level.
        onChange={(e) => props.onChange(e.target.value === '' ? (props.parent ?? '') : e.target.value)}
        disabled={children.isLoading}
      >
        <option value="">{props.wholeLabel}</option>
        {children.data?.items.map((item) => (
          <option key={item.kode} value={item.kode}>
            {item.nama}
          </option>
        ))}
      </select>
    </label>
  );
}
