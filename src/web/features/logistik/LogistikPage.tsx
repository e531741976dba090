/**
 * Distribusi logistik: the board of every leg of a kab/kota (or of one's own area) with its state,
 * escort and flags, PDF/XLSX for the rakor, and the berita acara serah terima recorded on the phone
 * (HandoverForm: through the outbox, kept offline and sent once when the signal returns).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { logistikApi } from '../../../contracts/routes/logistik';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { zonaOf } from '../../../domain/time/zona';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { call, urlOf } from '../../api/client';
import { Bagian, wideScreen } from '../../components/Bagian';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { useSession } from '../auth/session';
import { WilayahSearch } from '../wilayah/WilayahSearch';
import { EscortForm } from './EscortForm';
import { HandoverForm } from './HandoverForm';
import { LegCard } from './LegCard';
import { LegForm } from './LegForm';
import { LegMap } from './LegMap';
import { PeringatanPanel } from './PeringatanPanel';
import { RencanaImport } from './RencanaImport';

export function LogistikPage() {
  const tl = useTeks(TEKS_LOGISTIK);
  const { user, can } = useSession();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? '';
  const parsed = parseKodeWilayah(wilayah);
  const isArea = parsed.ok && parsed.value.level !== 'provinsi';
  const [open, setOpen] = useState<{ id: string; what: 'handover' | 'escort' } | null>(null);
  const board = useQuery({
    queryKey: ['logistik', wilayah],
    queryFn: () => call(logistikApi.board, { query: { wilayah } }),
    enabled: isArea,
  });
  const data = board.data;
  const kab = data?.kodeKabKota ?? '';
  // The escort is the Polres' to assign (pengamanan:plan, Polri only: ADR 0016).
  const canEscort = user?.agency === 'polri' && can('pengamanan:plan');
  const forces = useQuery({
    queryKey: ['pengamanan', 'forces', kab],
    queryFn: () => call(pengamananApi.forces, { query: { wilayah: kab } }),
    enabled: canEscort && kab !== '',
  });
  const units = (forces.data?.units ?? []).filter((u) => u.kind === 'polri');
  const pick = (id: string) =>
    document.getElementById(`leg-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return (
    <section>
      <div className="page-head">
        <h1>
          {tl('log.title')}
          {data ? ` — ${data.namaKabKota}` : ''}
        </h1>
      </div>
      <div className="filters">
        <WilayahSearch onPick={(kode) => setParams({ wilayah: kode })} />
      </div>
      {!isArea && <p>{tl('log.pick')}</p>}
      <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      {data && (
        <>
          <p data-testid="log-ringkasan">
            {tl('log.total', { n: data.ringkasan.total })} ·{' '}
            {(Object.keys(data.ringkasan.perBendera) as (keyof typeof data.ringkasan.perBendera)[])
              .filter((k) => data.ringkasan.perBendera[k] > 0)
              .map((k) => `${tl(`log.flag.${k}`)}: ${data.ringkasan.perBendera[k]}`)
              .join(' · ')}
          </p>
          <p>
            <a href={urlOf(logistikApi.laporan, { query: { wilayah, format: 'pdf' } })}>{tl('log.pdf')}</a>
            {' · '}
            <a href={urlOf(logistikApi.laporan, { query: { wilayah, format: 'xlsx' } })}>{tl('log.xlsx')}</a>
            {' · '}
            <span className="muted">{tl('log.zona', { zona: zonaOf(kab) })}</span>
          </p>
          <Bagian title={tl('log.map.title')} testId="log-peta" defaultOpen={wideScreen()}>
            <LegMap legs={data.legs} onPick={pick} />
          </Bagian>
          {data.canPlan && (
            <Bagian title={tl('log.form.title')} testId="log-rencana">
              <LegForm
                kab={kab}
                namaKab={data.namaKabKota}
                legs={data.legs}
                onSaved={() => void board.refetch()}
              />
            </Bagian>
          )}
          {data.canPlan && (
            <Bagian title={tl('log.import.title')} testId="log-impor">
              <RencanaImport kab={kab} onDone={() => void board.refetch()} />
            </Bagian>
          )}
          <Bagian title={tl('log.warn.title')} testId="log-cuaca">
            <PeringatanPanel kab={kab} namaKab={data.namaKabKota} canPlan={data.canPlan} />
          </Bagian>
          <h2>{tl('log.legs')}</h2>
          {data.legs.length === 0 && <p>{tl('log.empty')}</p>}
          <ul className="leg-list" aria-label={tl('log.legs')}>
            {data.legs.map((leg) => (
              <li key={leg.id} id={`leg-${leg.id}`} className="card" data-testid={`leg-${leg.id}`}>
                <LegCard leg={leg} kab={kab} />
                {open?.id === leg.id && open.what === 'handover' ? (
                  <HandoverForm
                    leg={leg}
                    kab={kab}
                    onDone={() => {
                      setOpen(null);
                      void board.refetch();
                    }}
                  />
                ) : open?.id === leg.id && open.what === 'escort' ? (
                  <EscortForm leg={leg} kab={kab} units={units} onDone={() => setOpen(null)} />
                ) : (
                  <div className="actions">
                    {data.canHandover && (
                      <button type="button" onClick={() => setOpen({ id: leg.id, what: 'handover' })}>
                        {tl('log.handover')}
                      </button>
                    )}
                    {canEscort && leg.pengawal.tugasId !== null && (
                      <button type="button" onClick={() => setOpen({ id: leg.id, what: 'escort' })}>
                        {tl('log.escort.open')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
