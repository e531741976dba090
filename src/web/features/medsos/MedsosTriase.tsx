/** Triage of a post: verify, escalate, reclassify, merge into another, dismiss (what the server offers). */
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { MedsosAksiInput } from '../../../contracts/medsos';
import { medsosApi } from '../../../contracts/routes/medsos';
import { KATEGORI_MEDSOS, type AksiMedsos } from '../../../domain/medsos/medsos';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MEDSOS_KEY } from './MedsosPage';
import { useDetailMutation, type Detail } from './useDetailMutation';
import { useMedsosText } from './useMedsosText';

/** Other posts a duplicate may be merged into (the newest 50 still standing). */
function useParents(item: Detail, enabled: boolean) {
  return useQuery({
    queryKey: [...MEDSOS_KEY, 'list', 'parents'],
    queryFn: () => call(medsosApi.list, { query: { pageSize: 50 } }),
    enabled,
    select: (page) =>
      page.items.filter((p) => p.id !== item.id && p.status !== 'digabung' && p.status !== 'diabaikan'),
  });
}

export function MedsosTriase({ item }: { item: Detail }) {
  const { t } = useMedsosText();
  const act = useDetailMutation(item.id, (body: MedsosAksiInput) =>
    call(medsosApi.aksi, { params: { id: item.id }, body: { ...body, version: item.version } }),
  );
  const can = (aksi: AksiMedsos) => item.aksiTersedia.includes(aksi);
  const parents = useParents(item, can('gabung'));
  if (item.aksiTersedia.length === 0) return null;
  const submit = (aksi: AksiMedsos) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    // The form's fields are the action's (kategori, intoId, alasan); the server checks them again.
    act.mutate({ aksi, ...form } as MedsosAksiInput);
  };
  return (
    <div className="card">
      <h2>{t('med.triage.title')}</h2>
      <div className="actions">
        {can('verifikasi') && (
          <button type="button" className="primary" onClick={() => act.mutate({ aksi: 'verifikasi' })}>
            {t('med.aksi.verifikasi')}
          </button>
        )}
        {can('eskalasi') && (
          <button type="button" onClick={() => act.mutate({ aksi: 'eskalasi' })}>
            {t('med.aksi.eskalasi')}
          </button>
        )}
      </div>
      {can('klasifikasi') && (
        <form className="form-grid" onSubmit={submit('klasifikasi')}>
          <label>
            {t('med.aksi.klasifikasi')}
            <select name="kategori" defaultValue={item.kategori}>
              {KATEGORI_MEDSOS.map((k) => (
                <option key={k} value={k}>
                  {t(`med.kategori.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button type="submit">{t('med.aksi.klasifikasi')}</button>
          </div>
        </form>
      )}
      {can('gabung') && parents.data && parents.data.length > 0 && (
        <form className="form-grid" onSubmit={submit('gabung')}>
          <label>
            {t('med.triage.into')}
            <select name="intoId" required defaultValue="">
              <option value="" disabled>
                {t('med.triage.choose')}
              </option>
              {parents.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.akun} · {t(`med.platform.${p.platform}`)} · {p.ringkasan.slice(0, 60)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button type="submit">{t('med.aksi.gabung')}</button>
          </div>
        </form>
      )}
      {can('abaikan') && (
        <form className="form-grid" onSubmit={submit('abaikan')}>
          <label>
            {t('med.triage.alasan')}
            <input name="alasan" required maxLength={1000} />
          </label>
          <div className="actions">
            <button type="submit">{t('med.aksi.abaikan')}</button>
          </div>
        </form>
      )}
      <ErrorMessage error={act.error} />
    </div>
  );
}
