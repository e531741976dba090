/**
 * One officer entered or corrected by hand on a TPS's page: KPPS, Linmas and pengawas TPS of this
 * TPS, or the PPS (its kelurahan) and PPK (its kecamatan). NIK, phone and birth date are entered
 * only by those who may see them (UU 27/2022, docs/domain/petugas.md §Privacy): the server refuses
 * them from anyone else and the form does not offer them. A change is sent against the version read.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  type PetugasCreateInput,
  type PetugasUpdateInput,
  type PetugasView,
  type TpsRoster,
} from '../../../contracts/petugas';
import {
  JABATAN_PETUGAS,
  JENIS_PETUGAS,
  isPerTps,
  type JabatanPetugas,
  type JenisPetugas,
} from '../../../domain/petugas/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, issuesOf, useErrorIds, type Issues } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_FORM } from './form-teks';
import './i18n';

/** Linmas and pengawas TPS have no chair (the server says the same: KEBUTUHAN_TPS). */
function jabatanFor(jenis: JenisPetugas): readonly JabatanPetugas[] {
  return jenis === 'linmas' || jenis === 'pengawas_tps'
    ? JABATAN_PETUGAS.filter((j) => j !== 'ketua')
    : JABATAN_PETUGAS;
}

/**
 * Field → message from the API's answer: the contract's issues and a service's `details.field`,
 * whatever its code (a NIK already serving is `conflict`, a full TPS `invalid_state`).
 */
function fieldIssues(error: unknown): Issues {
  const issues = issuesOf(error);
  if (error instanceof ApiError && error.code !== 'validation') {
    const field = (error.details as { field?: unknown } | undefined)?.field;
    if (typeof field === 'string' && field !== 'version') return { ...issues, [field]: error.message };
  }
  return issues;
}

