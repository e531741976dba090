import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AnevResponse } from '../../../contracts/anev';
import { anevApi } from '../../../contracts/routes/anev';
import { nilai, selisih } from '../../../domain/format/indonesia';
import { ApiError, call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { RegionPicker } from '../koordinasi/RegionPicker';
import { kabKotaOf, useRegion } from '../koordinasi/useRegion';
import { usePemilihan } from '../pemilihan/pemilihan-context';
import './i18n';

/** The election worked in beside the previous one, per kecamatan; printable for the rakor evaluasi. */
export function AnevPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { items, current } = usePemilihan();
  const [kode, setKode] = useRegion();
  // A kab/kota per kecamatan, or (a camat's, or a drill-down) a kecamatan per kelurahan/desa.
  const area =
    kode === null
      ? null
      : kode.split('.').length >= 3
        ? kode.split('.').slice(0, 3).join('.')
        : kabKotaOf(kode);
  const kab = kabKotaOf(area);
  const [pembanding, setPembanding] = useState('');
  const byPembanding = { pembanding: pembanding || undefined };
  const anev = useQuery({
    queryKey: ['anev', area, pembanding],
    queryFn: () => call(anevApi.banding, { params: { kode: area ?? '' }, query: byPembanding }),
    enabled: area !== null,
  });
  if (area === null || kab === null) {
    return (
      <section>
        <h1>{t('anev.title')}</h1>
        <RegionPicker onPick={setKode} />
      </section>
    );
  }
  const a = anev.data;
  const metrik = new Map((a?.metrik ?? []).map((m) => [m.kode, m]));
  return (
    <section>
      <div className="page-head">
        <h1>
          {t('anev.title')}
          {a ? ` · ${a.namaWilayah}` : ''}
        </h1>
        <div className="actions">
          <a
            className="button"
            href={urlOf(anevApi.cetak, { params: { kode: area }, query: { ...byPembanding, format: 'pdf' } })}
          >
            {t('anev.pdf')}
          </a>
          <a
            className="button"
            href={urlOf(anevApi.cetak, {
              params: { kode: area },
              query: { ...byPembanding, format: 'xlsx' },
            })}
          >
            {t('anev.xlsx')}
          </a>
        </div>
      </div>
      <label>
        {t('anev.pembanding')}
        <select
          value={pembanding}
          onChange={(e) => setPembanding(e.target.value)}
          data-testid="anev-pembanding"
        >
          <option value="">{t('anev.pembandingAuto')}</option>
          {items
            .filter((p) => p.id !== current?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.nama}
              </option>
            ))}
        </select>
      </label>
      <ErrorMessage error={anev.error} onRetry={() => void anev.refetch()} />
      {a && (
        <>
          <p data-testid="anev-intro">
            {t('anev.intro', { kini: a.kini.nama, lalu: a.lalu?.nama ?? t('anev.noPembanding') })}{' '}
            <span className="muted small">
              {t('anev.dimasukkan', { kini: a.dimasukkan.kini, lalu: a.dimasukkan.lalu })}
            </span>
          </p>
          {a.wilayah.map((w, i) => {
            const rows = w.baris.filter((b) => b.kini !== null || b.lalu !== null);
            return (
              <div className="card" key={w.kode} data-testid={`anev-${w.kode}`}>
                {i === 0 ? (
                  <h2>{w.nama}</h2>
                ) : (
                  <h3>
                    {/* A kecamatan opens its kelurahan/desa; a kelurahan is the last level. */}
                    {w.kode.split('.').length === 3 ? (
                      <Link to={`/anev?wilayah=${w.kode}`}>{w.nama}</Link>
                    ) : (
                      w.nama
                    )}
                  </h3>
                )}
                {rows.length === 0 ? (
                  <p className="muted">{t('anev.kosong')}</p>
                ) : (
                  <div className="table-scroll">
                    <table className="table anev-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('anev.col.angka')}</th>
                          <th scope="col">{t('anev.col.kini')}</th>
                          <th scope="col">{t('anev.col.lalu')}</th>
                          <th scope="col">{t('anev.col.selisih')}</th>
                          <th scope="col">{t('anev.col.penilaian')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((b) => {
                          const m = metrik.get(b.metrik);
                          const satuan = m?.satuan ?? 'jumlah';
                          return (
                            <tr key={b.metrik}>
                              <th scope="row">{m?.nama ?? b.metrik}</th>
                              <td>{nilai(b.kini, satuan)}</td>
                              <td>{nilai(b.lalu, satuan)}</td>
                              <td>{selisih(b.selisih, satuan)}</td>
                              <td className={`penilaian ${b.penilaian}`}>
                                {t(`anev.penilaian.${b.penilaian}`)}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            );
          })}
          <Rincian anev={a} />
        </>
      )}
      {can('koordinasi:manage') && area === kab && <RingkasanForm kab={kab} />}
    </section>
  );
}

const KELOMPOK = ['kategori_kejadian', 'status_kejadian', 'hasil_rujukan'] as const;

/** The kab/kota's incidents by category and ending, and referrals by outcome, both elections side by side. */
function Rincian({ anev }: { anev: AnevResponse }) {
  const { t } = useI18n();
  const tanpaLalu = anev.lalu !== null && anev.rincian.every((r) => r.lalu === null);
  return (
    <div className="card" data-testid="anev-rincian">
      <h2>{t('anev.rincian')}</h2>
      {anev.rincian.length === 0 ? (
        <p className="muted">{t('anev.rincian.kosong')}</p>
      ) : (
        KELOMPOK.map((kelompok) => {
          const rows = anev.rincian.filter((r) => r.kelompok === kelompok);
          if (rows.length === 0) return null;
          return (
            <div className="table-scroll" key={kelompok}>
              <table className="table anev-table">
                <caption>{t(`anev.rincian.${kelompok}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('anev.col.angka')}</th>
                    <th scope="col">{t('anev.col.kini')}</th>
                    <th scope="col">{t('anev.col.lalu')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.kode}>
                      <th scope="row">{r.nama}</th>
                      <td>{nilai(r.kini)}</td>
                      <td>{nilai(r.lalu)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })
      )}
      {tanpaLalu && <p className="muted small">{t('anev.rincian.tanpa')}</p>}
    </div>
  );
}

/** The problems of a refused import, by row (the server's details.errors). */
function rowErrors(error: unknown): { row: number; message: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'import_invalid') return [];
  const details = error.details as { errors?: { row: number; message: string }[] } | undefined;
  return details?.errors ?? [];
}

/** Enters a past election's summary figures from the template (all or nothing). */
function RingkasanForm({ kab }: { kab: string }) {
  const { t } = useI18n();
  const { items, current } = usePemilihan();
  const client = useQueryClient();
  const [target, setTarget] = useState(
    () => items.find((p) => p.ditutupAt !== null)?.id ?? current?.id ?? '',
  );
  const upload = useMutation({
    mutationFn: (form: FormData) =>
      call(anevApi.importRingkasan, { params: { kode: kab }, body: form, pemilihan: target }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['anev'] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    upload.mutate(new FormData(event.currentTarget));
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('anev.ringkasan')}>
      <h2 className="span-all">{t('anev.ringkasan')}</h2>
      <p className="muted small span-all">{t('anev.ringkasanHint')}</p>
      <label>
        {t('anev.ringkasanUntuk')}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.nama}
            </option>
          ))}
        </select>
      </label>
      <a className="button" href={urlOf(anevApi.templat, { params: { kode: kab }, pemilihan: target })}>
        {t('anev.templat')}
      </a>
      <label>
        {t('anev.unggah')}
        <input type="file" name="file" accept=".xlsx,.csv" required />
      </label>
      <div>
        <button type="submit" className="primary" disabled={upload.isPending}>
          {t('anev.unggah')}
        </button>
      </div>
      <ErrorMessage error={upload.error} />
      {rowErrors(upload.error).length > 0 && (
        <ul className="error span-all" data-testid="anev-import-errors">
          {rowErrors(upload.error).map((e, i) => (
            <li key={i}>
              {t('anev.baris', { row: e.row })}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {upload.data && (
        <p role="status" className="span-all">
          {t('anev.tersimpan', { angka: upload.data.angka, wilayah: upload.data.wilayah })}
        </p>
      )}
    </form>
  );
}
