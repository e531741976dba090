/**
 * Joint patrols of the user's area: the list (the route only on need-to-know), the Forkopimda's plan
 * form, and the week's coverage of rawan kelurahan as a bar per kelurahan. Rules: docs/domain/patroli.md.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { PatroliInput } from '../../../contracts/patroli';
import { patroliApi } from '../../../contracts/routes/patroli';
import { TUJUAN_PATROLI, UNSUR_PATROLI } from '../../../domain/patroli/patroli';
import { addDays } from '../../../domain/time/hari';
import { call } from '../../api/client';
import { useCreateOnce } from '../../api/useCreateOnce';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import './i18n';

export const PATROLI_KEY = ['patroli'] as const;

export function PatroliPage() {
  const { t, formatRange, formatDate } = useI18n();
  const { user, can } = useSession();
  const wilayah = user?.kodeWilayah ?? undefined;
  const list = useQuery({
    queryKey: [...PATROLI_KEY, 'list', wilayah],
    queryFn: () => call(patroliApi.list, { query: { wilayah } }),
  });
  const cakupan = useQuery({
    queryKey: [...PATROLI_KEY, 'cakupan', wilayah],
    queryFn: () => call(patroliApi.cakupan, { query: { wilayah } }),
    enabled: wilayah !== undefined,
  });
  const max = Math.max(1, ...(cakupan.data?.kelurahan.map((k) => k.patroli) ?? []));
  return (
    <section>
      <div className="page-head">
        <h1>{t('pat.title')}</h1>
      </div>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data && list.data.items.length === 0 && <p>{t('pat.empty')}</p>}
      <ul className="rakor-list">
        {list.data?.items.map((p) => (
          <li key={p.id} className="card" data-testid="patroli-row">
            <Link to={`/patroli/${p.id}`}>{p.nama}</Link>{' '}
            <span className="badge">{t(`pat.status.${p.status}`)}</span>
            <div className="muted small">
              {p.namaWilayah} · {formatRange(p.mulaiAt, p.selesaiAt, p.kodeWilayah)} ·{' '}
              {p.unsur.map((u) => t(`pat.unsur.${u}`)).join(', ')}
            </div>
            <div className="small">{t('pat.counts', { titik: p.jumlahTitik, temuan: p.jumlahTemuan })}</div>
            {p.akses === 'ringkas' && <div className="muted small">{t('pat.ringkas')}</div>}
            {p.sasaran && p.sasaran.length > 0 && (
              <div className="small">
                {t('pat.sasaran', { list: p.sasaran.map((s) => s.nama).join(', ') })}
              </div>
            )}
          </li>
        ))}
      </ul>
      {cakupan.data && (
        <section aria-labelledby="cakupan-title">
          <h2 id="cakupan-title">{t('pat.cakupan')}</h2>
          <p className="small">
            {t('pat.cakupan.summary', {
              dilewati: cakupan.data.dilewati,
              total: cakupan.data.total,
              mulai: formatDate(cakupan.data.mulaiOn),
              // The week ends the day before the next Monday.
              selesai: formatDate(addDays(cakupan.data.selesaiOn, -1)),
            })}
          </p>
          {cakupan.data.total === 0 && <p className="muted">{t('pat.cakupan.empty')}</p>}
          <table className="cakupan">
            <tbody>
              {cakupan.data.kelurahan.map((k) => (
                <tr key={k.kode}>
                  <th scope="row">
                    {k.nama} <span className="muted small">({t(`pat.kategori.${k.kategori}`)})</span>
                  </th>
                  <td style={{ width: '50%' }}>
                    <div
                      className="bar"
                      role="img"
                      aria-label={t('pat.cakupan.kali', { n: k.patroli })}
                      style={{
                        width: `${(k.patroli / max) * 100}%`,
                        minWidth: '2px',
                        height: '0.8rem',
                        background: k.patroli === 0 ? '#b3261e' : '#1b5e20',
                      }}
                    />
                  </td>
                  <td className="small">{t('pat.cakupan.kali', { n: k.patroli })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {can('patroli:plan') && (
        <RencanaForm scope={user?.kodeWilayah ?? null} namaScope={user?.namaWilayah ?? null} />
      )}
    </section>
  );
}

function RencanaForm({ scope, namaScope }: { scope: string | null; namaScope: string | null }) {
  const { t, errorText } = useI18n();
  const [area, setArea] = useState<string | null>(null);
  // The patrol's own area sets the clock its times are typed on.
  const wilayah = area ?? scope;
  const { clientId, mutation: save } = useCreateOnce(PATROLI_KEY, (body: PatroliInput) =>
    call(patroliApi.create, { body }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      clientId,
      nama: formText(form, 'nama'),
      kodeWilayah: wilayah ?? '',
      unsur: form.getAll('unsur').map(String) as PatroliInput['unsur'],
      tujuan: formText(form, 'tujuan') as PatroliInput['tujuan'],
      mulaiAt: waktuForm(form, 'mulai', wilayah),
      selesaiAt: waktuForm(form, 'selesai', wilayah),
      sasaran: [],
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('pat.plan')}>
      <h2>{t('pat.plan')}</h2>
      <label>
        {t('pat.nama')}
        <input name="nama" required maxLength={200} />
      </label>
      <WilayahPicker
        scope={scope}
        scopeName={namaScope}
        value={area}
        onChange={setArea}
        label={t('pat.wilayah')}
        name="kodeWilayah"
      />
      <fieldset>
        <legend>{t('pat.unsur')}</legend>
        {UNSUR_PATROLI.map((u) => (
          <label key={u} className="inline">
            <input type="checkbox" name="unsur" value={u} defaultChecked={u === 'polri' || u === 'tni'} />{' '}
            {t(`pat.unsur.${u}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('pat.tujuan')}
        <select name="tujuan" defaultValue="kamtibmas">
          {TUJUAN_PATROLI.map((x) => (
            <option key={x} value={x}>
              {t(`pat.tujuan.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <WaktuSetempatInput
        label={(zona) => t('pat.mulai', { zona })}
        kodeWilayah={wilayah}
        name="mulai"
        required
      />
      <WaktuSetempatInput
        label={(zona) => t('pat.selesai', { zona })}
        kodeWilayah={wilayah}
        name="selesai"
        required
      />
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
      <button className="primary" type="submit" disabled={save.isPending}>
        {t('pat.save')}
      </button>
    </form>
  );
}
