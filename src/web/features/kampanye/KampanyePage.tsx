/**
 * Campaign events of a kab/kota with their flags (clash, masa tenang, rawan, no forces, no STTP), the
 * form with which the Polres and Bawaslu record one, the schedule import, and the paslon's posko.
 * Rules: docs/domain/kampanye.md.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { Kegiatan, KegiatanInput } from '../../../contracts/kampanye';
import { kampanyeApi } from '../../../contracts/routes/kampanye';
import { JENIS_KEGIATAN, FLAG_KEGIATAN } from '../../../domain/kampanye/kampanye';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formNumber, formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import './i18n';

const KEY = ['kampanye'] as const;

export function KampanyePage() {
  const { t, formatRange } = useI18n();
  const { user, can } = useSession();
  const [area, setArea] = useState<string | null>(user?.kodeWilayah ?? null);
  const wilayah = area ?? '';
  const kegiatan = useQuery({
    queryKey: [...KEY, 'kegiatan', wilayah],
    queryFn: () => call(kampanyeApi.kegiatan, { query: { wilayah } }),
    enabled: wilayah !== '',
  });
  const posko = useQuery({
    queryKey: [...KEY, 'posko', wilayah],
    queryFn: () => call(kampanyeApi.posko, { query: { wilayah } }),
    enabled: wilayah !== '',
  });
  return (
    <section>
      <div className="page-head">
        <h1>{t('kam.title')}</h1>
      </div>
      {user?.kodeWilayah === null && (
        <WilayahPicker
          scope={null}
          scopeName={null}
          value={area}
          onChange={setArea}
          label={t('kam.pickArea')}
          name="wilayah"
          maxDepth={2}
        />
      )}
      <ErrorMessage error={kegiatan.error} onRetry={() => void kegiatan.refetch()} />
      {kegiatan.data && (
        <>
          <p className="small" aria-label={t('kam.ringkasan')}>
            {FLAG_KEGIATAN.filter((f) => kegiatan.data.ringkasan[f] > 0).map((f) => (
              <span key={f} className={`badge flag-${f}`}>
                {t(`kam.flag.${f}`)}: {kegiatan.data.ringkasan[f]}
              </span>
            ))}
          </p>
          {kegiatan.data.items.length === 0 && <p>{t('kam.empty')}</p>}
          <ul className="rakor-list">
            {kegiatan.data.items.map((k) => (
              <KegiatanRow key={k.id} item={k} />
            ))}
          </ul>
        </>
      )}
      {can('kampanye:manage') && wilayah !== '' && (
        <KegiatanForm
          wilayah={wilayah}
          namaWilayah={area === user?.kodeWilayah ? (user?.namaWilayah ?? null) : null}
        />
      )}
      {can('kampanye:manage') && wilayah.split('.').length === 2 && <ImporJadwal wilayah={wilayah} />}
      <h2>{t('kam.posko')}</h2>
      {posko.data && posko.data.items.length === 0 && <p>{t('kam.posko.empty')}</p>}
      <ul className="rakor-list">
        {posko.data?.items.map((p) => (
          <li key={p.id} className="card">
            <strong>{p.nama}</strong> · {p.paslon.nomorUrut}. {p.paslon.nama}
            <div className="muted small">
              {p.namaWilayah} · {p.alamat}
            </div>
            <div className="small">
              {t('kam.posko.kontak', { nama: p.kontakNama, telepon: p.kontakTelepon })}
            </div>
            {p.jagaMulai && p.jagaSelesai && (
              <div className="small">
                {t('kam.posko.jaga', { waktu: formatRange(p.jagaMulai, p.jagaSelesai, p.kodeWilayah) })} ·{' '}
                {t('kam.personel', { n: p.personel, need: p.kebutuhanPolri })}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function KegiatanRow({ item }: { item: Kegiatan }) {
  const { t, formatRange } = useI18n();
  return (
    <li className="card" data-testid="kegiatan-row">
      <strong>{item.judul}</strong> <span className="badge">{t(`kam.jenis.${item.jenis}`)}</span>
      {item.dibatalkan && <span className="badge">{t('kam.dibatalkan')}</span>}
      {item.flags.map((f) => (
        <span key={f} className={`badge warn flag-${f}`} data-testid={`flag-${f}`}>
          {t(`kam.flag.${f}`)}
        </span>
      ))}
      <div className="muted small">
        {item.paslon ? `${item.paslon.nomorUrut}. ${item.paslon.nama}` : t('kam.paslonAll')} ·{' '}
        {item.namaWilayah}
        {item.alamat && ` · ${item.alamat}`}
      </div>
      <div className="small">
        {formatRange(item.mulaiAt, item.selesaiAt, item.kodeWilayah)}
        {item.sttpNomor && ` · STTP ${item.sttpNomor}`}
        {item.perkiraanMassa !== null && ` · ${t('kam.massa')}: ${item.perkiraanMassa}`}
      </div>
      {item.tugas && (
        <div className="small">
          {t('kam.personel', { n: item.personel, need: item.tugas.kebutuhan.polri })}
        </div>
      )}
      {item.bentrokDengan.length > 0 && (
        <div className="small error">
          {t('kam.bentrokDengan', { list: item.bentrokDengan.map((b) => b.judul).join(', ') })}
        </div>
      )}
    </li>
  );
}

function KegiatanForm({ wilayah, namaWilayah }: { wilayah: string; namaWilayah: string | null }) {
  const { t, errorText } = useI18n();
  const client = useQueryClient();
  const [place, setPlace] = useState<string | null>(null);
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState(false);
  const paslon = useQuery({
    queryKey: [...KEY, 'paslon', wilayah],
    queryFn: () => call(kampanyeApi.paslon, { query: { wilayah } }),
  });
  const save = useMutation({
    mutationFn: (body: KegiatanInput) => call(kampanyeApi.createKegiatan, { body }),
    onSuccess: () => {
      setSaved(true);
      setClientId(crypto.randomUUID());
      void client.invalidateQueries({ queryKey: KEY });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const lat = formNumber(form, 'lat');
    const lon = formNumber(form, 'lon');
    const paslonId = formText(form, 'paslonId');
    save.mutate({
      clientId,
      jenis: formText(form, 'jenis') as KegiatanInput['jenis'],
      paslonId: paslonId === '' ? null : paslonId,
      judul: formText(form, 'judul'),
      kodeWilayah: place ?? '',
      tempat: lat !== null && lon !== null ? [[lon, lat]] : [],
      alamat: formText(form, 'alamat') || null,
      mulaiAt: waktuForm(form, 'mulai', place ?? wilayah),
      selesaiAt: waktuForm(form, 'selesai', place ?? wilayah),
      sttpNomor: formText(form, 'sttp') || null,
      perkiraanMassa: formNumber(form, 'massa'),
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('kam.add')}>
      <h2>{t('kam.add')}</h2>
      <label>
        {t('kam.jenis')}
        <select name="jenis" required defaultValue="rapat_umum">
          {JENIS_KEGIATAN.map((j) => (
            <option key={j} value={j}>
              {t(`kam.jenis.${j}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('kam.paslon')}
        <select name="paslonId" defaultValue="">
          <option value="">{t('kam.paslonAll')}</option>
          {paslon.data?.items.map((p) => (
            <option key={p.id} value={p.id}>
              {p.nomorUrut}. {p.nama}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('kam.judul')}
        <input name="judul" required maxLength={200} />
      </label>
      <WilayahPicker
        scope={wilayah}
        scopeName={namaWilayah}
        value={place}
        onChange={setPlace}
        label={t('kam.tempat')}
        name="kodeWilayah"
      />
      <label>
        {t('kam.alamat')}
        <input name="alamat" maxLength={300} />
      </label>
      <WaktuSetempatInput
        label={(zona) => t('kam.mulai', { zona })}
        kodeWilayah={place ?? wilayah}
        name="mulai"
        required
      />
      <WaktuSetempatInput
        label={(zona) => t('kam.selesai', { zona })}
        kodeWilayah={place ?? wilayah}
        name="selesai"
        required
      />
      <label>
        {t('kam.sttp')}
        <input name="sttp" maxLength={100} />
      </label>
      <label>
        {t('kam.massa')}
        <input name="massa" type="number" min={0} inputMode="numeric" />
      </label>
      <label>
        {t('kam.lat')}
        <input name="lat" inputMode="decimal" />
      </label>
      <label>
        {t('kam.lon')}
        <input name="lon" inputMode="decimal" />
      </label>
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
      {saved && (
        <p role="status" className="success">
          {t('kam.saved')}
        </p>
      )}
      <button className="primary" type="submit" disabled={save.isPending}>
        {t('kam.save')}
      </button>
    </form>
  );
}

const ImportErrors = z.array(z.object({ row: z.number(), column: z.string(), reason: z.string() }));

function ImporJadwal({ wilayah }: { wilayah: string }) {
  const { t, errorText } = useI18n();
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (body: FormData) => call(kampanyeApi.imporJadwal, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
  const rows =
    upload.error instanceof ApiError
      ? (ImportErrors.safeParse((upload.error.details as { errors?: unknown } | undefined)?.errors).data ??
        [])
      : [];
  return (
    <form
      className="card form-grid"
      aria-label={t('kam.impor')}
      onSubmit={(event) => {
        event.preventDefault();
        const body = new FormData(event.currentTarget);
        body.set('wilayah', wilayah);
        upload.mutate(body);
      }}
    >
      <h2>{t('kam.impor')}</h2>
      <p className="muted small">{t('kam.impor.help')}</p>
      <label>
        {t('kam.impor.file')}
        <input name="file" type="file" accept=".xlsx,.csv" required />
      </label>
      {upload.data && (
        <p role="status" className="success">
          {t('kam.impor.done', { n: upload.data.imported })}
        </p>
      )}
      {upload.error && (
        <div role="alert" className="error">
          <p>{errorText(upload.error)}</p>
          <ul>
            {rows.slice(0, 50).map((r, i) => (
              <li key={i}>{t('kam.impor.row', { row: r.row, column: r.column, reason: r.reason })}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" disabled={upload.isPending}>
        {t('kam.impor.submit')}
      </button>
    </form>
  );
}