type FieldName = 'jenis' | 'jabatan' | 'nama' | 'nik' | 'telepon' | 'tanggalLahir' | 'jenisKelamin';
type ControlProps = { id: string; name: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

export function PetugasForm({
  roster,
  petugas,
  onDone,
  onCancel,
}: {
  roster: TpsRoster;
  /** The officer to change; none to add one. */
  petugas?: PetugasView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const tf = useTeks(TEKS_FORM);
  const [jenis, setJenis] = useState<JenisPetugas>(petugas?.jenis ?? 'kpps');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const identitas = roster.akses.identitas;
  const issues = fieldIssues(error);
  const errorId = useErrorIds();
  const stale =
    error instanceof ApiError && (error.details as { field?: unknown } | undefined)?.field === 'version';
  const prefix = petugas ? `petugas-${petugas.id}` : 'petugas-baru';
  /** One labelled control with the API's message under it, marked for screen readers. */
  const field = (name: FieldName, control: (props: ControlProps) => ReactNode) => (
    <label htmlFor={`${prefix}-${name}`}>
      {tf(`${name}`)}
      {control({
        id: `${prefix}-${name}`,
        name,
        ...(issues[name] ? { 'aria-invalid': true, 'aria-describedby': errorId(name) } : {}),
      })}
      <FieldError id={errorId(name)} message={issues[name]} />
    </label>
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    const orNull = (name: string) => (text(name) === '' ? null : text(name));
    const jabatan = text('jabatan') as JabatanPetugas;
    const jenisKelamin = orNull('jenisKelamin') as 'L' | 'P' | null;
    setBusy(true);
    setError(null);
    try {
      if (petugas) {
        const next = {
          jabatan,
          nama: text('nama'),
          jenisKelamin,
          ...(identitas
            ? { nik: text('nik'), telepon: orNull('telepon'), tanggalLahir: orNull('tanggalLahir') }
            : {}),
        };
        // Only what changed travels: a reader without identity access never sends identity.
        const changed = Object.fromEntries(
          Object.entries(next).filter(([key, value]) => value !== petugas[key as keyof typeof next]),
        );
        if (Object.keys(changed).length === 0) {
          onDone(tf('tidakBerubah'));
          return;
        }
        const body: PetugasUpdateInput = { version: petugas.version, ...changed };
        await call(petugasApi.update, { params: { id: petugas.id }, body });
        onDone(tf('diubah', { nama: text('nama') }));
      } else {
        const desa = roster.tps.kodeWilayah;
        const body: PetugasCreateInput = {
          jenis,
          jabatan,
          kodeWilayah: jenis === 'ppk' ? desa.split('.').slice(0, 3).join('.') : desa,
          tpsId: isPerTps(jenis) ? roster.tps.id : null,
          nama: text('nama'),
          nik: text('nik'),
          telepon: orNull('telepon'),
          tanggalLahir: orNull('tanggalLahir'),
          jenisKelamin,
        };
        await call(petugasApi.create, { body });
        onDone(
          isPerTps(jenis)
            ? tf('tersimpan', { nama: body.nama })
            : tf('tersimpanWilayah', { nama: body.nama, jenis: t(`petugas.jenis.${jenis}`) }),
        );
      }
    } catch (e) {
      setError(e);
      // Someone changed this officer first: read them again; what was typed stays in the form.
      if (e instanceof ApiError && e.code === 'conflict')
        void queryClient.invalidateQueries({ queryKey: ['petugas'] });
    } finally {
      setBusy(false);
    }
  }

  const title = petugas
    ? tf('ubahTitle', { nama: petugas.nama })
    : tf('tambahTitle', { tps: `${roster.tps.nama} ${roster.tps.namaDesa}` });
  return (
    <form
      className="form-grid petugas-form"
      onSubmit={(e) => void submit(e)}
      aria-label={title}
      noValidate
      data-testid={petugas ? 'petugas-ubah-form' : 'petugas-tambah-form'}
    >
      <h3 className="span-all">{title}</h3>
      {petugas ? (
        <p className="span-all small">
          {tf('jenis')}: <strong>{t(`petugas.jenis.${petugas.jenis}`)}</strong>
        </p>
      ) : (
        field('jenis', (props) => (
          <select {...props} value={jenis} onChange={(e) => setJenis(e.target.value as JenisPetugas)}>
            {JENIS_PETUGAS.map((j) => (
              <option key={j} value={j}>
                {t(`petugas.jenis.${j}`)}
              </option>
            ))}
          </select>
        ))
      )}
      {field('jabatan', (props) => (
        <select {...props} defaultValue={petugas?.jabatan ?? 'anggota'} key={jenis}>
          {jabatanFor(jenis).map((j) => (
            <option key={j} value={j}>
              {t(`petugas.jabatan.${j}`)}
            </option>
          ))}
        </select>
      ))}
      {field('nama', (props) => (
        <input
          {...props}
          required
          minLength={2}
          maxLength={120}
          autoComplete="off"
          defaultValue={petugas?.nama ?? ''}
        />
      ))}
      {identitas && (
        <>
          {field('nik', (props) => (
            <input
              {...props}
              required
              inputMode="numeric"
              maxLength={16}
              autoComplete="off"
              defaultValue={petugas?.nik ?? ''}
            />
          ))}
          {field('telepon', (props) => (
            <input
              {...props}
              type="tel"
              inputMode="tel"
              maxLength={20}
              autoComplete="off"
              defaultValue={petugas?.telepon ?? ''}
            />
          ))}
          {field('tanggalLahir', (props) => (
            <input {...props} type="date" defaultValue={petugas?.tanggalLahir ?? ''} />
          ))}
        </>
      )}
      {field('jenisKelamin', (props) => (
        <select {...props} defaultValue={petugas?.jenisKelamin ?? ''}>
          <option value="">{tf('jenisKelamin.kosong')}</option>
          <option value="L">{tf('jenisKelamin.L')}</option>
          <option value="P">{tf('jenisKelamin.P')}</option>
        </select>
      ))}
      {!identitas && <p className="span-all small muted">{tf('identitasTerbatas')}</p>}
      <div className="span-all">
        {stale ? (
          <p role="alert" className="error">
            {tf('versi')}
          </p>
        ) : Object.keys(issues).length > 0 ? (
          <p role="alert" className="error">
            {tf('galat')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
      </div>
      <div className="actions span-all">
        <button type="submit" className="primary" disabled={busy}>
          {t('petugas.simpan')}
        </button>
        <button type="button" onClick={onCancel}>
          {tf('batal')}
        </button>
      </div>
    </form>
  );
}
