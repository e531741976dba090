import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { RekapResponse, Rollup, TpsStatusList } from '../../../contracts/hari-h';
import { hariHApi } from '../../../contracts/routes/hari-h';
import type { MapResponse } from '../../../contracts/tps';
import { pemilihDihitung, TAHAP_TPS, type TahapTps } from '../../../domain/hari-h/tps-status';
import { call } from '../../api/client';
import { Bagian, wideScreen } from '../../components/Bagian';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { useRegion } from '../koordinasi/useRegion';
import { TAHAP_COLORS, TAHAP_TEXT_COLORS } from '../map/akses-colors';
import { usePublicConfig } from '../map/usePublicConfig';
import { fileSubmission } from '../offline/outbox-browser';
import { useLive } from '../live/useLive';
import { outboxRequest } from '../offline/outbox-routes';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { applyToRekap, applyToTpsList, isApplicable, remember, withRecent } from './papan-live';
import { SituasiTpsForm } from './SituasiTpsForm';
import './i18n';

const TpsMap = lazy(() => import('../map/TpsMap'));
type TpsRow = (typeof TpsStatusList._output.items)[number];
type Rekap = typeof RekapResponse._output;
type TpsList = typeof TpsStatusList._output;
/** A stage one can report (the first, not yet reported, is nobody's report). */
type Reportable = Exclude<TahapTps, 'belum_lapor'>;

