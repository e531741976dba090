import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Pemilihan, PemilihanCreateInput } from '../../../contracts/pemilihan';
import { pemilihanApi } from '../../../contracts/routes/pemilihan';
import { tpsApi } from '../../../contracts/routes/tps';
import { wilayahApi } from '../../../contracts/routes/wilayah';
import { JENIS_PEMILIHAN, indukRule, type JenisPemilihan } from '../../../domain/pemilihan/pemilihan';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { PEMILIHAN_KEY, usePemilihan } from './pemilihan-context';
import './i18n';

/** Every election that concerns the user, the one being worked in, and the form to record one. */
export function PemilihanPage() {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const { items, unavailable, current, choose } = usePemilihan();
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <div className="page-head">
        <h1>{t('pem.title')}</h1>
        {can('pemilihan:manage') && (
          <button type="button" className="primary" onClick={() => setCreating(!creating)}>
            {t('pem.create')}
          </button>
        )}
      </div>
      <p className="muted">{t('pem.intro')}</p>
      {creating && <CreateForm items={items} onDone={() => setCreating(false)} />}
      {items.length === 0 && <p>{t(unavailable ? 'pem.notStored' : 'pem.none')}</p>}
      <ul className="pemilihan-list" aria-label={t('pem.list')}>
        {items.map((p) => (
          <li key={p.id} className="card">
            <div className="pemilihan-row">
              <div>
                <Link to={`/pemilihan/${p.id}`}>
                  <strong>{p.nama}</strong>
                </Link>
                {p.isGenerated && <span className="badge">{t('pem.demo')}</span>}
                <div className="muted small">
                  {t(`pem.jenis.${p.jenis}`)} · {p.namaWilayah ?? t('pem.national')} ·{' '}
                  {formatDate(p.hariPemungutan)} · {t(`pem.fase.${p.fase}`)} ·{' '}
                  {t(`pem.hari.${p.hari.arah}`, { label: p.hari.label })}
                </div>
              </div>
              {p.id === current?.id ? (
                <span className="badge current">{t('pem.current')}</span>
              ) : (
                <button type="button" onClick={() => choose(p.id)}>
                  {t('pem.use')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Records an election: its kind, day and holding area; a Pilkades's desa; a PSU's parent and TPS. */
function CreateForm({ items, onDone }: { items: Pemilihan[]; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { choose } = usePemilihan();
  const [clientId] = useState(() => crypto.randomUUID());
  const [jenis, setJenis] = useState<JenisPemilihan>('pilkades');
  const [kodeWilayah, setKodeWilayah] = useState(user?.kodeWilayah ?? '');
  const [desa, setDesa] = useState<Set<string>>(new Set());
  const [tps, setTps] = useState<Set<string>>(new Set());
  const national = jenis === 'pemilu' || jenis === 'pilkada_serentak';
  const induk = indukRule(jenis);
  const create = useMutation({
    mutationFn: (body: PemilihanCreateInput) => call(pemilihanApi.create, { body }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: PEMILIHAN_KEY });
      choose(created.id);
      onDone();
      void navigate(`/pemilihan/${created.id}`);
    },
  });
  const issues = issuesOf(create.error);
  const errorId = useErrorIds();
  const wilayahHintId = `${useId()}-kodeWilayah-hint`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    create.mutate({
      clientId,
      nama: text('nama'),
      jenis,
      hariPemungutan: text('hariPemungutan'),
      kodeWilayah: national ? null : kodeWilayah.trim(),
      wilayahPeserta: jenis === 'pilkades' ? [...desa] : [],
      indukId: induk === 'tidak' ? null : text('indukId') || null,
      tps: jenis === 'psu' ? [...tps].map((tpsId) => ({ tpsId, alasan: '' })) : [],
      catatan: text('catatan'),
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('pem.create')}>
      <label>
        {t('pem.form.jenis')}
        <select name="jenis" value={jenis} onChange={(e) => setJenis(e.target.value as JenisPemilihan)}>
          {JENIS_PEMILIHAN.map((j) => (
            <option key={j} value={j}>
              {t(`pem.jenis.${j}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('pem.form.nama')}
        <input name="nama" required minLength={3} maxLength={200} aria-describedby={errorId('nama')} />
        <FieldError id={errorId('nama')} message={issues.nama} />
      </label>
      <label>
        {t('pem.form.hari')}
        <input type="date" name="hariPemungutan" required aria-describedby={errorId('hariPemungutan')} />
        <FieldError id={errorId('hariPemungutan')} message={issues.hariPemungutan} />
      </label>
      {!national && (
        <label>
          {t('pem.form.wilayah')}
          <input
            name="kodeWilayah"
            value={kodeWilayah}
            onChange={(e) => setKodeWilayah(e.target.value)}
            required
            inputMode="decimal"
            aria-describedby={`${wilayahHintId} ${errorId('kodeWilayah')}`}
          />
          <span id={wilayahHintId} className="muted small">
            {t('pem.form.wilayahHint')}
          </span>
          <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
        </label>
      )}
      {induk !== 'tidak' && (
        <label>
          {t('pem.form.induk')}
          <select name="indukId" required={induk === 'wajib'} aria-describedby={errorId('indukId')}>
            <option value="">—</option>
            {items
              .filter((p) => p.ditutupAt === null && p.jenis !== 'psu')
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.nama}
                </option>
              ))}
          </select>
          <FieldError id={errorId('indukId')} message={issues.indukId} />
        </label>
      )}
      {jenis === 'pilkades' && kodeWilayah.split('.').length === 2 && (
        <fieldset className="span-all">
          <legend>{t('pem.form.desa')}</legend>
          <p className="muted small">{t('pem.form.desaHint')}</p>
          <DesaPicker kabupaten={kodeWilayah.trim()} chosen={desa} onChange={setDesa} />
          <FieldError id={errorId('wilayahPeserta')} message={issues.wilayahPeserta} />
        </fieldset>
      )}
      {jenis === 'psu' && kodeWilayah.trim() !== '' && (
        <fieldset className="span-all">
          <legend>{t('pem.form.tps')}</legend>
          <p className="muted small">{t('pem.form.tpsHint')}</p>
          <TpsPicker scope={kodeWilayah.trim()} chosen={tps} onChange={setTps} />
          <FieldError id={errorId('tps')} message={issues.tps} />
        </fieldset>
      )}
      <label className="span-all">
        {t('pem.form.catatan')}
        <textarea name="catatan" maxLength={2000} rows={2} />
      </label>
      <ErrorMessage error={Object.keys(issues).length > 0 ? null : create.error} />
      <div className="span-all">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('pem.form.submit')}
        </button>
      </div>
    </form>
  );
}

function toggle(set: Set<string>, value: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

/** Checkboxes for a choice of many, with how many are chosen so far (across pages of the picker). */
function CheckList(props: {
  items: { value: string; label: string }[];
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
  unit: string;
}) {
  return (
    <>
      <ul className="check-list">
        {props.items.map((item) => (
          <li key={item.value}>
            <label className="check">
              <input
                type="checkbox"
                checked={props.chosen.has(item.value)}
                onChange={(e) => props.onChange(toggle(props.chosen, item.value, e.target.checked))}
              />
              {item.label}
            </label>
          </li>
        ))}
      </ul>
      <p className="small muted" aria-live="polite">
        {props.chosen.size} {props.unit}
      </p>
    </>
  );
}

/** Kecamatan of the kabupaten by name, then their desa to tick (a kelurahan holds no Pilkades). */
function DesaPicker(props: {
  kabupaten: string;
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
}) {
  const [kecamatan, setKecamatan] = useState('');
  const desaList = useQuery({
    queryKey: ['wilayah', 'children', kecamatan],
    queryFn: () => call(wilayahApi.children, { query: { parent: kecamatan } }),
    enabled: kecamatan !== '',
  });
  return (
    <div className="picker">
      <ChildSelect parent={props.kabupaten} label="Kecamatan" value={kecamatan} onChange={setKecamatan} />
      <ErrorMessage error={desaList.error} />
      <CheckList
        items={(desaList.data?.items ?? [])
          .filter((d) => d.jenis !== 'kelurahan')
          .map((d) => ({ value: d.kode, label: d.nama }))}
        chosen={props.chosen}
        onChange={props.onChange}
        unit="desa"
      />
    </div>
  );
}

/** A child area of `parent`, chosen by name. */
function ChildSelect(props: {
  parent: string;
  label: string;
  value: string;
  onChange: (kode: string) => void;
}) {
  const children = useQuery({
    queryKey: ['wilayah', 'children', props.parent],
    queryFn: () => call(wilayahApi.children, { query: { parent: props.parent } }),
    enabled: props.parent !== '',
  });
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">—</option>
        {children.data?.items.map((k) => (
          <option key={k.kode} value={k.kode}>
            {k.nama}
          </option>
        ))}
      </select>
    </label>
  );
}

/** TPS of one kelurahan at a time (chosen by name), to tick for a PSU. */
function TpsPicker(props: { scope: string; chosen: Set<string>; onChange: (next: Set<string>) => void }) {
  const [kecamatan, setKecamatan] = useState('');
  const [kelurahan, setKelurahan] = useState('');
  const list = useQuery({
    queryKey: ['tps', 'picker', kelurahan],
    queryFn: () => call(tpsApi.list, { query: { wilayah: kelurahan, pageSize: 200 } }),
    enabled: kelurahan !== '',
  });
  return (
    <div className="picker">
      <ChildSelect
        parent={props.scope}
        label="Kecamatan"
        value={kecamatan}
        onChange={(kode) => {
          setKecamatan(kode);
          setKelurahan('');
        }}
      />
      {kecamatan !== '' && (
        <ChildSelect parent={kecamatan} label="Kelurahan/desa" value={kelurahan} onChange={setKelurahan} />
      )}
      <ErrorMessage error={list.error} />
      <CheckList
        items={(list.data?.items ?? []).map((tps) => ({
          value: tps.id,
          label: `${tps.nama} · ${tps.namaKelurahan} · DPT ${tps.dptTotal}`,
        }))}
        chosen={props.chosen}
        onChange={props.onChange}
        unit="TPS"
      />
    </div>
  );
}
