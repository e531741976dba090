import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RekapLokasiInput, RekapVenue } from '../../../contracts/rekapitulasi';
import { rekapitulasiApi } from '../../../contracts/routes/rekapitulasi';
import { isInScope } from '../../../domain/access/scope';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formNumber, formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { RegionPicker } from '../koordinasi/RegionPicker';
import { useRegion } from '../koordinasi/useRegion';
import './i18n';

const KINDS = ['polri', 'tni', 'linmas', 'satpolPp'] as const;

/**
 * After the vote: where and when each PPK and the KPU kab/kota recapitulate, and whether the forces
 * that guard them are complete (each venue is a duty of the pengamanan plan). Kesbangpol sets the
 * venues; the Polres staffs them on the pengamanan page.
 */
export function RekapitulasiPage() {
  const { t } = useI18n();
  const { can, user } = useSession();
  const [kode, setKode] = useRegion();
  const asked = kode !== null && kode.split('.').length >= 2 ? kode.split('.').slice(0, 3).join('.') : null;
  const list = useQuery({
    queryKey: ['rekapitulasi', asked],
    queryFn: () => call(rekapitulasiApi.list, { params: { kode: asked ?? '' } }),
    enabled: asked !== null,
  });
  if (asked === null) {
    return (
      <section>
        <h1>{t('rekap.title')}</h1>
        <RegionPicker onPick={setKode} />
      </section>
    );
  }
  const data = list.data;
  return (
    <section>
      <h1>
        {t('rekap.title')}
        {data ? ` · ${data.namaWilayah}` : ''}
      </h1>
      <p className="muted">{t('rekap.intro')}</p>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {data && (
        <p data-testid="rekap-ringkasan">
          {t('rekap.ringkasan', {
            ditetapkan: data.items.filter((v) => v.lokasi !== null).length,
            semua: data.items.length,
          })}
          {data.items.some((v) => v.tugas !== null) &&
            ` ${t('rekap.ringkasanKurang', {
              kurang: data.items.filter((v) => v.tugas !== null && !v.tugas.terpenuhi).length,
            })}`}
        </p>
      )}
      {data && (
        <ul className="rekap-list" aria-label={t('rekap.title')}>
          {data.items.map((v) => (
            <li key={v.kodeWilayah}>
              <Venue
                venue={v}
                // A camat may manage their own kecamatan's venue, never the KPU kab/kota's.
                canEdit={
                  can('koordinasi:manage') &&
                  isInScope({ kodeWilayah: user?.kodeWilayah ?? null }, v.kodeWilayah)
                }
                defaults={data.kebutuhanDefault[v.tingkat]}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Venue({
  venue,
  canEdit,
  defaults,
}: {
  venue: RekapVenue;
  canEdit: boolean;
  defaults: RekapLokasiInput['kebutuhan'];
}) {
  const { t, formatRange, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  const v = venue;
  const judul = v.tingkat === 'ppk' ? t('rekap.ppk', { nama: v.nama }) : t('rekap.kpu', { nama: v.nama });
  return (
    <article className="card" data-testid={`rekap-${v.kodeWilayah}`} aria-label={judul}>
      <h2>{judul}</h2>
      <p className="muted small">
        {v.tahapan
          ? t('rekap.tahap', {
              nama: v.tahapan.nama,
              dari: formatDate(v.tahapan.mulaiOn),
              sampai: formatDate(v.tahapan.selesaiOn),
            })
          : t('rekap.tanpaTahap')}
      </p>
      {v.lokasi ? (
        <>
          <p>
            <strong>{v.lokasi.tempat}</strong>
            {v.lokasi.alamat ? ` · ${v.lokasi.alamat}` : ''}
          </p>
          <p>{formatRange(v.lokasi.mulai, v.lokasi.selesai, v.kodeWilayah)}</p>
          {!v.lokasi.dalamTahapan && (
            <p className="peringatan" role="status">
              {t('rekap.diLuarTahap')}
            </p>
          )}
        </>
      ) : (
        <p className="peringatan">{t('rekap.belum')}</p>
      )}
      {v.tugas && (
        <div className={v.tugas.terpenuhi ? 'success' : 'peringatan'} data-testid="rekap-personel">
          <p>
            {v.tugas.terpenuhi
              ? t('rekap.personelLengkap')
              : t('rekap.personelKurang', {
                  rincian: KINDS.filter((k) => v.tugas!.kurang[k] > 0)
                    .map((k) => `${v.tugas!.kurang[k]} ${t(`rekap.kind.${k}`)}`)
                    .join(', '),
                })}
          </p>
          {v.tugas.petugas.length > 0 && (
            <p className="muted small">{v.tugas.petugas.map((p) => `${p.nama} (${p.jumlah})`).join(', ')}</p>
          )}
        </div>
      )}
      {canEdit &&
        v.tahapan &&
        (editing ? (
          <VenueForm venue={v} defaults={defaults} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" onClick={() => setEditing(true)}>
            {v.lokasi ? t('rekap.ubah') : t('rekap.tetapkan')}
          </button>
        ))}
    </article>
  );
}

function VenueForm({
  venue,
  defaults,
  onDone,
}: {
  venue: RekapVenue;
  defaults: RekapLokasiInput['kebutuhan'];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (input: RekapLokasiInput) =>
      call(rekapitulasiApi.put, { params: { kode: venue.kodeWilayah }, body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['rekapitulasi'] });
      onDone();
    },
  });
  const kebutuhan = venue.tugas?.kebutuhan ?? defaults;
  const firstDay = venue.tahapan ? `${venue.tahapan.mulaiOn}T08:00` : '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const at = (name: string) => waktuForm(form, name, venue.kodeWilayah);
    save.mutate({
      tempat: formText(form, 'tempat'),
      alamat: formText(form, 'alamat'),
      mulai: at('mulai'),
      selesai: at('selesai'),
      kebutuhan: {
        polri: formNumber(form, 'polri') ?? 0,
        tni: formNumber(form, 'tni') ?? 0,
        linmas: formNumber(form, 'linmas') ?? 0,
        satpolPp: formNumber(form, 'satpolPp') ?? 0,
      },
      ...(venue.lokasi ? { version: venue.lokasi.version } : {}),
    });
  };
  const id = (name: string) => `${venue.kodeWilayah}-${name}`;
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('rekap.form')}>
      <label htmlFor={id('tempat')}>
        {t('rekap.tempat')}
        <input
          id={id('tempat')}
          name="tempat"
          required
          maxLength={200}
          defaultValue={venue.lokasi?.tempat ?? ''}
        />
      </label>
      <label htmlFor={id('alamat')}>
        {t('rekap.alamat')}
        <input id={id('alamat')} name="alamat" maxLength={300} defaultValue={venue.lokasi?.alamat ?? ''} />
      </label>
      <WaktuSetempatInput
        id={id('mulai')}
        label={(zona) => t('rekap.mulai', { zona })}
        kodeWilayah={venue.kodeWilayah}
        name="mulai"
        required
        {...(venue.lokasi ? { defaultInstant: venue.lokasi.mulai } : { defaultValue: firstDay })}
      />
      <WaktuSetempatInput
        id={id('selesai')}
        label={(zona) => t('rekap.selesai', { zona })}
        kodeWilayah={venue.kodeWilayah}
        name="selesai"
        required
        {...(venue.lokasi ? { defaultInstant: venue.lokasi.selesai } : {})}
      />
      <fieldset className="span-all">
        <legend>{t('rekap.kebutuhan')}</legend>
        {KINDS.map((k) => (
          <label key={k} htmlFor={id(k)}>
            {t(`rekap.kind.${k}`)}
            <input
              id={id(k)}
              name={k}
              type="number"
              inputMode="numeric"
              min={0}
              max={5000}
              defaultValue={kebutuhan[k]}
            />
          </label>
        ))}
      </fieldset>
      <div className="span-all actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('rekap.simpan')}
        </button>
        <button type="button" onClick={onDone}>
          {t('rekap.batal')}
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
