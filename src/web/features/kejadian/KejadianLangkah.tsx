/** The incident's history: each step, when, and by whom (the reporter hidden when confidential). */
import type { KejadianDetail as Detail } from '../../../contracts/kejadian';
import type { KejadianKey } from './i18n';
import { useKejadianText } from './useKejadianText';

const STEP_LABEL: Record<string, KejadianKey> = {
  lapor: 'kej.aksi.lapor',
  verifikasi: 'kej.aksi.verifikasi',
  gabung: 'kej.aksi.gabung',
  tolak: 'kej.aksi.tolak',
  tangani: 'kej.aksi.tangani',
  selesaikan: 'kej.aksi.selesaikan',
  eskalasi: 'kej.aksi.eskalasi',
  eskalasi_otomatis: 'kej.aksi.eskalasi_otomatis',
  foto: 'kej.aksi.foto',
  akses: 'kej.aksi.akses',
  rujuk: 'kej.aksi.rujuk',
  rujukan: 'kej.aksi.rujukan',
};

export function KejadianLangkah({ item }: { item: Detail }) {
  const { t, formatTime } = useKejadianText();
  return (
    <div className="card">
      <h2>{t('kej.detail.steps')}</h2>
      <ol className="timeline">
        {item.langkah.map((step, i) => (
          <li key={i}>
            <strong>{STEP_LABEL[step.aksi] ? t(STEP_LABEL[step.aksi]!) : step.aksi}</strong> ·{' '}
            {formatTime(step.at, item.kodeWilayah)} ·{' '}
            {step.aktor ??
              (step.aksi === 'eskalasi_otomatis' ? t('kej.detail.system') : t('kej.detail.reporterHidden'))}
            {step.catatan && <div className="muted small">{step.catatan}</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}
