/** The forces of a Polres area: totals per force and kecamatan, kecamatan without polsek/koramil, units. */
import { FORCE_LABEL, FORCES } from '../../../domain/pengamanan/unit';
import type { ForcesResponse } from '../../../contracts/pengamanan';
import { useI18n } from '../../i18n/i18n';
import { RosterImport } from './RosterImport';
import { UnitForm } from './UnitForm';
import './i18n';

export function ForcesPanel({ data }: { data: ForcesResponse }) {
  const { t, formatNumber } = useI18n();
  const polri = data.perForce.filter((f) => f.kind === 'polri');
  const shownForces = FORCES.filter((f) => data.perKecamatan.some((k) => (k.personel[f] ?? 0) > 0));
  return (
    <section aria-labelledby="pam-forces">
      <h2 id="pam-forces">{t('pengamanan.forces')}</h2>
      <p data-testid="pam-polri-total">
        {t('pengamanan.totalPolri', {
          tersedia: formatNumber(polri.reduce((s, f) => s + f.tersedia, 0)),
          personel: formatNumber(polri.reduce((s, f) => s + f.personel, 0)),
        })}
      </p>
      <p className="small">{t('pengamanan.kebutuhan', data.kebutuhan)}</p>
      <div className="table-scroll">
        <table className="table" data-testid="pam-per-force">
          <caption>{t('pengamanan.perForce')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pengamanan.force')}</th>
              <th scope="col" className="num">
                {t('pengamanan.units')}
              </th>
              <th scope="col" className="num">
                {t('pengamanan.personel')}
              </th>
              <th scope="col" className="num">
                {t('pengamanan.tersedia')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.perForce.map((f) => (
              <tr key={f.force} data-testid={`force-${f.force}`}>
                <th scope="row">{FORCE_LABEL[f.force]}</th>
                <td className="num">{formatNumber(f.units)}</td>
                <td className="num">{formatNumber(f.personel)}</td>
                <td className="num">{formatNumber(f.tersedia)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.kecamatanTanpa.length > 0 && (
        <div className="card" data-testid="pam-tanpa">
          <h3>{t('pengamanan.tanpa')}</h3>
          <p className="small">{t('pengamanan.tanpaHelp')}</p>
          <ul>
            {data.kecamatanTanpa.map((k) => (
              <li key={k.kode}>
                {k.nama}:{' '}
                {[k.polsek && t('pengamanan.tanpaPolsek'), k.koramil && t('pengamanan.tanpaKoramil')]
                  .filter(Boolean)
                  .join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>{t('pengamanan.perKecamatan')}</summary>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('pengamanan.kecamatan')}</th>
                <th scope="col" className="num">
                  {t('pengamanan.tps')}
                </th>
                {shownForces.map((f) => (
                  <th key={f} scope="col" className="num">
                    {FORCE_LABEL[f]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.perKecamatan.map((k) => (
                <tr key={k.kode}>
                  <th scope="row">{k.nama}</th>
                  <td className="num">{k.tps}</td>
                  {shownForces.map((f) => (
                    <td key={f} className="num">
                      {k.personel[f] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <details>
        <summary>
          {t('pengamanan.unitList')} ({data.units.length})
        </summary>
        <div className="table-scroll">
          <table className="table" data-testid="pam-units">
            <thead>
              <tr>
                <th scope="col">{t('pengamanan.nama')}</th>
                <th scope="col">{t('pengamanan.force')}</th>
                <th scope="col" className="num">
                  {t('pengamanan.jumlah')}
                </th>
                <th scope="col">{t('pengamanan.pangkalan')}</th>
                <th scope="col">{t('pengamanan.keterangan')}</th>
                {data.canPlan && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {data.units.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.nama}
                    {u.jabatan ? ` (${u.jabatan})` : ''}
                    {u.isGenerated && (
                      <span className="badge" title={t('common.generatedTitle')}>
                        {t('common.generated')}
                      </span>
                    )}
                  </td>
                  <td>{FORCE_LABEL[u.force]}</td>
                  <td className="num">{formatNumber(u.jumlah)}</td>
                  <td>{u.homeKelurahanNama ?? u.homeKecamatanNama ?? t('pengamanan.polresLevel')}</td>
                  <td className="small">
                    {u.available ? '' : `${t('pengamanan.notAvailable')} · `}
                    {u.keterangan}
                  </td>
                  {data.canPlan && (
                    <td>
                      <UnitForm kabKota={data.kodeKabKota} kecamatan={data.perKecamatan} unit={u} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {data.canPlan && (
        <>
          <UnitForm kabKota={data.kodeKabKota} kecamatan={data.perKecamatan} />
          <RosterImport kabKota={data.kodeKabKota} />
        </>
      )}
    </section>
  );
}
