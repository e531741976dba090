/**
 * Planning one leg (KPU's operator, Kesbangpol, the Polres): its two ends chosen by name, departure
 * and arrival on the kab/kota's own wall clock (WIB/WITA/WIT, not the browser's), transport, distance,
 * travel time, load and the escort it needs. Checked against the contract and the domain rule before
 * it is sent; sent once per client id, so a retried click is not a second leg.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { LegCreate, type LegView } from '../../../contracts/logistik';
import { MODA, periksaLeg, type Titik } from '../../../domain/logistik/logistik';
import { call } from '../../api/client';
import { logistikApi } from '../../../contracts/routes/logistik';
import { errorIdIn, FieldError, type Issues } from '../../components/FieldError';
import { waktuForm } from '../../components/WaktuSetempat';
import { AkhirForm, Bidang, BidangWaktu } from './bidang';
import { formNumber, formText } from '../../components/form-text';
import { useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { TitikPicker, type TitikValue } from './TitikPicker';
import { issuesOfApi, issuesOfProblems, issuesOfZod } from './validasi';

const DARI: readonly Titik[] = ['gudang_kpu', 'ppk', 'pps', 'tps'];
const KE: readonly Titik[] = ['ppk', 'pps', 'tps'];
export function LegForm(props: {
  kab: string;
  namaKab: string;
  legs: readonly LegView[];
  onSaved: () => void;
}) {
  const tl = useTeks(TEKS_LOGISTIK);
  const id = useId();
  const client = useQueryClient();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [sebelumnyaId, setSebelumnyaId] = useState('');
  const [dari, setDari] = useState<TitikValue>({
    titik: 'gudang_kpu',
    kodeWilayah: props.kab,
    tpsNomor: null,
  });
  const [ke, setKe] = useState<TitikValue>({ titik: 'ppk', kodeWilayah: props.kab, tpsNomor: null });
  const [issues, setIssues] = useState<Issues>({});
  const [saved, setSaved] = useState(false);
  const prev = props.legs.find((l) => l.id === sebelumnyaId) ?? null;
  const asal: TitikValue = prev
    ? { titik: prev.ke.titik, kodeWilayah: prev.ke.kodeWilayah, tpsNomor: prev.ke.tpsNomor }
    : dari;
  const save = useMutation({
    mutationFn: (body: LegCreate) => call(logistikApi.createLeg, { body }),
    onSuccess: () => {
      setSaved(true);
      setIssues({});
      setClientId(crypto.randomUUID());
      void client.invalidateQueries({ queryKey: ['logistik'] });
      props.onSaved();
    },
    onError: (error) => setIssues(issuesOfApi(error, tl)),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const at = (name: string) => waktuForm(form, name, props.kab);
    const body = {
      clientId,
      wilayah: props.kab,
      dari: asal,
      ke,
      sebelumnyaId: prev?.id ?? null,
      berangkat: at('berangkat'),
      tiba: at('tiba'),
      moda: formText(form, 'moda'),
      jarakKm: formNumber(form, 'jarakKm') ?? undefined,
      waktuTempuhMenit: formNumber(form, 'waktuTempuhMenit') ?? undefined,
      kotak: formNumber(form, 'kotak') ?? undefined,
      suratSuara: formNumber(form, 'suratSuara') ?? undefined,
      kebutuhanPengawal: formNumber(form, 'kebutuhanPengawal') ?? undefined,
      keterangan: formText(form, 'keterangan'),
    };
    const checked = LegCreate.safeParse(body);
    if (!checked.success) {
      setIssues(issuesOfZod(checked.error, tl));
      return;
    }
    const problems = periksaLeg(
      {
        dari: checked.data.dari,
        ke: checked.data.ke,
        berangkat: new Date(checked.data.berangkat).getTime(),
        tiba: new Date(checked.data.tiba).getTime(),
      },
      props.kab,
    );
    if (problems.length > 0) {
      setIssues(issuesOfProblems(problems, tl));
      return;
    }
    setIssues({});
    save.mutate(checked.data);
  };

  const field = (name: string, label: string, input: InputHTMLAttributes<HTMLInputElement>) => (
    <Bidang name={name} label={label} issues={issues} idPrefix={id} {...input} />
  );
  const number = { type: 'number', inputMode: 'numeric', min: 0 } as const;
  return (
    <form className="form-grid" onSubmit={submit} aria-label={tl('log.form.title')} noValidate>
      <label htmlFor={`${id}-sebelumnya`} className="span-all">
        {tl('log.form.sebelumnya')}
        <select
          id={`${id}-sebelumnya`}
          name="sebelumnyaId"
          value={sebelumnyaId}
          onChange={(e) => setSebelumnyaId(e.target.value)}
        >
          <option value="">{tl('log.form.sebelumnyaTidak')}</option>
          {props.legs.map((l) => (
            <option key={l.id} value={l.id}>
              {l.dari.nama} → {l.ke.nama}
            </option>
          ))}
        </select>
        <FieldError id={errorIdIn(id, 'sebelumnyaId')} message={issues.sebelumnyaId} />
      </label>
      <TitikPicker
        side="dari"
        kab={props.kab}
        namaKab={props.namaKab}
        value={asal}
        onChange={setDari}
        kinds={DARI}
        issues={issues}
        fixedName={prev?.ke.nama ?? null}
      />
      <TitikPicker
        side="ke"
        kab={props.kab}
        namaKab={props.namaKab}
        value={ke}
        onChange={setKe}
        kinds={KE}
        issues={issues}
      />
      {(['berangkat', 'tiba'] as const).map((name) => (
        <BidangWaktu
          key={name}
          name={name}
          label={(zona) => tl(`log.form.${name}`, { zona })}
          kodeWilayah={props.kab}
          issues={issues}
          idPrefix={id}
          required
        />
      ))}
      <label htmlFor={`${id}-moda`}>
        {tl('log.form.moda')}
        <select id={`${id}-moda`} name="moda" defaultValue="darat">
          {MODA.map((m) => (
            <option key={m} value={m}>
              {tl(`log.moda.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {/* Text, not number: a comma decimal ("42,5") is how Indonesians write it (formNumber reads both). */}
      {field('jarakKm', tl('log.form.jarak'), { inputMode: 'decimal', autoComplete: 'off' })}
      {field('waktuTempuhMenit', tl('log.form.waktuTempuh'), number)}
      {field('kotak', tl('log.form.kotak'), number)}
      {field('suratSuara', tl('log.form.surat'), number)}
      {field('kebutuhanPengawal', tl('log.form.pengawal'), { ...number, defaultValue: 2 })}
      {field('keterangan', tl('log.form.keterangan'), { maxLength: 1000 })}
      <AkhirForm
        issues={issues}
        error={save.error}
        saved={saved ? tl('log.form.saved') : null}
        submit={tl('log.form.submit')}
        pending={save.isPending}
      />
    </form>
  );
}
