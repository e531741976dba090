/** Tiga pilar: lurah, Babinsa and Bhabinkamtibmas per kelurahan with TPS, and the gaps. */
import { useQuery } from '@tanstack/react-query';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

export function TigaPilarPanel({ wilayah }: { wilayah: string }) {
  const { t } = useI18n();
  const pilar = useQuery({
    queryKey: ['pam-tiga-pilar', wilayah],
    queryFn: () => call(pengamananApi.tigaPilar, { query: { wilayah } }),
  });
  return (
    <section aria-labelledby="pam-pilar">
      <h2 id="pam-pilar">{t('pengamanan.tigaPilar')}</h2>
      <ErrorMessage error={pilar.error} onRetry={() => void pilar.refetch()} />
      {pilar.data && (
        <>
          <p data-testid="pam-pilar-summary">
            {t('pengamanan.tigaPilarSummary', {
              lengkap: pilar.data.lengkap,
              total: pilar.data.kelurahan.length,
              gaps: pilar.data.gaps.length,
            })}
          </p>
          {pilar.data.gaps.length > 0 && (
            <details>
              <summary>{t('pengamanan.tigaPilarGaps')}</summary>
              <ul className="small">
                {pilar.data.gaps.map((g, i) => (
                  <li key={`${g.kode}-${g.peran}-${i}`}>
                    {g.jenis === 'rangkap' ? `${g.nama}: ` : ''}
                    {g.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
