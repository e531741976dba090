import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { tpsApi } from '../../../contracts/routes/tps';
import { TpsUpdateInput, type Tps } from '../../../contracts/tps';
import { AKSES_TPS, LOKASI_KHUSUS } from '../../../domain/tps/tps';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds } from '../../components/FieldError';
import { formNumber, formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { usePublicConfig } from '../map/usePublicConfig';
import './i18n';

const TpsMap = lazy(() => import('../map/TpsMap'));

export function TpsDetailPage() {
  const { id } = useParams();
  const { t, formatNumber, formatDateTime } = useI18n();
  const { can } = useSession();
  const config = usePublicConfig();
  const tps = useQuery({
    queryKey: ['tps-detail', id],
    queryFn: () => call(tpsApi.get, { params: { id: id ?? '' } }),
  });
  const [editing, setEditing] = useState(false);
  if (tps.error) return <ErrorMessage error={tps.error} onRetry={() => void tps.refetch()} />;
  if (!tps.data) return <p>{t('common.loading')}</p>;
  const d = tps.data;
  return (
    <section>
      <nav aria-label="breadcrumb" className="breadcrumbs">
        <Link to={`/tps?wilayah=${d.kodeWilayah}`}>
          {d.namaKecamatan} › {d.namaKelurahan}
        </Link>
      </nav>
      <div className="page-head">
        <h1>
          {d.nama} {d.namaKelurahan}
        </h1>
        {d.isGenerated && (
          <span className="badge" title={t('common.generatedTitle')}>
            {t('common.generated')}
          </span>
        )}
      </div>
      <dl className="facts">
        <dt>{t('tps.kode')}</dt>
        <dd>{d.kode}</dd>
        <dt>{t('tps.kelurahan')}</dt>
        <dd>
          {d.namaKelurahan} ({d.kodeWilayah})
        </dd>
        <dt>{t('tps.kecamatan')}</dt>
        <dd>{d.namaKecamatan}</dd>
        <dt>{t('tps.dptTotal')}</dt>
        <dd>
          {formatNumber(d.dptTotal)}
          {d.dptLaki !== null && ` (L ${formatNumber(d.dptLaki)} / P ${formatNumber(d.dptPerempuan ?? 0)})`}
        </dd>
        <dt>{t('tps.address')}</dt>
        <dd>{d.alamat ?? '–'}</dd>
        <dt>{t('tps.akses')}</dt>
        <dd>{d.akses}</dd>
        <dt>{t('tps.lokasiKhusus')}</dt>
        <dd>{d.lokasiKhusus?.replaceAll('_', ' ') ?? '–'}</dd>
        <dt>{t('tps.coordinates')}</dt>
        <dd>{d.lat === null ? '–' : `${d.lat}, ${d.lon}`}</dd>
        <dt>{t('tps.updatedAt')}</dt>
        <dd>
          {formatDateTime(d.updatedAt, d.kodeWilayah)} · {t('tps.version')} {d.version}
        </dd>
      </dl>
      {d.lat !== null && d.lon !== null && config.data && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <TpsMap
            tileUrl={config.data.tileUrl}
            label={`${d.nama} ${d.namaKelurahan}`}
            data={{
              mode: 'tps',
              bbox: [d.lon - 0.01, d.lat - 0.01, d.lon + 0.01, d.lat + 0.01],
              geojson: {
                type: 'FeatureCollection',
                features: [
                  {
                    type: 'Feature',
                    geometry: { type: 'Point', coordinates: [d.lon, d.lat] },
                    properties: { id: d.id, nomor: d.nomor, akses: d.akses, lokasiKhusus: d.lokasiKhusus },
                  },
                ],
              },
            }}
          />
        </Suspense>
      )}
      {can('tps:write') && !editing && (
        <button type="button" className="primary" onClick={() => setEditing(true)}>
          {t('tps.edit')}
        </button>
      )}
      {editing && <TpsEditForm tps={d} onDone={() => setEditing(false)} />}
    </section>
  );
}

function TpsEditForm({ tps, onDone }: { tps: Tps; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [issues, setIssues] = useState<Record<string, string>>({});
  const errorId = useErrorIds();
  const save = useMutation({
    mutationFn: (input: TpsUpdateInput) => call(tpsApi.update, { params: { id: tps.id }, body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['tps-detail', tps.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['tps'] });
      onDone();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = TpsUpdateInput.safeParse({
      version: tps.version,
      dptTotal: formNumber(form, 'dptTotal'),
      dptLaki: formNumber(form, 'dptLaki'),
      dptPerempuan: formNumber(form, 'dptPerempuan'),
      alamat: formText(form, 'alamat') || null,
      lat: formNumber(form, 'lat'),
      lon: formNumber(form, 'lon'),
      akses: form.get('akses'),
      lokasiKhusus: formText(form, 'lokasiKhusus') || null,
    });
    if (!parsed.success) {
      setIssues(
        Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
      );
      return;
    }
    setIssues({});
    save.mutate(parsed.data);
  }
  const field = (name: keyof Tps, label: string, value: string | number | null, type = 'text') => (
    <label>
      {label}
      <input
        name={name}
        type={type}
        step="any"
        defaultValue={value ?? ''}
        aria-invalid={issues[name] ? true : undefined}
        aria-describedby={issues[name] ? errorId(name) : undefined}
      />
      <FieldError id={errorId(name)} message={issues[name]} />
    </label>
  );
  const conflict = save.error instanceof ApiError && save.error.code === 'conflict';
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('tps.edit')}>
      {field('dptTotal', t('tps.dptTotal'), tps.dptTotal, 'number')}
      {field('dptLaki', t('tps.dptLaki'), tps.dptLaki, 'number')}
      {field('dptPerempuan', t('tps.dptPerempuan'), tps.dptPerempuan, 'number')}
      {field('alamat', t('tps.address'), tps.alamat)}
      {field('lat', t('tps.lat'), tps.lat, 'number')}
      {field('lon', t('tps.lon'), tps.lon, 'number')}
      <label>
        {t('tps.akses')}
        <select name="akses" defaultValue={tps.akses}>
          {AKSES_TPS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        {t('tps.lokasiKhusus')}
        <select name="lokasiKhusus" defaultValue={tps.lokasiKhusus ?? ''}>
          <option value="">–</option>
          {LOKASI_KHUSUS.map((l) => (
            <option key={l} value={l}>
              {l.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={save.error} />
      {conflict && <p className="muted small">{t('error.conflict')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
