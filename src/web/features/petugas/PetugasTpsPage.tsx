/**
 * The people of one TPS: who is missing, each officer (NIK, phone and health shown only to those who
 * need them, masked otherwise), hours on duty with the fatigue warning and a suggested relief; the
 * KPPS chair checks members in and out and reports one who falls ill, through the phone's outbox
 * (works offline, sent once); the Dinas Kesehatan records the Puskesmas check.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TpsRoster } from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { WaktuSetempatInput } from '../../components/WaktuSetempat';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_FORM } from './form-teks';
import { InsidenList } from './InsidenList';
import { PetugasForm } from './PetugasForm';
import { PetugasItem } from './PetugasItem';
import './i18n';

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
              <WaktuSetempatInput
                className="small"
                label={(zona) => `${t('petugas.waktuHadir', { zona })} `}
                kodeWilayah={r.tps.kodeWilayah}
                value={waktu}
                onChange={(e) => setWaktu(e.currentTarget.value)}
                data-testid="waktu-hadir"
              />
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
