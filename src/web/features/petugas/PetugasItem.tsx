/**
 * One officer on a TPS's page: duty, hours and fatigue, identity as the reader may see it, the
 * screening; the chair's check-in and check-out through the phone's outbox, and the forms to change,
 * screen or report the officer.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PetugasView, TpsRoster } from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { instanWaktu } from '../../components/WaktuSetempat';
import { useI18n, useTeks } from '../../i18n/i18n';
import { fileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { TEKS_FORM } from './form-teks';
import { InsidenForm } from './InsidenForm';
import { PetugasForm } from './PetugasForm';
import { SkriningForm } from './SkriningForm';
import './i18n';

const KELELAHAN_CLASS = { normal: 'badge current', peringatan: 'badge', bahaya: 'badge danger' } as const;

export function PetugasItem({
  petugas: p,
  roster,
  waktu,
}: {
  petugas: PetugasView;
  roster: TpsRoster;
  waktu: string;
}) {
  const { t, formatDateTime, formatRange } = useI18n();
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
            // Typed on the TPS's clock (WIB/WITA/WIT), whatever the phone's zone; empty is now.
            pada: waktu === '' ? new Date().toISOString() : instanWaktu(waktu, roster.tps.kodeWilayah),
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
            .map((s) =>
              s.keluar === null
                ? `${formatDateTime(s.masuk, roster.tps.kodeWilayah)} – …`
                : formatRange(s.masuk, s.keluar, roster.tps.kodeWilayah),
            )
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
