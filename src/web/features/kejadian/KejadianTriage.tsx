/** The triage actions this user may take now (the server says which), each with the field it needs. */
import { useState, type FormEvent } from 'react';
import type {
  AksiKejadianType,
  KejadianAksiInput,
  KejadianDetail as Detail,
} from '../../../contracts/kejadian';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { KEPARAHAN } from '../../../domain/kejadian/kategori';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import type { KejadianKey } from './i18n';
import { useDetailMutation } from './useDetailMutation';
import { useKejadianText } from './useKejadianText';

const NEEDS: Record<AksiKejadianType, { name: string; label: KejadianKey; required: boolean } | null> = {
  verifikasi: null,
  gabung: { name: 'intoId', label: 'kej.aksi.intoId', required: true },
  tolak: { name: 'alasan', label: 'kej.aksi.alasan', required: true },
  tangani: { name: 'penanggungJawab', label: 'kej.aksi.pj', required: true },
  selesaikan: { name: 'catatan', label: 'kej.aksi.catatan', required: true },
  eskalasi: { name: 'catatan', label: 'kej.aksi.catatan', required: false },
};

export function KejadianTriage({ item }: { item: Detail }) {
  const { t } = useKejadianText();
  const [chosen, setChosen] = useState<AksiKejadianType | null>(null);
  // The form's fields as they are: the server's contract checks them and its issues show under each.
  const act = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    call(kejadianApi.postByIdAksi, { params: { id: item.id }, body: body as KejadianAksiInput }),
  );
  const issues = issuesOf(act.error);
  const errorId = useErrorIds();
  if (item.aksiTersedia.length === 0) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) return;
    const form = new FormData(event.currentTarget);
    const need = NEEDS[chosen];
    const keparahan = formText(form, 'keparahan');
    act.mutate(
      {
        aksi: chosen,
        version: item.version,
        ...(need ? { [need.name]: formText(form, need.name) } : {}),
        ...(chosen === 'verifikasi' && keparahan !== '' ? { keparahan } : {}),
      },
      { onSuccess: () => setChosen(null) },
    );
  };
  const need = chosen ? NEEDS[chosen] : null;
  return (
    <div className="card">
      <h2>{t('kej.aksi.title')}</h2>
      <div className="actions" role="group" aria-label={t('kej.aksi.title')}>
        {item.aksiTersedia.map((aksi) => (
          <button
            key={aksi}
            type="button"
            aria-pressed={chosen === aksi}
            className={chosen === aksi ? 'primary' : undefined}
            onClick={() => setChosen(aksi)}
          >
            {t(`kej.aksi.${aksi}`)}
          </button>
        ))}
      </div>
      {chosen && (
        <form className="form-grid" onSubmit={submit} aria-label={t(`kej.aksi.${chosen}`)}>
          {chosen === 'verifikasi' && (
            <label>
              {t('kej.keparahan')}
              <select name="keparahan" defaultValue={item.keparahan}>
                {KEPARAHAN.map((k) => (
                  <option key={k} value={k}>
                    {t(`kej.keparahan.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {need && (
            <label>
              {t(need.label)}
              {need.name === 'catatan' || need.name === 'alasan' ? (
                <textarea
                  name={need.name}
                  rows={2}
                  required={need.required}
                  aria-describedby={errorId(need.name)}
                />
              ) : (
                <input name={need.name} required={need.required} aria-describedby={errorId(need.name)} />
              )}
              <FieldError id={errorId(need.name)} message={issues[need.name]} />
            </label>
          )}
          <ErrorMessage error={act.error} />
          <button type="submit" className="primary" disabled={act.isPending}>
            {t(`kej.aksi.${chosen}`)}
          </button>
        </form>
      )}
    </div>
  );
}
