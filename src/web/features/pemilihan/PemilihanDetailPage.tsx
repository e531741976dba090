import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { pemilihanApi } from '../../../contracts/routes/pemilihan';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { PEMILIHAN_KEY, usePemilihan } from './pemilihan-context';
import './i18n';

/** One election: its stages with today's place among them, its voting areas or TPS, parent and PSU. */
export function PemilihanDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const client = useQueryClient();
  const { current, choose } = usePemilihan();
  const detail = useQuery({
    queryKey: ['pemilihan', 'detail', id],
    queryFn: () => call(pemilihanApi.get, { params: { id } }),
  });
  const close = useMutation({
    mutationFn: (input: { version: number; ditutup: boolean }) =>
      call(pemilihanApi.update, { params: { id }, body: input }),
    onSuccess: (updated) => {
      client.setQueryData(['pemilihan', 'detail', id], updated);
      void client.invalidateQueries({ queryKey: PEMILIHAN_KEY });
    },
  });
  const p = detail.data;
  return (
    <section>
      <ErrorMessage error={detail.error ?? close.error} onRetry={() => void detail.refetch()} />
      {p && (
        <>
          <div className="page-head">
            <h1>{p.nama}</h1>
            {p.id === current?.id ? (
              <span className="badge current">{t('pem.current')}</span>
            ) : (
              <button type="button" onClick={() => choose(p.id)}>
                {t('pem.use')}
              </button>
            )}
          </div>
          <p>
            {t(`pem.jenis.${p.jenis}`)} · {p.namaWilayah ?? t('pem.national')} ·{' '}
            {formatDate(p.hariPemungutan)} · <strong>{t(`pem.fase.${p.fase}`)}</strong> ·{' '}
            {t(`pem.hari.${p.hari.arah}`, { label: p.hari.label })}
            {p.isGenerated && <span className="badge">{t('pem.demo')}</span>}
          </p>
          {p.catatan && <p className="muted">{p.catatan}</p>}
          {p.induk && (
            <p>
              {t('pem.induk')}: <Link to={`/pemilihan/${p.induk.id}`}>{p.induk.nama}</Link>
            </p>
          )}
          {p.bisaKelola && (
            <p>
              <button
                type="button"
                disabled={close.isPending}
                onClick={() => {
                  if (p.ditutupAt === null && !window.confirm(t('pem.closeConfirm'))) return;
                  close.mutate({ version: p.version, ditutup: p.ditutupAt === null });
                }}
              >
                {p.ditutupAt === null ? t('pem.close') : t('pem.reopen')}
              </button>
            </p>
          )}
          <h2>
            {t('pem.tahapan')}{' '}
            <span className="muted small">
              {p.tahapanSendiri ? t('pem.tahapanSendiri') : t('pem.tahapanTemplat')}
            </span>
          </h2>
          <ol className="tahapan-list">
            {p.tahapan.map((s) => (
              <li key={s.kode} className={`tahapan ${s.status}`}>
                <strong>{s.nama}</strong>{' '}
                <span className="muted small">
                  {formatDate(s.mulaiOn)}
                  {s.selesaiOn !== s.mulaiOn && ` – ${formatDate(s.selesaiOn)}`} ·{' '}
                  {t(`pem.tahapan.${s.status}`)}
                  {s.pasca && ` · ${t('pem.tahapan.pasca')}`}
                </span>
              </li>
            ))}
          </ol>
          {p.wilayahPeserta.length > 0 && (
            <>
              <h2>
                {t('pem.peserta')} ({p.wilayahPeserta.length})
              </h2>
              <ul className="inline-list">
                {p.wilayahPeserta.map((w) => (
                  <li key={w.kode}>{w.nama}</li>
                ))}
              </ul>
            </>
          )}
          {p.tps.length > 0 && (
            <>
              <h2>
                {t('pem.tps')} ({p.tps.length})
              </h2>
              <ul className="inline-list">
                {p.tps.map((tps) => (
                  <li key={tps.id}>
                    <Link to={`/tps/${tps.id}`}>{tps.kode}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.anak.length > 0 && (
            <>
              <h2>{t('pem.anak')}</h2>
              <ul>
                {p.anak.map((a) => (
                  <li key={a.id}>
                    <Link to={`/pemilihan/${a.id}`}>{a.nama}</Link> · {formatDate(a.hariPemungutan)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
