/**
 * Petugas of an area: the dashboard per kecamatan (kab/kota) or per kelurahan (kecamatan) for the
 * camat and the Dinas Kesehatan, and the TPS of a kelurahan with whether their people are complete;
 * the KPU's operator imports rosters here. Counts only: personal data is on a TPS's own page.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PetugasImportResult } from '../../../contracts/petugas';
import { JENIS_PETUGAS } from '../../../domain/petugas/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { call, urlOf } from '../../api/client';
import { useSheetUpload } from '../import/useSheetUpload';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { ImportRefusal, SheetFileInput } from '../import/ImportErrors';
import { useRegion } from '../koordinasi/useRegion';
import './i18n';

export function PetugasPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [kode] = useRegion();
  const depth = kode?.split('.').length ?? 0;
  if (kode === null || depth < 2) {
    return (
      <section>
        <h1>{t('petugas.title')}</h1>
        <p>{t('petugas.pilihWilayah')}</p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('petugas.title')}</h1>
      {depth <= 3 ? <DasborPanel kode={kode} /> : <TpsPanel kode={kode} />}
      {can('petugas:manage') && <ImportPanel kode={kode} />}
      <p className="small">
        <a href={urlOf(petugasApi.export, { query: { wilayah: kode } })} download>
          {t('petugas.export')}
        </a>{' '}
        <span className="muted">{t('petugas.exportNote')}</span>
      </p>
    </section>
  );
}

function DasborPanel({ kode }: { kode: string }) {
  const { t, formatNumber } = useI18n();
  const dasbor = useQuery({
    queryKey: ['petugas', 'dasbor', kode],
    queryFn: () => call(petugasApi.dasbor, { query: { wilayah: kode } }),
  });
  const d = dasbor.data;
  const child = kode.split('.').length === 2 ? t('petugas.kecamatan') : t('petugas.kelurahan');
  return (
    <div className="card">
      <h2>{d ? t('petugas.dasborOf', { nama: d.nama }) : t('petugas.dasbor')}</h2>
      <ErrorMessage error={dasbor.error} onRetry={() => void dasbor.refetch()} />
      {d && (
        <>
          <p className="small">
            {t('petugas.aturan', { peringatan: d.aturan.jamPeringatan, bahaya: d.aturan.jamBahaya })}
          </p>
          <div className="table-scroll">
            <table className="table" data-testid="petugas-dasbor">
              <thead>
                <tr>
                  <th scope="col">{child}</th>
                  <th scope="col" className="num">
                    {t('petugas.col.tpsLengkap')}
                  </th>
                  <th scope="col" className="num">
                    {t('petugas.col.petugas')}
                  </th>
                  <th scope="col" className="num">
                    {t('petugas.col.diskrining')}
                  </th>
                  <th scope="col" className="num">
                    {t('petugas.col.tidakLayak')}
                  </th>
                  <th scope="col" className="num">
                    {t('petugas.col.bertugas')}
                  </th>
                  <th scope="col" className="num">
                    {t('petugas.col.peringatan')}
                  </th>
                  <th scope="col" className="num">
                    {t('petugas.col.insiden')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...d.rows, { ...d.total, kode: '', nama: t('petugas.total') }].map((r) => (
                  <tr key={r.kode || 'total'} data-testid={r.kode ? `dasbor-${r.kode}` : 'dasbor-total'}>
                    <th scope="row">
                      {r.kode ? <Link to={`/petugas?wilayah=${r.kode}`}>{r.nama}</Link> : r.nama}
                    </th>
                    <td className="num">
                      {formatNumber(r.tpsLengkap)}/{formatNumber(r.tps)}
                    </td>
                    <td className="num">{formatNumber(r.petugas)}</td>
                    <td className="num">{formatNumber(r.diskrining)}</td>
                    <td className="num">{formatNumber(r.tidakLayak)}</td>
                    <td className="num">{formatNumber(r.bertugas)}</td>
                    <td className="num">
                      {formatNumber(r.peringatan)}
                      {r.bahaya > 0 && (
                        <span className="badge danger" title={t('petugas.kelelahan.bahaya')}>
                          {formatNumber(r.bahaya)}
                        </span>
                      )}
                    </td>
                    <td className="num">{formatNumber(r.insiden)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function TpsPanel({ kode }: { kode: string }) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['petugas', 'tps', kode],
    queryFn: () => call(petugasApi.tpsList, { query: { wilayah: kode } }),
  });
  return (
    <div className="card">
      <h2>{t('petugas.tpsTitle')}</h2>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      <ul className="plain-list" data-testid="petugas-tps">
        {list.data?.items.map((row) => (
          <li key={row.tpsId} data-testid={`petugas-tps-${row.kode}`}>
            <Link to={`/petugas/tps/${row.tpsId}`}>
              <strong>{row.nama}</strong> {row.namaDesa}
            </Link>{' '}
            {row.lengkap ? (
              <span className="badge current">{t('petugas.lengkap')}</span>
            ) : (
              <span className="badge">
                {t('petugas.kurang')}: {row.kekurangan.map((k) => t(`petugas.kekurangan.${k}`)).join(', ')}
              </span>
            )}
            <span className="small muted">
              {' '}
              · {t('petugas.ringkasTps', { diskrining: row.diskrining, bertugas: row.bertugas })}
            </span>
            {row.peringatan > 0 && (
              <span className="badge danger">{t('petugas.peringatanN', { n: row.peringatan })}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportPanel({ kode }: { kode: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [jenis, setJenis] = useState('');
  const { upload, result, error, busy } = useSheetUpload(PetugasImportResult);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file)
      void upload(
        urlOf(petugasApi.import, { body: new FormData() }),
        jenis === '' ? { wilayah: kode } : { wilayah: kode, jenis },
        file,
      );
  }

  return (
    <details className="card">
      <summary>{t('petugas.importTitle')}</summary>
      <p className="small">{t('petugas.importHelp')}</p>
      <form className="form-grid" onSubmit={submit}>
        <label>
          {t('petugas.jenisFile')}
          <select value={jenis} onChange={(e) => setJenis(e.target.value)}>
            <option value="">{t('petugas.jenisDariKolom')}</option>
            {JENIS_PETUGAS.map((j) => (
              <option key={j} value={j}>
                {t(`petugas.jenis.${j}`)}
              </option>
            ))}
          </select>
        </label>
        <SheetFileInput onFile={setFile} />
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('import.submit')}
        </button>
      </form>
      {result && (
        <p role="status" className="success" data-testid="petugas-import-result">
          {t('petugas.imported', {
            rows: result.rows,
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
        </p>
      )}
      <ImportRefusal error={error} />
    </details>
  );
}
