import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { ForkopimdaSetting } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { SATUAN_POLRI, STATUS_KEPALA_DAERAH } from '../../../domain/koordinasi/rakor';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import './i18n';

/**
 * How the region's Forkopimda is made up, so a rakor invites by the real positions: a Pjs or a
 * Penjabat, a Kapolresta, a Danlanal (docs/domain/koordinasi.md).
 */
export function ForkopimdaForm({ kab }: { kab: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const key = ['koordinasi', 'forkopimda', kab];
  const current = useQuery({
    queryKey: key,
    queryFn: () => call(koordinasiApi.forkopimda, { params: { kode: kab } }),
  });
  const save = useMutation({
    mutationFn: (body: ForkopimdaSetting) =>
      call(koordinasiApi.setForkopimda, { params: { kode: kab }, body }),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      // The selects offer the contract's values only; the server checks them again.
      statusKepalaDaerah: formText(form, 'statusKepalaDaerah') as ForkopimdaSetting['statusKepalaDaerah'],
      satuanPolri: formText(form, 'satuanPolri') as ForkopimdaSetting['satuanPolri'],
      adaLanal: form.get('adaLanal') === 'on',
    });
  };
  if (!current.data) return <ErrorMessage error={current.error} />;
  return (
    <details>
      <summary>{t('koor.forkopimda.edit')}</summary>
      <form
        key={`${current.data.statusKepalaDaerah}-${current.data.satuanPolri}-${current.data.adaLanal}`}
        className="form-grid"
        onSubmit={submit}
        aria-label={t('koor.forkopimda.edit')}
      >
        <OptionSelect
          name="statusKepalaDaerah"
          label={t('koor.forkopimda.status')}
          options={STATUS_KEPALA_DAERAH.map((s) => [s, t(`koor.forkopimda.status.${s}`)])}
          value={current.data.statusKepalaDaerah}
        />
        <OptionSelect
          name="satuanPolri"
          label={t('koor.forkopimda.satuan')}
          options={SATUAN_POLRI.map((s) => [s, t(`koor.forkopimda.satuan.${s}`)])}
          value={current.data.satuanPolri}
        />
        <label className="checkbox">
          <input type="checkbox" name="adaLanal" defaultChecked={current.data.adaLanal} />
          {t('koor.forkopimda.lanal')}
        </label>
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
      <p className="small">
        {t('koor.forkopimda.undangan')}:{' '}
        <span data-testid="forkopimda-undangan">
          {current.data.undangan.map((u) => u.jabatan).join(', ')}
        </span>
      </p>
    </details>
  );
}

function OptionSelect(props: {
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  value: string;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
