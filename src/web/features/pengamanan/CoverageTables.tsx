/** Coverage of a plan per kind of personnel, per kecamatan and per force, shortfalls highlighted. */
import type { PlanSummary } from '../../../contracts/pengamanan';
import { FORCE_LABEL } from '../../../domain/pengamanan/unit';
import { useI18n } from '../../i18n/i18n';
import './i18n';

const short = (n: number) => (n > 0 ? { color: 'var(--danger)', fontWeight: 600 } : undefined);

export function CoverageTables({ summary }: { summary: PlanSummary }) {
  const { t, formatNumber } = useI18n();
  const kinds = [
    ['polri', t('pengamanan.polri')],
    ['linmas', t('pengamanan.linmas')],
    ['tni', t('pengamanan.tni')],
  ] as const;
  return (
    <>
      <div className="table-scroll">
        <table className="table" data-testid="pam-coverage-kind">
          <caption>{t('pengamanan.coverageKind')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col" className="num">
                {t('pengamanan.required')}
              </th>
              <th scope="col" className="num">
                {t('pengamanan.assigned')}
              </th>
              <th scope="col" className="num">
                {t('pengamanan.kurang')}
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map(([kind, label]) => {
              const c = summary.coverageByKind[kind];
              return (
                <tr key={kind}>
                  <th scope="row">{label}</th>
                  <td className="num">{formatNumber(c.required)}</td>
                  <td className="num">{formatNumber(c.assigned)}</td>
                  <td className="num" style={short(c.shortfall)}>
                    {formatNumber(c.shortfall)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="pam-coverage-kecamatan">
          <caption>{t('pengamanan.coverageKecamatan')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pengamanan.kecamatan')}</th>
              <th scope="col" className="num">
                {t('pengamanan.kelompok')}
              </th>
              <th scope="col" className="num">
                {t('pengamanan.polri')} ({t('pengamanan.kurang')})
              </th>
              <th scope="col" className="num">
                {t('pengamanan.linmas')} ({t('pengamanan.kurang')})
              </th>
              <th scope="col" className="num">
                TNI ({t('pengamanan.kurang')})
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.coverageByKecamatan.map((k) => (
              <tr key={k.kode}>
                <th scope="row">{k.nama}</th>
                <td className="num">
                  {k.kelompokTerjaga}/{k.kelompok}
                </td>
                <td className="num" style={short(k.polri.shortfall)}>
                  {k.polri.assigned}/{k.polri.required} ({k.polri.shortfall})
                </td>
                <td className="num" style={short(k.linmas.shortfall)}>
                  {k.linmas.assigned}/{k.linmas.required} ({k.linmas.shortfall})
                </td>
                <td className="num" style={short(k.tni.shortfall)}>
                  {k.tni.assigned}/{k.tni.required} ({k.tni.shortfall})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.coverageByForce.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="pam-coverage-force">
            <caption>{t('pengamanan.coverageForce')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pengamanan.force')}</th>
                <th scope="col" className="num">
                  {t('pengamanan.tersedia')}
                </th>
                <th scope="col" className="num">
                  {t('pengamanan.assigned')}
                </th>
                <th scope="col" className="num">
                  {t('pengamanan.reserved')}
                </th>
                <th scope="col" className="num">
                  {t('pengamanan.idle')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.coverageByForce.map((f) => (
                <tr key={f.force}>
                  <th scope="row">{FORCE_LABEL[f.force]}</th>
                  <td className="num">{formatNumber(f.available)}</td>
                  <td className="num">{formatNumber(f.assigned)}</td>
                  <td className="num">{formatNumber(f.reserved)}</td>
                  <td className="num">{formatNumber(f.idle)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
