/**
 * The people of one TPS: who is missing, each officer (NIK, phone and health shown only to those who
 * need them, masked otherwise), hours on duty with the fatigue warning and a suggested relief; the
 * KPPS chair checks members in and out and reports one who falls ill, through the phone's outbox
 * (works offline, sent once); the Dinas Kesehatan records the Puskesmas check.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  HasilSkrining,
  KondisiInsiden,
  PenangananInsiden,
  type PetugasView,
  type TpsRoster,
} from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import {
  FAKTOR_RISIKO,
  HASIL_SKRINING,
  PENANGANAN_INSIDEN,
  KONDISI_INSIDEN,
  STATUS_SANTUNAN,
  type FaktorRisiko,
  type StatusSantunan,
} from '../../../domain/petugas/petugas';
import { ApiError, call } from '../../api/client';
import { formText } from '../../components/form-text';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n, useTeks } from '../../i18n/i18n';
import { fileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { TEKS_FORM } from './form-teks';
import { PetugasForm } from './PetugasForm';
import './i18n';

const KELELAHAN_CLASS = { normal: 'badge current', peringatan: 'badge', bahaya: 'badge danger' } as const;

/**
 * The roster; with no signal, the copy this phone kept for offline check-in (masked NIK and phone,
 * no health data: docs/domain/petugas.md §Data di ponsel). The unmasked answer is never kept (sw.ts),
 * so whoever checks members in (the KPPS chair) also asks for the masked copy, which is kept.
 */
async function rosterOf(id: string): Promise<TpsRoster> {
  try {
    const full = await call(petugasApi.roster, { params: { id } });
    if (full.akses.hadir && (full.akses.identitas || full.akses.kesehatan)) {
      void call(petugasApi.roster, { params: { id }, query: { luring: '1' } }).catch(() => undefined);
    }
    return full;
  } catch (error) {
    // Only when the server could not be reached: a refusal stays a refusal.
    if (!(error instanceof ApiError && error.status === 0)) throw error;
    return call(petugasApi.roster, { params: { id }, query: { luring: '1' } }).catch(() => {
      throw error;
    });
  }
}

