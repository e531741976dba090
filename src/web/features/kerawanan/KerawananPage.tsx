/**
 * Forkopimda's view: the map coloured by category (filterable by indicator), the summary the way
 * Bawaslu publishes it, and, for a kecamatan, which kelurahan have finished their checklist.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { BAWASLU_TPS_2024, PHASES, type Phase } from '../../../domain/kerawanan/catalogue';
import { KATEGORI } from '../../../domain/kerawanan/score-tps';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { KATEGORI_COLORS } from '../map/akses-colors';
import { usePublicConfig } from '../map/usePublicConfig';
import { useWilayahDetail, useWilayahChildren } from '../wilayah/useWilayah';
import { WilayahSearch } from '../wilayah/WilayahSearch';
import { AreaFactorsPanel } from './AreaFactorsPanel';
import { KategoriBadge } from './KategoriBadge';
import { MappingImport } from './MappingImport';
import { PhaseChangesPanel } from './PhaseChangesPanel';
import './i18n';

const TpsMap = lazy(() => import('../map/TpsMap'));

/** The summary's breakdown table is titled by its level; each row drills down to its area. */
const RINCIAN_CAPTION = {
  provinsi: 'kerawanan.perProvinsi',
  kabkota: 'kerawanan.perKabkota',
  kecamatan: 'kerawanan.perKecamatan',
} as const;

