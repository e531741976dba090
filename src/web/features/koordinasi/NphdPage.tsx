import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { NphdResponse, NphdTransaksiInput, NphdUpsert } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formNumber, formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { RegionPicker } from './RegionPicker';
import { kabKotaOf, useRegion } from './useRegion';
import './i18n';

type Row = z.infer<typeof NphdResponse>['rows'][number];
type NphdTransaksi = z.input<typeof NphdTransaksiInput>;

/** NPHD per recipient: agreement, disbursement, spending, absorption and what lags. */
export function NphdPage() {
  const { t, formatNumber, formatPercent } = useI18n();
  const [kode, setKode] = useRegion();
  const kab = kabKotaOf(kode);
  const data = useQuery({
    queryKey: ['koordinasi', 'nphd', kab],
    queryFn: () => call(koordinasiApi.nphd, { params: { kode: kab! } }),
    enabled: kab !== null,
  });
  if (kab === null) {
    return (
      <section>
        <h1>{t('nphd.title')}</h1>
        <RegionPicker onPick={setKode} />
      </section>
    );
  }
  return (
    <section>
      <h1>
        {t('nphd.title')}
        {data.data ? ` · ${data.data.namaWilayah}` : ''}
      </h1>
      <ErrorMessage error={data.error} onRetry={() => void data.refetch()} />
      {data.data?.rows.map((row) => (
        <div className="card" key={row.penerima}>
          <h2>{row.penerima.toUpperCase()}</h2>
          {row.nilai !== null && (
            <p>
              Rp {formatNumber(row.nilai)} · {t('nphd.disalurkan')} {formatPercent(row.persenDisalurkan)} ·{' '}
              {t('nphd.serapan')} {formatPercent(row.persenSerapan)}{' '}
              <span className="muted small">
                ({t('nphd.serapanExpected', { percent: row.persenSerapanDiharapkan })})
              </span>
            </p>
          )}
          <ul>
            {row.alerts.map((a) => (
              <li key={a.code} className="error">
                {a.message}
              </li>
            ))}
          </ul>
          {data.data.canManage && <NphdForms kab={kab} row={row} />}
        </div>
      ))}
    </section>
  );
}

function NphdForms({ kab, row }: { kab: string; row: Row }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const onSuccess = (data: z.infer<typeof NphdResponse>) =>
    client.setQueryData(['koordinasi', 'nphd', kab], data);
  const save = useMutation({
    mutationFn: (body: z.input<typeof NphdUpsert>) =>
      call(koordinasiApi.upsertNphd, { params: { kode: kab, penerima: row.penerima }, body }),
    onSuccess,
  });
  const addTx = useMutation({
    mutationFn: (body: Omit<NphdTransaksi, 'clientId'>) =>
      call(koordinasiApi.nphdTransaksi, { params: { id: row.id! }, body: { clientId, ...body } }),
    onSuccess: (data) => {
      setClientId(crypto.randomUUID());
      onSuccess(data);
    },
  });
  const submitAgreement = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const signed = formText(form, 'ditandatanganiOn');
    save.mutate({
      nomor: formText(form, 'nomor'),
      // A required field: what is not a number goes as typed (null) and the server names the field.
      nilai: formNumber(form, 'nilai') as number,
      ditandatanganiOn: signed === '' ? null : signed,
    });
  };
  const submitTx = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    addTx.mutate({
      jenis: formText(form, 'jenis') as NphdTransaksi['jenis'],
      nilai: formNumber(form, 'nilai') as number,
      tanggal: formText(form, 'tanggal'),
      keterangan: formText(form, 'keterangan'),
    });
  };
  return (
    <details>
      <summary>{t('nphd.save')}</summary>
      <form className="form-grid" onSubmit={submitAgreement} aria-label={`${t('nphd.save')} ${row.penerima}`}>
        <label>
          {t('nphd.nomor')}
          <input name="nomor" defaultValue={row.nomor} />
        </label>
        <label>
          {t('nphd.nilai')}
          <input name="nilai" inputMode="numeric" defaultValue={row.nilai ?? ''} required />
        </label>
        <label>
          {t('nphd.ditandatangani')}
          <input name="ditandatanganiOn" type="date" defaultValue={row.ditandatanganiOn ?? ''} />
        </label>
        <ErrorMessage error={save.error} />
        <button type="submit">{t('nphd.save')}</button>
      </form>
      {row.id !== null && (
        <form className="form-grid" onSubmit={submitTx} aria-label={`${t('nphd.transaksi')} ${row.penerima}`}>
          <label>
            {t('imbauan.jenis')}
            <select name="jenis">
              <option value="pencairan">{t('nphd.jenis.pencairan')}</option>
              <option value="realisasi">{t('nphd.jenis.realisasi')}</option>
            </select>
          </label>
          <label>
            {t('nphd.nilai')}
            <input name="nilai" inputMode="numeric" required />
          </label>
          <label>
            {t('nphd.tanggal')}
            <input name="tanggal" type="date" required />
          </label>
          <label>
            {t('nphd.keterangan')}
            <input name="keterangan" />
          </label>
          <ErrorMessage error={addTx.error} />
          <button type="submit">{t('nphd.transaksi')}</button>
        </form>
      )}
    </details>
  );
}
