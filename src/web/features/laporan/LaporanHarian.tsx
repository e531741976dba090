import { useState } from 'react';
import { laporanApi } from '../../../contracts/routes/laporan';
import { todayIn } from '../../../domain/time/zona';
import { urlOf } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import './i18n';

/** The kab/kota's daily report of a chosen day, as PDF, XLSX or EDXL-SitRep-like XML. */
export function LaporanHarian({ kode }: { kode: string }) {
  const { t } = useI18n();
  // The region's today (WIB/WITA/WIT), not UTC's: before 07:00-09:00 local time UTC is still on yesterday.
  const [tanggal, setTanggal] = useState(() => todayIn(kode, new Date()));
  return (
    <div className="card actions">
      <h2>{t('laporan.daily')}</h2>
      <label>
        {t('laporan.tanggal')}
        <input type="date" value={tanggal} onChange={(e) => setTanggal(e.target.value)} />
      </label>
      <a
        className="button"
        href={urlOf(laporanApi.getHarianByKode, { params: { kode }, query: { tanggal } })}
      >
        {t('laporan.dailyPdf')}
      </a>
      <a
        className="button"
        href={urlOf(laporanApi.getHarianByKode, { params: { kode }, query: { tanggal, format: 'xlsx' } })}
      >
        {t('laporan.dailyXlsx')}
      </a>
      <a
        className="button"
        href={urlOf(laporanApi.getHarianByKode, { params: { kode }, query: { tanggal, format: 'sitrep' } })}
      >
        {t('laporan.dailySitrep')}
      </a>
    </div>
  );
}