export function KerawananPage() {
  const { t, formatNumber, formatDate } = useI18n();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? '';
  const phase = (PHASES as readonly string[]).includes(params.get('phase') ?? '')
    ? (params.get('phase') as Phase)
    : 'pra';
  const indicator = params.get('indicator') ?? undefined;
  const parsed = parseKodeWilayah(wilayah);
  const level = parsed.ok ? parsed.value.level : null;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const detail = useWilayahDetail(wilayah || undefined);
  const config = usePublicConfig();
  const summary = useQuery({
    queryKey: ['kerawanan-summary', wilayah, phase],
    queryFn: () => call(kerawananApi.getSummary, { query: { wilayah: wilayah || undefined, phase } }),
    // A national user without an area picked reads the nation, per provinsi.
    enabled: wilayah !== '' || user?.kodeWilayah === null,
  });
  const points = useQuery({
    queryKey: ['kerawanan-map', wilayah, phase, indicator],
    queryFn: () => call(kerawananApi.getMap, { query: { wilayah, phase, indicator } }),
    enabled: wilayah !== '' && level !== 'provinsi',
  });
  const completion = useQuery({
    queryKey: ['kerawanan-completion', wilayah, phase],
    queryFn: () => call(kerawananApi.getCompletion, { params: { kode: wilayah }, query: { phase } }),
    enabled: level === 'kecamatan' || level === 'desa',
  });
  const desa = useWilayahChildren(level === 'kecamatan' ? wilayah : undefined);

  return (
    <section>
      <div className="page-head">
        <h1>
          {t('kerawanan.title')}
          {detail.data ? ` — ${detail.data.nama}` : ''}
        </h1>
      </div>
      <div className="filters">
        <WilayahSearch onPick={(kode) => set('wilayah', kode)} />
        <label>
          {t('kerawanan.phase')}
          <select value={phase} onChange={(e) => set('phase', e.target.value)}>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`kerawanan.phase.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kerawanan.filterIndicator')}
          <select value={indicator ?? ''} onChange={(e) => set('indicator', e.target.value || undefined)}>
            <option value="">{t('common.all')}</option>
            {BAWASLU_TPS_2024.indicators.map((i) => (
              <option key={i.kode} value={i.kode}>
                {i.nomor}. {i.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {wilayah !== '' && (
        <p className="actions">
          <a
            className="button"
            href={urlOf(kerawananApi.getReport, { query: { wilayah, phase, format: 'pdf' } })}
            download
          >
            {t('kerawanan.printPdf')}
          </a>
          {(['csv', 'xlsx', 'geojson'] as const).map((format) => (
            <a
              key={format}
              className="button"
              href={urlOf(kerawananApi.getReport, { query: { wilayah, phase, format } })}
              download
            >
              {format.toUpperCase()}
            </a>
          ))}
        </p>
      )}
      {level === 'desa' && (
        <p>
          <Link className="button primary" to={`/kerawanan/checklist/${wilayah}?phase=${phase}`}>
            {t('kerawanan.openChecklist')}
          </Link>
        </p>
      )}
      <ErrorMessage error={summary.error ?? points.error} onRetry={() => void summary.refetch()} />
      {summary.data && (
        <>
          <p data-testid="kerawanan-assessed">
            {t('kerawanan.assessed', {
              assessed: formatNumber(summary.data.assessedTps),
              total: formatNumber(summary.data.totalTps),
            })}
          </p>
          <ul className="kategori-counts" aria-label={t('kerawanan.title')}>
            {KATEGORI.map((k) => (
              <li key={k} data-testid={`count-${k}`}>
                <KategoriBadge kategori={k} /> <strong>{formatNumber(summary.data.kategori[k] ?? 0)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {points.data && config.data && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <TpsMap
            data={points.data}
            colorBy="kategori"
            tileUrl={config.data.tileUrl}
            label={t('map.label', { wilayah: detail.data?.nama ?? wilayah })}
            onPickTps={(id) => void navigate(`/tps/${id}`)}
          />
        </Suspense>
      )}
      {points.data && (
        <ul className="legend-inline" aria-label={t('map.legend')}>
          {Object.entries(KATEGORI_COLORS).map(([k, color]) => (
            <li key={k}>
              <span className="swatch" style={{ background: color }} aria-hidden="true" />{' '}
              {t(`kerawanan.kategori.${k as keyof typeof KATEGORI_COLORS}`)}
            </li>
          ))}
        </ul>
      )}
      {wilayah !== '' && level !== 'provinsi' && <PhaseChangesPanel wilayah={wilayah} phase={phase} />}
      {wilayah !== '' && <AreaFactorsPanel wilayah={wilayah} />}
      {wilayah !== '' && can('kerawanan:assess') && <MappingImport wilayah={wilayah} phase={phase} />}
      {wilayah !== '' && can('kerawanan:override') && (
        <MappingImport wilayah={wilayah} phase={phase} kind="kategori" />
      )}
      {completion.data && (
        <div className="table-scroll">
          <table className="table" data-testid="completion">
            <caption>
              {t('kerawanan.completion')} ·{' '}
              {t('kerawanan.window', {
                ...completion.data.window,
                opensOn: formatDate(completion.data.window.opensOn),
                closesOn: formatDate(completion.data.window.closesOn),
              })}{' '}
              ({t(`kerawanan.window.${completion.data.window.status}`)})
            </caption>
            <tbody>
              {completion.data.items.map((item) => (
                <tr key={item.kode}>
                  <td>
                    <Link to={`/kerawanan/checklist/${item.kode}?phase=${phase}`}>{item.nama}</Link>
                  </td>
                  <td className="num">
                    {item.assessed} / {item.tps}
                  </td>
                  <td>{item.complete ? `✓ ${t('kerawanan.complete')}` : t('kerawanan.incomplete')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {level === 'kecamatan' && desa.data && completion.data === undefined && (
        <p>{t('kerawanan.pickKelurahan')}</p>
      )}
      {summary.data && summary.data.indicators.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="indicator-summary">
            <caption>{t('kerawanan.indicators')}</caption>
            <tbody>
              {summary.data.indicators.map((i) => (
                <tr key={i.kode}>
                  <td>{i.label}</td>
                  <td className="num">{formatNumber(i.tps)}</td>
                  <td>{t(`kerawanan.frekuensi.${i.frekuensi}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="pengelompokan">
            {t('kerawanan.pengelompokan', {
              palingBanyak: formatNumber(summary.data.pengelompokan.palingBanyakFrom * 100),
              banyak: formatNumber(summary.data.pengelompokan.banyakFrom * 100),
            })}
          </p>
        </div>
      )}
      {summary.data && summary.data.rincian.length > 1 && (
        <div className="table-scroll">
          <table className="table" data-testid="rincian">
            <caption>{t(RINCIAN_CAPTION[summary.data.tingkatRincian])}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`wilayah.level.${summary.data.tingkatRincian}`)}</th>
                <th scope="col" className="num">
                  TPS
                </th>
                {KATEGORI.map((k) => (
                  <th key={k} scope="col" className="num">
                    {t(`kerawanan.kategori.${k}`)}
                  </th>
                ))}
                <th scope="col">{t('kerawanan.topRisks')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.data.rincian.map((k) => (
                <tr key={k.kode}>
                  <td>
                    <Link to={`/kerawanan?wilayah=${k.kode}&phase=${phase}`}>{k.nama}</Link>
                  </td>
                  <td className="num">{k.totalTps}</td>
                  {KATEGORI.map((kat) => (
                    <td key={kat} className="num">
                      {k.kategori[kat] ?? 0}
                    </td>
                  ))}
                  <td className="small">{k.top.map((i) => `${i.label} (${i.tps})`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
