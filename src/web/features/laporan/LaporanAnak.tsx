import type { StatusLaporan } from '../../../contracts/laporan';
import { useI18n } from '../../i18n/i18n';
import { LaporanVersi } from './LaporanVersi';
import { useLevelLabel } from './sebutan-level';
import './i18n';

type Status = typeof StatusLaporan._output;

/** The areas below: the roll-up of their levels, and each one's report of this period or its absence. */
export function LaporanAnak({ status }: { status: Status }) {
  const { t } = useI18n();
  const levelLabel = useLevelLabel();
  const r = status.rollup;
  return (
    <div className="card">
      <h2>{t('laporan.children')}</h2>
      {r && r.level !== null ? (
        <p data-testid="rollup">
          {t('laporan.rollup', {
            level: levelLabel(r.level),
            reported: r.melapor.length,
            total: r.jumlahAnak,
            late: r.terlambat.length,
          })}
        </p>
      ) : (
        <p>{t('laporan.rollupNone')}</p>
      )}
      <div className="table-scroll">
        <table className="table">
          <tbody>
            {status.children.map((c) => (
              <tr
                key={c.kodeWilayah}
                className={c.terlambat ? 'state-terlambat' : ''}
                data-testid={`anak-${c.kodeWilayah}`}
              >
                <th scope="row">{c.nama}</th>
                <td>
                  {c.laporan
                    ? `${t('laporan.child.reported')}: ${levelLabel(c.laporan.level)}`
                    : t('laporan.child.missing')}
                  {c.laporan && c.laporan.versi > 1 && (
                    <>
                      {' '}
                      <span className="badge">{t('laporan.version', { n: c.laporan.versi })}</span>
                      <LaporanVersi id={c.laporan.id} kode={c.kodeWilayah} />
                    </>
                  )}
                </td>
                <td>{c.terlambat ? <strong>{t('laporan.child.late')}</strong> : ''}</td>
                <td className="small">{c.laporan?.narasi ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