export function PetugasTpsPage() {
  const { t } = useI18n();
  const tf = useTeks(TEKS_FORM);
  const { id = '' } = useParams();
  const roster = useQuery({
    queryKey: ['petugas', 'roster', id],
    queryFn: () => rosterOf(id),
  });
  const r = roster.data;
  // When a check-in happened: now unless the chair records one that happened earlier.
  const [waktu, setWaktu] = useState('');
  const [menambah, setMenambah] = useState(false);
  const [tersimpan, setTersimpan] = useState<string | null>(null);
  const queryClient = useQueryClient();
  return (
    <section className="petugas-tps">
      <p className="small">
        {r && <Link to={`/petugas?wilayah=${r.tps.kodeWilayah}`}>← {r.tps.namaDesa}</Link>}
      </p>
      <h1>
        {t('petugas.title')}
        {r ? ` · ${r.tps.nama} ${r.tps.namaDesa}` : ''}
      </h1>
      <ErrorMessage error={roster.error} onRetry={() => void roster.refetch()} />
      {r && (
        <>
          <div className="card" data-testid="petugas-kelengkapan">
            {r.lengkap ? (
              <span className="badge current">{t('petugas.lengkap')}</span>
            ) : (
              <p>
                <span className="badge">{t('petugas.kurang')}</span>{' '}
                {r.kekurangan.map((k) => t(`petugas.kekurangan.${k}`)).join(', ')}
              </p>
            )}
            <p className="small">
              {t('petugas.susunan', r.susunan)} ·{' '}
              {t('petugas.aturan', { peringatan: r.aturan.jamPeringatan, bahaya: r.aturan.jamBahaya })}
            </p>
            {!r.akses.identitas && <p className="small muted">{t('petugas.tersamar')}</p>}
            {r.akses.kelola && r.akses.identitas && !menambah && (
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    setTersimpan(null);
                    setMenambah(true);
                  }}
                >
                  {tf('tambah')}
                </button>
              </div>
            )}
            {tersimpan && (
              <p role="status" className="small success">
                {tersimpan}
              </p>
            )}

            {r.akses.hadir && (
              <label className="small">
                {t('petugas.waktuHadir')}{' '}
                <input
                  type="datetime-local"
                  value={waktu}
                  onChange={(e) => setWaktu(e.target.value)}
                  data-testid="waktu-hadir"
                />
              </label>
            )}
          </div>
          {menambah && (
            <div className="card">
              <PetugasForm
                roster={r}
                onCancel={() => setMenambah(false)}
                onDone={(message) => {
                  setMenambah(false);
                  setTersimpan(message);
                  void queryClient.invalidateQueries({ queryKey: ['petugas'] });
                }}
              />
            </div>
          )}
          {r.peringatan.length > 0 && (
            <div className="card level-waspada" role="alert" data-testid="petugas-peringatan">
              <h2>{t('petugas.peringatanTitle')}</h2>
              <ul>
                {r.peringatan.map((p) => (
                  <li key={p.petugasId}>
                    <strong>{p.nama}</strong>: {t(`petugas.kelelahan.${p.tingkat}`)} (
                    {t('petugas.jam', { jam: p.jam })}).{' '}
                    {p.pengganti.length > 0
                      ? t('petugas.pengganti', {
                          nama: p.pengganti
                            .map((c) => `${c.nama} (${t('petugas.jam', { jam: c.jam })})`)
                            .join(', '),
                        })
                      : t('petugas.tanpaPengganti')}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ul className="plain-list">
            {r.petugas.map((p) => (
              <PetugasItem key={p.id} petugas={p} roster={r} waktu={waktu} />
            ))}
          </ul>
          {r.insiden.length > 0 && <InsidenList roster={r} />}
        </>
      )}
    </section>
  );
}

function PetugasItem({
  petugas: p,
  roster,
  waktu,
}: {
  petugas: PetugasView;
  roster: TpsRoster;
  waktu: string;
}) {
  const { t, formatDateTime } = useI18n();
  const tf = useTeks(TEKS_FORM);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<'ubah' | 'skrining' | 'insiden' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['petugas'] });

  const hadir = (jenis: 'masuk' | 'keluar') => {
    const clientId = crypto.randomUUID();
    void fileSubmission({
      id: clientId,
      kind: 'hadir-petugas',
      label: `${p.nama}: ${t(`petugas.hadir.${jenis}`)}`,
      requests: [
        outboxRequest('petugas.hadir', petugasApi.hadir, {
          body: {
            clientId,
            petugasId: p.id,
            jenis,
            // datetime-local is the phone's local time, which Date reads as such.
            pada: (waktu === '' ? new Date() : new Date(waktu)).toISOString(),
          },
        }),
      ],
    }).then(() => {
      setNotice(t(`petugas.hadir.tercatat.${jenis}`));
      return refresh();
    });
  };

  return (
    <li className="card" data-testid={`petugas-${p.id}`}>
      <div>
        <strong>{p.nama}</strong> · {t(`petugas.jenis.${p.jenis}`)} {t(`petugas.jabatan.${p.jabatan}`)}{' '}
        <span className={KELELAHAN_CLASS[p.kelelahan]} data-testid="kelelahan">
          {p.sedangBertugas ? t('petugas.bertugas') : t('petugas.tidakBertugas')} ·{' '}
          {t('petugas.jam', { jam: p.jam })}
          {p.kelelahan !== 'normal' ? ` · ${t(`petugas.kelelahan.${p.kelelahan}`)}` : ''}
        </span>
      </div>
      <div className="small">
        {t('petugas.nik')}: <span data-testid="nik">{p.nik}</span>
        {p.telepon !== null && (
          <>
            {' '}
            · {t('petugas.telepon')}: {p.telepon}
          </>
        )}
        {p.usia !== null && <> · {t('petugas.usia', { usia: p.usia })}</>}
      </div>
      <div className="small">
        {t('petugas.skrining')}: {t(`petugas.skriningStatus.${p.skriningStatus}`)}
        {p.skrining && (
          <span data-testid="skrining-hasil">
            {' '}
            · {t(`petugas.hasil.${p.skrining.hasil}`)}
            {p.skrining.sistolik !== null && ` · ${p.skrining.sistolik}/${p.skrining.diastolik} mmHg`}
            {p.skrining.faktorRisiko.length > 0 &&
              ` · ${p.skrining.faktorRisiko.map((f) => t(`petugas.faktor.${f}`)).join(', ')}`}
          </span>
        )}
      </div>
      {p.shifts.length > 0 && (
        <div className="small muted">
          {p.shifts
            .map((s) => `${formatDateTime(s.masuk)} – ${s.keluar === null ? '…' : formatDateTime(s.keluar)}`)
            .join('; ')}
        </div>
      )}
      <div className="actions">
        {roster.akses.hadir &&
          (p.sedangBertugas ? (
            <button type="button" onClick={() => hadir('keluar')}>
              {t('petugas.hadir.keluar')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => hadir('masuk')}>
              {t('petugas.hadir.masuk')}
            </button>
          ))}
        {roster.akses.kelola && (
          <button type="button" onClick={() => setOpen(open === 'ubah' ? null : 'ubah')}>
            {tf('ubah')}
          </button>
        )}
        {roster.akses.kesehatan && (
          <button type="button" onClick={() => setOpen(open === 'skrining' ? null : 'skrining')}>
            {t('petugas.catatSkrining')}
          </button>
        )}
        {roster.akses.insiden && (
          <button type="button" onClick={() => setOpen(open === 'insiden' ? null : 'insiden')}>
            {t('petugas.laporInsiden')}
          </button>
        )}
      </div>
      {notice && (
        <p role="status" className="small success">
          {notice}
        </p>
      )}
      {open === 'ubah' && (
        <PetugasForm
          roster={roster}
          petugas={p}
          onCancel={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            setNotice(message);
            void refresh();
          }}
        />
      )}
      {open === 'skrining' && (
        <SkriningForm
          petugas={p}
          onDone={() => {
            setOpen(null);
            setNotice(t('petugas.skriningTersimpan'));
            void refresh();
          }}
        />
      )}
      {open === 'insiden' && (
        <InsidenForm
          petugas={p}
          onDone={() => {
            setOpen(null);
            setNotice(t('petugas.insidenTerkirim'));
            void refresh();
          }}
        />
      )}
    </li>
  );
}