/** The live voting-day board: stages and turnout per area, updating within seconds, and the map. */
export function HariHPage() {
  const { t, formatPercent } = useI18n();
  const [kode] = useRegion();
  const client = useQueryClient();
  // A status change is applied to the counters and the list where it arrives (papan-live.ts); the
  // board refetches only after a `resync` or an event it cannot apply.
  const live = useLive(['tps_status'], [['hari-h']], (event) => {
    if (!isApplicable(event)) return false;
    remember(event);
    client.setQueriesData<Rekap>(
      { queryKey: ['hari-h', 'rekap'] },
      (data) => data && applyToRekap(data, event),
    );
    client.setQueriesData<TpsList>(
      { queryKey: ['hari-h', 'tps'] },
      (data) => data && applyToTpsList(data, event),
    );
    return true;
  });
  const rekap = useQuery({
    queryKey: ['hari-h', 'rekap', kode],
    queryFn: async () =>
      withRecent(
        kode === null ? await call(hariHApi.rekapNasional) : await call(hariHApi.rekap, { params: { kode } }),
        applyToRekap,
      ),
  });
  const depth = kode?.split('.').length ?? 0;
  const tps = useQuery({
    queryKey: ['hari-h', 'tps', kode],
    queryFn: async () =>
      withRecent(await call(hariHApi.tps, { params: { kode: kode ?? '' } }), applyToTpsList),
    enabled: kode !== null && depth >= 3,
  });
  const r = rekap.data;
  return (
    <section>
      <div className="page-head">
        <h1>
          {t('harih.title')}
          {r ? ` · ${r.nama}` : ''}
        </h1>
        <span className={live ? 'badge live' : 'badge'} data-testid="live-state">
          {live ? t('harih.live') : t('harih.offline')}
        </span>
      </div>
      <ErrorMessage error={rekap.error ?? tps.error} onRetry={() => void rekap.refetch()} />
      {r && (
        <div className="card" data-testid="rekap">
          <p>
            {t('harih.tps', { n: r.rollup.jumlahTps })} ·{' '}
            {r.rollup.partisipasi === null
              ? t('harih.partisipasiNone')
              : t('harih.partisipasi', { percent: r.rollup.partisipasi })}
          </p>
          <StageBar rollup={r.rollup} />
          <StageLegend rollup={r.rollup} />
        </div>
      )}
      {r && r.children.length > 0 && (
        <div className="card">
          <h2>{t('harih.children')}</h2>
          <div className="table-scroll">
            <table className="table">
              <tbody>
                {r.children.map((c) => (
                  <tr key={c.kode} data-testid={`rekap-${c.kode}`}>
                    <th scope="row">
                      <Link to={`/hari-h?wilayah=${c.kode}`}>{c.nama}</Link>
                    </th>
                    <td style={{ width: '50%' }}>
                      <StageBar rollup={c.rollup} />
                    </td>
                    <td className="num small">
                      {c.rollup.perTahap.penghitungan_selesai}/{c.rollup.jumlahTps}
                    </td>
                    <td className="num small">
                      {c.rollup.partisipasi === null ? '–' : formatPercent(c.rollup.partisipasi)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {tps.data && <TpsSection rows={tps.data.items} nama={r?.nama ?? ''} reportable={depth === 4} />}
    </section>
  );
}

function StageBar({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  const total = Math.max(rollup.jumlahTps, 1);
  return (
    <div
      className="stage-bar"
      role="img"
      aria-label={TAHAP_TPS.map((s) => `${t(`harih.tahap.${s}`)} ${rollup.perTahap[s] ?? 0}`).join(', ')}
    >
      {TAHAP_TPS.map((s) => (
        <span
          key={s}
          style={{ width: `${((rollup.perTahap[s] ?? 0) / total) * 100}%`, background: TAHAP_COLORS[s] }}
        />
      ))}
    </div>
  );
}

function StageLegend({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  return (
    <ul className="legend-inline">
      {TAHAP_TPS.map((s) => (
        <li key={s} data-testid={`tahap-${s}`}>
          <span className="swatch" style={{ background: TAHAP_COLORS[s] }} aria-hidden="true" />{' '}
          {t(`harih.tahap.${s}`)}: <strong>{rollup.perTahap[s] ?? 0}</strong>
        </li>
      ))}
    </ul>
  );
}

function TpsSection({ rows, nama, reportable }: { rows: TpsRow[]; nama: string; reportable: boolean }) {
  const { t } = useI18n();
  const { can } = useSession();
  const config = usePublicConfig();
  const map = useMemo<MapResponse>(() => {
    const located = rows.filter((r) => r.lat !== null && r.lon !== null);
    const lons = located.map((r) => r.lon!);
    const lats = located.map((r) => r.lat!);
    return {
      mode: 'tps',
      bbox:
        located.length === 0
          ? null
          : [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      geojson: {
        type: 'FeatureCollection',
        features: located.map((r) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [r.lon!, r.lat!] },
          properties: { id: r.tpsId, nomor: r.nomor, tahap: r.tahap },
        })),
      },
    };
  }, [rows]);
  // The list a field user reports on comes first; the map after it, in a section a phone opens when
  // asked (open on a desk), so MapLibre is loaded only where a map is shown (issue 14).
  return (
    <>
      {reportable && (
        <div className="card">
          <h2>{t('harih.list', { wilayah: nama })}</h2>
          <ul className="tps-status-list">
            {rows.map((r) => (
              <TpsStatusItem key={r.tpsId} row={r} canReport={can('hari_h:report')} />
            ))}
          </ul>
        </div>
      )}
      {config.data && map.geojson.features.length > 0 && (
        <Bagian title={t('harih.map')} testId="harih-peta" defaultOpen={wideScreen()}>
          <Suspense fallback={<p>{t('common.loading')}</p>}>
            <TpsMap data={map} colorBy="tahap" tileUrl={config.data.tileUrl} label={t('harih.map')} />
          </Suspense>
        </Bagian>
      )}
    </>
  );
}

function TpsStatusItem({ row, canReport }: { row: TpsRow; canReport: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const next = TAHAP_TPS.filter(
    (s): s is Reportable => s !== 'belum_lapor' && TAHAP_TPS.indexOf(s) > TAHAP_TPS.indexOf(row.tahap),
  );
  const [tahap, setTahap] = useState<Reportable | ''>(next[0] ?? '');
  const [pemilih, setPemilih] = useState('');
  const [filed, setFiled] = useState<string | null>(null);
  const counting = tahap !== '' && pemilihDihitung(tahap);
  const report = () => {
    if (tahap === '') return;
    const clientId = crypto.randomUUID();
    setFiled(clientId);
    void fileSubmission({
      id: clientId,
      kind: 'status-tps',
      label: `${row.nama}: ${t(`harih.tahap.${tahap}`)}`,
      requests: [
        outboxRequest('hari-h.status', hariHApi.status, {
          body: {
            clientId,
            tpsId: row.tpsId,
            tahap,
            pemilih: counting && pemilih !== '' ? Number(pemilih) : null,
            dibuatAt: new Date().toISOString(),
          },
        }),
      ],
      // Our own report shows at once, whether or not the live event has arrived yet.
    }).then(() => client.invalidateQueries({ queryKey: ['hari-h'] }));
  };
  return (
    <li data-testid={`tps-${row.nomor}`}>
      <strong>{row.nama}</strong>{' '}
      <span
        className="badge"
        style={{ background: TAHAP_COLORS[row.tahap], color: TAHAP_TEXT_COLORS[row.tahap] }}
      >
        {t(`harih.tahap.${row.tahap}`)}
      </span>
      {row.pemilih !== null && ` · ${t('harih.pemilih')} ${row.pemilih}/${row.dpt}`}
      {row.situasi && ` · ${t('harih.situasi')}: ${t(`laporan.level.${row.situasi}`)}`}
      {canReport && next.length > 0 && (
        <span className="actions">
          <label>
            <span className="visually-hidden">
              {t('harih.tahap')} {row.nama}
            </span>
            <select value={tahap} onChange={(e) => setTahap(e.target.value as Reportable)}>
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`harih.tahap.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {counting && (
            <label>
              <span className="visually-hidden">
                {t('harih.pemilih')} {row.nama}
              </span>
              <input
                type="number"
                min={0}
                inputMode="numeric"
                placeholder={t('harih.pemilih')}
                value={pemilih}
                onChange={(e) => setPemilih(e.target.value)}
              />
            </label>
          )}
          <button type="button" onClick={report}>
            {t('harih.report')}
          </button>
        </span>
      )}
      <SubmissionNotice id={filed} />
      {canReport && <SituasiTpsForm tpsId={row.tpsId} nama={row.nama} kodeWilayah={row.kodeWilayah} />}
    </li>
  );
}
