/**
 * The escort of a leg, assigned by the Polres from the plan's forces: the leg's duty in the pengamanan
 * plan (ADR 0016) gets its units through pengamananApi.tugaskan (PUT pengamanan/tugas/:id/petugas). The plan refuses a unit
 * asked for at more places at one instant than it has personnel (409 double_booked); the refusal is
 * shown with the unit and the hours it clashes, in the reader's language.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { LegView } from '../../../contracts/logistik';
import type { PamUnit } from '../../../contracts/pengamanan';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { ApiError, call } from '../../api/client';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';

const Bentrok = z.object({
  bentrok: z.array(
    z.object({
      unitId: z.string(),
      mulai: z.string(),
      selesai: z.string(),
      dipakai: z.number(),
      kapasitas: z.number(),
    }),
  ),
});

interface Row {
  key: string;
  unitId: string;
  jumlah: number;
}

export function EscortForm(props: {
  leg: LegView;
  kab: string;
  /** The Polri units of the kab/kota's forces (the escort's need is counted in Polri personnel). */
  units: readonly PamUnit[];
  onDone: () => void;
}) {
  const { errorText, formatRange } = useI18n();
  const tl = useTeks(TEKS_LOGISTIK);
  const id = useId();
  const client = useQueryClient();
  const { leg } = props;
  const [rows, setRows] = useState<Row[]>(() => {
    const current = leg.pengawal.petugas.map((p) => ({ key: p.unitId, unitId: p.unitId, jumlah: p.jumlah }));
    return current.length > 0 ? current : [{ key: crypto.randomUUID(), unitId: '', jumlah: 1 }];
  });
  const save = useMutation({
    mutationFn: (petugas: { unitId: string; jumlah: number }[]) => {
      const { tugasId, tugasVersion } = leg.pengawal;
      // The form shows only for a leg with its escort duty (below); without one there is nothing to assign.
      if (tugasId === null || tugasVersion === null) throw new Error('leg without its escort duty');
      return call(pengamananApi.tugaskan, {
        params: { id: tugasId },
        body: { version: tugasVersion, petugas },
      });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['logistik'] });
      void client.invalidateQueries({ queryKey: ['pengamanan'] });
      props.onDone();
    },
  });
  const unitById = new Map(props.units.map((u) => [u.id, u]));
  const bentrok =
    save.error instanceof ApiError && save.error.code === 'double_booked'
      ? (Bentrok.safeParse(save.error.details).data?.bentrok ?? [])
      : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      rows.filter((r) => r.unitId !== '').map((r) => ({ unitId: r.unitId, jumlah: Math.max(1, r.jumlah) })),
    );
  };
  const update = (key: string, change: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));
  if (leg.pengawal.tugasId === null) return <p className="muted">{tl('log.escort.noDuty')}</p>;
  return (
    <form className="form-stack" onSubmit={submit} aria-label={tl('log.escort.title')}>
      <h3>{tl('log.escort.title')}</h3>
      <p className="muted small">
        {tl('log.escort.need', {
          n: leg.kebutuhanPengawal,
          waktu: formatRange(leg.berangkat, leg.tiba, props.kab),
        })}
      </p>
      {props.units.length === 0 && <p>{tl('log.escort.noUnits')}</p>}
      {rows.map((row, i) => {
        const unit = unitById.get(row.unitId);
        return (
          <div key={row.key} className="escort-row">
            <label htmlFor={`${id}-${row.key}-unit`}>
              {tl('log.escort.unit', { n: i + 1 })}
              <select
                id={`${id}-${row.key}-unit`}
                value={row.unitId}
                onChange={(e) => update(row.key, { unitId: e.target.value })}
              >
                <option value="">{tl('log.escort.unitPilih')}</option>
                {props.units.map((u) => (
                  <option key={u.id} value={u.id} disabled={!u.available}>
                    {u.nama}
                    {u.jabatan ? ` (${u.jabatan})` : ''} · {tl('log.escort.personel', { n: u.jumlah })}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={`${id}-${row.key}-jumlah`}>
              {tl('log.escort.jumlah')}
              <input
                id={`${id}-${row.key}-jumlah`}
                type="number"
                inputMode="numeric"
                min={1}
                max={unit?.jumlah}
                value={row.jumlah}
                onChange={(e) => update(row.key, { jumlah: Number(e.target.value) })}
              />
            </label>
            <button
              type="button"
              onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
              aria-label={tl('log.escort.remove', { n: i + 1 })}
            >
              {tl('log.escort.removeShort')}
            </button>
          </div>
        );
      })}
      <p>
        <button
          type="button"
          onClick={() => setRows((list) => [...list, { key: crypto.randomUUID(), unitId: '', jumlah: 1 }])}
        >
          {tl('log.escort.add')}
        </button>
      </p>
      {save.error !== null && (
        <div role="alert" className="error error-block" data-testid="escort-error">
          {bentrok.length > 0 ? (
            <>
              <p>
                <strong>{tl('log.escort.double')}</strong>
              </p>
              <ul>
                {bentrok.map((b) => (
                  <li key={`${b.unitId}-${b.mulai}`}>
                    {tl('log.escort.doubleRow', {
                      unit: unitById.get(b.unitId)?.nama ?? '',
                      kapasitas: b.kapasitas,
                      dipakai: b.dipakai,
                      waktu: formatRange(b.mulai, b.selesai, props.kab),
                    })}
                  </li>
                ))}
              </ul>
              <p className="small">{errorText(save.error)}</p>
            </>
          ) : (
            <p>{errorText(save.error)}</p>
          )}
        </div>
      )}
      <div className="actions">
        <button className="primary" type="submit" disabled={save.isPending}>
          {tl('log.escort.save')}
        </button>{' '}
        <button type="button" onClick={props.onDone}>
          {tl('log.handover.cancel')}
        </button>
      </div>
    </form>
  );
}
