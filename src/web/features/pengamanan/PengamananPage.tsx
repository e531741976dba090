import { useI18n } from '../../i18n/i18n';

/** Rencana pengamanan: forces, staffing pattern, the computed plan with its shortfall. */
export function PengamananPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('pengamanan.title')}</h1>
    </section>
  );
}
