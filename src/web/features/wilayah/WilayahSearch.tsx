import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useWilayahSearch } from './useWilayah';
import './i18n';

/** A search box for areas by name or code; calls onPick with the chosen code. */
export function WilayahSearch({ onPick, label }: { onPick: (kode: string) => void; label?: string }) {
  const { t } = useI18n();
  const inputId = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useWilayahSearch(debounced);
  return (
    <div className="wilayah-search">
      <label htmlFor={inputId}>{label ?? t('wilayah.search')}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      {debounced.length >= 2 && results.data && (
        <ul className="search-results" aria-label={t('common.search')}>
          {results.data.items.map((item) => (
            <li key={item.kode}>
              <button
                type="button"
                onClick={() => {
                  onPick(item.kode);
                  setText('');
                  setDebounced('');
                }}
              >
                <strong>{item.nama}</strong> <span className="muted small">{item.kode}</span>
                {item.path && <span className="muted small block">{item.path}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
