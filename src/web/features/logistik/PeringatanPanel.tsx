/**
 * Weather and disaster warnings per area (BMKG, BPBD): the kab/kota's list, and the form with which a
 * planner enters one, its window on the region's own clock. A leg through a warned area in its window
 * is flagged on the board (risiko_cuaca).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { JENIS_PERINGATAN, PeringatanCreate, TINGKAT_PERINGATAN } from '../../../contracts/logistik';
import { call } from '../../api/client';
import { logistikApi } from '../../../contracts/routes/logistik';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Issues } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import { waktuForm } from '../../components/WaktuSetempat';
import { AkhirForm, Bidang, BidangWaktu } from './bidang';
import { issuesOfApi, issuesOfZod } from './validasi';

export function PeringatanPanel(props: { kab: string; namaKab: string; canPlan: boolean }) {
  const tl = useTeks(TEKS_LOGISTIK);
  const { formatRange } = useI18n();
  const list = useQuery({
    queryKey: ['logistik', 'peringatan', props.kab],
    queryFn: () => call(logistikApi.listPeringatan, { query: { wilayah: props.kab } }),
  });
  return (
    <div>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data?.items.length === 0 && <p>{tl('log.warn.empty')}</p>}
      <ul className="rakor-list" data-testid="log-peringatan">
        {list.data?.items.map((w) => (
          <li key={w.id} className="card">
            <strong>
              {tl(`log.warn.jenis.${w.jenis}`)} · {tl(`log.warn.tingkat.${w.tingkat}`)}
            </strong>{' '}
            — {w.namaWilayah}
            <div className="small">
              {formatRange(w.mulai, w.selesai, w.kodeWilayah)} · {w.sumber}
            </div>
            {w.keterangan && <div className="muted small">{w.keterangan}</div>}
          </li>
        ))}
      </ul>
      {props.canPlan && <PeringatanForm kab={props.kab} namaKab={props.namaKab} />}
    </div>
  );
}

function PeringatanForm({ kab, namaKab }: { kab: string; namaKab: string }) {
  const tl = useTeks(TEKS_LOGISTIK);
  const id = useId();
  const client = useQueryClient();
  const [area, setArea] = useState<string | null>(null);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [issues, setIssues] = useState<Issues>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: PeringatanCreate) => call(logistikApi.createPeringatan, { body }),
    onSuccess: () => {
      setSaved(true);
      setClientId(crypto.randomUUID());
      void client.invalidateQueries({ queryKey: ['logistik'] });
    },
    onError: (error) => setIssues(issuesOfApi(error, tl)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const at = (name: string) => waktuForm(form, name, kab);
    const checked = PeringatanCreate.safeParse({
      clientId,
      kodeWilayah: area ?? kab,
      jenis: formText(form, 'jenis'),
      tingkat: formText(form, 'tingkat'),
      mulai: at('mulai'),
      selesai: at('selesai'),
      sumber: formText(form, 'sumber'),
      keterangan: formText(form, 'keterangan'),
    });
    if (!checked.success) {
      setIssues(issuesOfZod(checked.error, tl));
      return;
    }
    if (new Date(checked.data.selesai) <= new Date(checked.data.mulai)) {
      setIssues({ selesai: tl('log.problem.waktu_tidak_valid') });
      return;
    }
    setIssues({});
    save.mutate(checked.data);
  };
  const text = (name: string, label: string, input: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Bidang name={name} label={label} issues={issues} idPrefix={id} {...input} />
  );
  return (
    <form className="form-grid" onSubmit={submit} aria-label={tl('log.warn.form')} noValidate>
      <h3 className="span-all">{tl('log.warn.form')}</h3>
      <WilayahPicker
        scope={kab}
        scopeName={namaKab}
        value={area}
        onChange={setArea}
        label={tl('log.warn.wilayah')}
        name="kodeWilayah"
      />
      <label htmlFor={`${id}-jenis`}>
        {tl('log.warn.jenisLabel')}
        <select id={`${id}-jenis`} name="jenis" defaultValue="hujan_lebat">
          {JENIS_PERINGATAN.map((j) => (
            <option key={j} value={j}>
              {tl(`log.warn.jenis.${j}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-tingkat`}>
        {tl('log.warn.tingkatLabel')}
        <select id={`${id}-tingkat`} name="tingkat" defaultValue="waspada">
          {TINGKAT_PERINGATAN.map((k) => (
            <option key={k} value={k}>
              {tl(`log.warn.tingkat.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {(['mulai', 'selesai'] as const).map((name) => (
        <BidangWaktu
          key={name}
          name={name}
          label={(zona) => tl(`log.warn.${name}`, { zona })}
          kodeWilayah={kab}
          issues={issues}
          idPrefix={id}
        />
      ))}
      {text('sumber', tl('log.warn.sumber'), { maxLength: 200, placeholder: 'BMKG' })}
      {text('keterangan', tl('log.warn.keterangan'), { maxLength: 1000 })}
      <AkhirForm
        issues={issues}
        error={save.error}
        saved={saved ? tl('log.warn.saved') : null}
        submit={tl('log.warn.submit')}
        pending={save.isPending}
      />
    </form>
  );
}
