/**
 * Neutrality complaints of the user's area with their next deadline; Bawaslu records one and moves it
 * along its route (study, recommendation, Gakkumdu, outcome). Rules: docs/domain/netralitas.md.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { NetralitasAksiInput, NetralitasInput, NetralitasList } from '../../../contracts/netralitas';
import { netralitasApi } from '../../../contracts/routes/netralitas';
import { TERLAPOR } from '../../../domain/netralitas/netralitas';
import { call } from '../../api/client';
import { useCreateOnce } from '../../api/useCreateOnce';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import './i18n';

const KEY = ['netralitas'] as const;

type Item = NetralitasList['items'][number];

/** An action's body without its version (which the row supplies). */
type AksiBody = NetralitasAksiInput extends infer A
  ? A extends unknown
    ? Omit<A, 'version'>
    : never
  : never;

/** The steps open to the handler in each state (the server refuses the others). */
function nextSteps(item: Item): { label: string; body: AksiBody }[] {
  switch (item.status) {
    case 'kajian':
      return [
        { label: 'minta_keterangan', body: { aksi: 'minta_keterangan' } },
        { label: 'pelanggaran', body: { aksi: 'putus_kajian', hasil: 'pelanggaran' } },
        { label: 'pidana', body: { aksi: 'putus_kajian', hasil: 'pidana' } },
        { label: 'bukan_pelanggaran', body: { aksi: 'putus_kajian', hasil: 'bukan_pelanggaran' } },
      ];
    case 'gakkumdu':
      return [
        { label: 'teruskan_penyidik', body: { aksi: 'teruskan_penyidik' } },
        { label: 'limpah_penuntut', body: { aksi: 'limpah_penuntut' } },
        { label: 'limpah_pengadilan', body: { aksi: 'limpah_pengadilan' } },
      ];
    case 'diteruskan':
    case 'selesai':
    case 'dihentikan':
      return [];
  }
}

export function NetralitasPage() {
  const { t, formatDateTime, errorText } = useI18n();
  const { user, can } = useSession();
  const client = useQueryClient();
  const wilayah = user?.kodeWilayah ?? undefined;
  const list = useQuery({
    queryKey: [...KEY, wilayah],
    queryFn: () => call(netralitasApi.list, { query: { wilayah } }),
  });
  const act = useMutation({
    mutationFn: ({ id, body }: { id: string; body: NetralitasAksiInput }) =>
      call(netralitasApi.aksi, { params: { id }, body }),
    onSettled: () => void client.invalidateQueries({ queryKey: KEY }),
  });
  const handle = can('netralitas:handle');
  return (
    <section>
      <div className="page-head">
        <h1>{t('net.title')}</h1>
      </div>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {act.error && (
        <p role="alert" className="error">
          {errorText(act.error)}
        </p>
      )}
      {list.data && list.data.items.length === 0 && <p>{t('net.empty')}</p>}
      <ul className="rakor-list">
        {list.data?.items.map((n) => (
          <li key={n.id} className="card" data-testid="netralitas-row">
            <strong>{n.namaTerlapor}</strong> <span className="badge">{t(`net.terlapor.${n.terlapor}`)}</span>{' '}
            <span className="badge">{t(`net.status.${n.status}`)}</span>
            <div className="muted small">
              {n.namaWilayah} · {t(`net.sumber.${n.sumber}`)} ·{' '}
              {formatDateTime(n.dilaporkanAt, n.kodeWilayah)}
            </div>
            <p className="small">{n.uraian}</p>
            <div className="small">{n.jalurLabel}</div>
            {n.amar && <div className="small">{n.amar}</div>}
            {n.tenggatBerikut && (
              <div className={`small tenggat-${n.tenggatBerikut.status}`}>
                {t('net.next', {
                  label: n.tenggatBerikut.label,
                  due: formatDateTime(n.tenggatBerikut.dueAt, n.kodeWilayah),
                })}
              </div>
            )}
            {handle && (
              <div className="actions">
                {nextSteps(n).map((s) => (
                  <button
                    key={s.label}
                    type="button"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ id: n.id, body: { ...s.body, version: n.version } })}
                  >
                    {t(`net.aksi.${s.label}` as Parameters<typeof t>[0])}
                  </button>
                ))}
                {(n.status === 'diteruskan' ||
                  (n.status === 'gakkumdu' && n.tenggat.some((d) => d.step === 'putusan_pn'))) && (
                  <PutusanForm
                    onSubmit={(amar) =>
                      act.mutate({ id: n.id, body: { aksi: 'putusan', amar, version: n.version } })
                    }
                  />
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {handle && <AduanForm scope={user?.kodeWilayah ?? null} namaScope={user?.namaWilayah ?? null} />}
    </section>
  );
}

function PutusanForm({ onSubmit }: { onSubmit: (amar: string) => void }) {
  const { t } = useI18n();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(formText(new FormData(event.currentTarget), 'amar'));
      }}
    >
      <label>
        {t('net.amar')}
        <input name="amar" required maxLength={2000} />
      </label>
      <button type="submit">{t('net.aksi.putusan')}</button>
    </form>
  );
}

function AduanForm({ scope, namaScope }: { scope: string | null; namaScope: string | null }) {
  const { t, errorText } = useI18n();
  const [place, setPlace] = useState<string | null>(null);
  const { clientId, mutation: save } = useCreateOnce(KEY, (body: NetralitasInput) =>
    call(netralitasApi.create, { body }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      clientId,
      kodeWilayah: place ?? scope ?? '',
      terlapor: formText(form, 'terlapor') as NetralitasInput['terlapor'],
      namaTerlapor: formText(form, 'nama'),
      jabatan: formText(form, 'jabatan') || null,
      sumber: formText(form, 'sumber') as NetralitasInput['sumber'],
      pelapor: formText(form, 'pelapor') || null,
      uraian: formText(form, 'uraian'),
      diketahuiAt: waktuForm(form, 'diketahui', place ?? scope),
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('net.add')}>
      <h2>{t('net.add')}</h2>
      <label>
        {t('net.terlapor')}
        <select name="terlapor" defaultValue="asn">
          {TERLAPOR.map((x) => (
            <option key={x} value={x}>
              {t(`net.terlapor.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('net.nama')}
        <input name="nama" required maxLength={200} />
      </label>
      <label>
        {t('net.jabatan')}
        <input name="jabatan" maxLength={200} />
      </label>
      <WilayahPicker
        scope={scope}
        scopeName={namaScope}
        value={place}
        onChange={setPlace}
        label={t('net.tempat')}
        name="kodeWilayah"
      />
      <label>
        {t('net.sumber')}
        <select name="sumber" defaultValue="laporan">
          <option value="laporan">{t('net.sumber.laporan')}</option>
          <option value="temuan">{t('net.sumber.temuan')}</option>
        </select>
      </label>
      <label>
        {t('net.pelapor')}
        <input name="pelapor" maxLength={200} />
      </label>
      <label>
        {t('net.uraian')}
        <textarea name="uraian" required minLength={5} maxLength={4000} rows={3} />
      </label>
      <WaktuSetempatInput
        label={(zona) => t('net.diketahui', { zona })}
        kodeWilayah={place ?? scope}
        name="diketahui"
        required
      />
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
      <button className="primary" type="submit" disabled={save.isPending}>
        {t('net.save')}
      </button>
    </form>
  );
}
