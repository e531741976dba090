/** The Polres's staffing pattern ("Polri : TPS : Linmas" per category) and ring reserve shares. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { PamSetting } from '../../../contracts/pengamanan';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { KATEGORI } from '../../../domain/kerawanan/score-tps';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

type Pola = PamSetting['pola'];
const FIELDS = ['polri', 'tps', 'linmasPerTps'] as const;

export function SettingPanel({ wilayah, canPlan }: { wilayah: string; canPlan: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const setting = useQuery({
    queryKey: ['pam-setting', wilayah],
    queryFn: () => call(pengamananApi.setting, { query: { wilayah } }),
  });
  const [pola, setPola] = useState<Pola | null>(null);
  const [patroli, setPatroli] = useState('10');
  const [cadangan, setCadangan] = useState('5');
  const [catatan, setCatatan] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!setting.data) return;
    setPola(setting.data.pola);
    setPatroli(String(Math.round(setting.data.reserve.patroliShare * 100)));
    setCadangan(String(Math.round(setting.data.reserve.cadanganShare * 100)));
    setCatatan(setting.data.catatan);
  }, [setting.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!pola || !setting.data) return;
    setError(null);
    setSaved(false);
    try {
      await call(pengamananApi.updateSetting, {
        body: {
          wilayah,
          pola,
          reserve: { patroliShare: Number(patroli) / 100, cadanganShare: Number(cadangan) / 100 },
          catatan,
          version: setting.data.version,
        },
      });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['pam-setting'] });
      await queryClient.invalidateQueries({ queryKey: ['pam-forces'] });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <details className="card">
      <summary>
        {t('pengamanan.setting')}
        {setting.data?.isDefault ? ` · ${t('pengamanan.settingDefault')}` : ''}
      </summary>
      <ErrorMessage error={setting.error} />
      {pola && (
        <form onSubmit={(e) => void submit(e)}>
          <fieldset disabled={!canPlan}>
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col" />
                    <th scope="col">{t('pengamanan.polri')}</th>
                    <th scope="col">{t('pengamanan.tpsPerKelompok')}</th>
                    <th scope="col">{t('pengamanan.linmasPerTps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {KATEGORI.map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`pengamanan.kategori.${k}`)}</th>
                      {FIELDS.map((field) => (
                        <td key={field}>
                          <input
                            type="number"
                            min={field === 'linmasPerTps' ? 0 : 1}
                            max={field === 'tps' ? 20 : 50}
                            required
                            aria-label={`${t(`pengamanan.kategori.${k}`)}: ${t(
                              field === 'polri'
                                ? 'pengamanan.polri'
                                : field === 'tps'
                                  ? 'pengamanan.tpsPerKelompok'
                                  : 'pengamanan.linmasPerTps',
                            )}`}
                            value={pola[k][field]}
                            onChange={(e) =>
                              setPola({ ...pola, [k]: { ...pola[k], [field]: Number(e.target.value) } })
                            }
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="form-grid">
              <label>
                {t('pengamanan.patroli')}
                <input
                  type="number"
                  min={0}
                  max={95}
                  value={patroli}
                  onChange={(e) => setPatroli(e.target.value)}
                />
              </label>
              <label>
                {t('pengamanan.cadangan')}
                <input
                  type="number"
                  min={0}
                  max={95}
                  value={cadangan}
                  onChange={(e) => setCadangan(e.target.value)}
                />
              </label>
              <label>
                {t('pengamanan.catatan')}
                <input maxLength={1000} value={catatan} onChange={(e) => setCatatan(e.target.value)} />
              </label>
              {canPlan && (
                <button type="submit" className="primary">
                  {t('pengamanan.saveSetting')}
                </button>
              )}
            </div>
          </fieldset>
        </form>
      )}
      {saved && (
        <p role="status" className="success">
          {t('pengamanan.settingSaved')}
        </p>
      )}
      <ErrorMessage error={error} />
    </details>
  );
}