function SkriningForm({ petugas, onDone }: { petugas: PetugasView; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [faktor, setFaktor] = useState<FaktorRisiko[]>([]);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => (form.get(name) === '' ? null : Number(form.get(name)));
    try {
      await call(petugasApi.skrining, {
        params: { id: petugas.id },
        body: {
          diperiksaOn: formText(form, 'diperiksaOn'),
          fasilitas: formText(form, 'fasilitas'),
          sistolik: number('sistolik'),
          diastolik: number('diastolik'),
          gulaDarah: number('gulaDarah'),
          faktorRisiko: faktor,
          hasil: HasilSkrining.parse(form.get('hasil')),
          catatan: formText(form, 'catatan'),
        },
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('petugas.catatSkrining')}>
      <label>
        {t('petugas.diperiksaOn')}
        <input type="date" name="diperiksaOn" required defaultValue={new Date().toISOString().slice(0, 10)} />
      </label>
      <label>
        {t('petugas.fasilitas')}
        <input name="fasilitas" maxLength={120} />
      </label>
      <label>
        {t('petugas.sistolik')}
        <input type="number" name="sistolik" min={50} max={300} inputMode="numeric" />
      </label>
      <label>
        {t('petugas.diastolik')}
        <input type="number" name="diastolik" min={30} max={200} inputMode="numeric" />
      </label>
      <label>
        {t('petugas.gulaDarah')}
        <input type="number" name="gulaDarah" min={20} max={1000} inputMode="numeric" />
      </label>
      <fieldset className="span-all">
        <legend>{t('petugas.faktorRisiko')}</legend>
        {FAKTOR_RISIKO.filter((f) => f !== 'usia_lanjut').map((f) => (
          <label key={f} className="inline">
            <input
              type="checkbox"
              checked={faktor.includes(f)}
              onChange={(e) => setFaktor(e.target.checked ? [...faktor, f] : faktor.filter((x) => x !== f))}
            />{' '}
            {t(`petugas.faktor.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('petugas.hasilLabel')}
        <select name="hasil" required defaultValue="layak">
          {HASIL_SKRINING.map((h) => (
            <option key={h} value={h}>
              {t(`petugas.hasil.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('petugas.catatan')}
        <input name="catatan" maxLength={1000} />
      </label>
      <button type="submit" className="primary">
        {t('petugas.simpan')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

function InsidenForm({ petugas, onDone }: { petugas: PetugasView; onDone: () => void }) {
  const { t } = useI18n();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const clientId = crypto.randomUUID();
    const kondisi = KondisiInsiden.parse(form.get('kondisi'));
    await fileSubmission({
      id: clientId,
      kind: 'insiden-petugas',
      label: `${petugas.nama}: ${t(`petugas.kondisi.${kondisi}`)}`,
      requests: [
        outboxRequest('petugas.insiden', petugasApi.insiden, {
          body: {
            clientId,
            petugasId: petugas.id,
            kondisi,
            penanganan: PenangananInsiden.parse(form.get('penanganan')),
            fasilitas: formText(form, 'fasilitas'),
            terjadiAt: new Date().toISOString(),
            catatan: formText(form, 'catatan'),
          },
        }),
      ],
    });
    onDone();
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('petugas.laporInsiden')}>
      <label>
        {t('petugas.kondisiLabel')}
        <select name="kondisi" required defaultValue="sakit">
          {KONDISI_INSIDEN.map((k) => (
            <option key={k} value={k}>
              {t(`petugas.kondisi.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('petugas.penangananLabel')}
        <select name="penanganan" required defaultValue="puskesmas">
          {PENANGANAN_INSIDEN.map((k) => (
            <option key={k} value={k}>
              {t(`petugas.penanganan.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('petugas.fasilitas')}
        <input name="fasilitas" maxLength={120} />
      </label>
      <label>
        {t('petugas.catatan')}
        <input name="catatan" maxLength={2000} />
      </label>
      <button type="submit" className="primary">
        {t('petugas.kirim')}
      </button>
    </form>
  );
}

function InsidenList({ roster }: { roster: TpsRoster }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const nama = new Map(roster.petugas.map((p) => [p.id, p.nama]));
  const setStatus = async (id: string, version: number, santunanStatus: string) => {
    setError(null);
    try {
      await call(petugasApi.ubahInsiden, {
        params: { id },
        body: { version, santunanStatus: santunanStatus as StatusSantunan },
      });
      await queryClient.invalidateQueries({ queryKey: ['petugas'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="card" data-testid="petugas-insiden">
      <h2>{t('petugas.insidenTitle')}</h2>
      <ul>
        {roster.insiden.map((i) => (
          <li key={i.id}>
            <strong>{nama.get(i.petugasId) ?? '—'}</strong> · {formatDateTime(i.terjadiAt)}
            {i.kondisi && <> · {t(`petugas.kondisi.${i.kondisi}`)}</>}
            {i.penanganan && <> · {t(`petugas.penanganan.${i.penanganan}`)}</>}
            {i.fasilitas && <> ({i.fasilitas})</>} ·{' '}
            <Link to={`/kejadian/${i.kejadianId}`}>{t('petugas.lihatKejadian')}</Link>
            <div className="small">
              {t('petugas.santunan')}:{' '}
              {i.santunanJenis
                ? `${t(`petugas.santunanJenis.${i.santunanJenis}`)} (Rp${formatNumber(i.santunanRupiah ?? 0)})`
                : '—'}{' '}
              ·{' '}
              {roster.akses.kesehatan ? (
                <select
                  aria-label={t('petugas.santunanStatusLabel')}
                  value={i.santunanStatus}
                  onChange={(e) => void setStatus(i.id, i.version, e.target.value)}
                >
                  {STATUS_SANTUNAN.map((s) => (
                    <option key={s} value={s}>
                      {t(`petugas.santunanStatus.${s}`)}
                    </option>
                  ))}
                </select>
              ) : (
                t(`petugas.santunanStatus.${i.santunanStatus}`)
              )}
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </div>
  );
}
