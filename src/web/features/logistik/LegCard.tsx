/** One leg on the board: its ends, state, times, load, escort, handover and flags. */
import type { LegView } from '../../../contracts/logistik';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { LEG_COLORS, warnaLeg } from './warna';

export function LegCard({ leg, kab }: { leg: LegView; kab: string }) {
  const tl = useTeks(TEKS_LOGISTIK);
  const { formatRange, formatNumber } = useI18n();
  const warna = warnaLeg(leg);
  return (
    <div>
      <h3 className="leg-title">
        <span className="swatch" style={{ background: LEG_COLORS[warna] }} aria-hidden="true" />{' '}
        {leg.dari.nama} → {leg.ke.nama}
      </h3>
      <p>
        <strong data-testid="leg-status">{tl(`log.status.${leg.status}`)}</strong> ·{' '}
        {tl(`log.moda.${leg.moda}`)} · {formatRange(leg.berangkat, leg.tiba, kab)} ·{' '}
        {formatNumber(leg.jarakKm)} km · {tl('log.menit', { n: leg.waktuTempuhMenit })}
      </p>
      <p>
        {tl('log.load', { kotak: leg.kotak, surat: formatNumber(leg.suratSuara) })} · {tl('log.col.escort')}:{' '}
        <span data-testid="leg-escort">
          {leg.pengawal.petugas.map((p) => `${p.nama} (${p.jumlah})`).join(', ') || tl('log.escort.none')}
        </span>
      </p>
      {leg.serahTerima && (
        <p>
          {tl('log.received', {
            nama: leg.serahTerima.penerimaNama,
            segel: leg.serahTerima.segel.join(', ') || '-',
          })}
        </p>
      )}
      {leg.bendera.length > 0 && (
        <ul className="flags" data-testid="leg-flags">
          {leg.bendera.map((b) => (
            <li key={b.kode} className="badge badge-warn">
              <strong>{tl(`log.flag.${b.kode}`)}</strong>: {b.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
