/**
 * One end of a leg chosen by name, never by code: what kind of point it is (the KPU warehouse, a PPK,
 * a PPS, a TPS), then the area with the shared wilayah picker down to that point's level, and for a
 * TPS its number from the registry of the chosen kelurahan/desa.
 */
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { tpsApi } from '../../../contracts/routes/tps';
import { LEVEL_TITIK, type Titik } from '../../../domain/logistik/logistik';
import { call } from '../../api/client';
import { errorIdIn, FieldError, type Issues } from '../../components/FieldError';
import { useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { WilayahPicker } from '../wilayah/WilayahPicker';

export interface TitikValue {
  titik: Titik;
  kodeWilayah: string;
  tpsNomor: number | null;
}

export function TitikPicker(props: {
  /** 'dari' or 'ke': the prefix of the field names, as the API names them (dari.titik, ke.tpsNomor). */
  side: 'dari' | 'ke';
  kab: string;
  namaKab: string;
  value: TitikValue;
  onChange: (value: TitikValue) => void;
  /** The kinds offered (an origin is never a TPS going down, a destination never the warehouse). */
  kinds: readonly Titik[];
  issues: Issues;
  /** Fixed by the leg this one continues: shown, not chosen. */
  fixedName?: string | null;
}) {
  const tl = useTeks(TEKS_LOGISTIK);
  const id = useId();
  const { side, value } = props;
  const level = LEVEL_TITIK[value.titik];
  const titikError = props.issues[`${side}.titik`];
  const kodeError = props.issues[`${side}.kodeWilayah`];
  const legend = tl(side === 'dari' ? 'log.form.dari' : 'log.form.ke');
  if (props.fixedName)
    return (
      <fieldset className="titik-picker">
        <legend>{legend}</legend>
        <p data-testid={`titik-${side}-fixed`}>
          <strong>{props.fixedName}</strong>
        </p>
      </fieldset>
    );
  return (
    <fieldset className="titik-picker">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-titik`}>
        {tl('log.form.titik')}
        <select
          id={`${id}-titik`}
          name={`${side}.titik`}
          value={value.titik}
          aria-invalid={titikError ? true : undefined}
          aria-describedby={titikError ? errorIdIn(id, 'titik') : undefined}
          onChange={(e) => {
            const titik = e.target.value as Titik;
            // The area keeps what still fits the new kind's level.
            const kode = value.kodeWilayah.split('.').slice(0, LEVEL_TITIK[titik]).join('.');
            props.onChange({ titik, kodeWilayah: titik === 'gudang_kpu' ? props.kab : kode, tpsNomor: null });
          }}
        >
          {props.kinds.map((k) => (
            <option key={k} value={k}>
              {tl(`log.titik.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id={errorIdIn(id, 'titik')} message={titikError} />
      </label>
      {value.titik === 'gudang_kpu' ? (
        <p className="muted small">{tl('log.form.gudang', { nama: props.namaKab })}</p>
      ) : (
        <WilayahPicker
          scope={props.kab}
          scopeName={props.namaKab}
          value={value.kodeWilayah === props.kab ? null : value.kodeWilayah}
          onChange={(kode) => props.onChange({ ...value, kodeWilayah: kode, tpsNomor: null })}
          label={tl(level === 3 ? 'log.form.kecamatan' : 'log.form.kelurahan')}
          name={`${side}.kodeWilayah`}
          maxDepth={level}
          describedBy={kodeError ? errorIdIn(id, 'kodeWilayah') : undefined}
        />
      )}
      <FieldError id={errorIdIn(id, 'kodeWilayah')} message={kodeError} />
      {value.titik === 'tps' && (
        <TpsNomor
          kelurahan={value.kodeWilayah.split('.').length === 4 ? value.kodeWilayah : null}
          name={`${side}.tpsNomor`}
          value={value.tpsNomor}
          onChange={(tpsNomor) => props.onChange({ ...value, tpsNomor })}
          issues={props.issues}
        />
      )}
    </fieldset>
  );
}

function TpsNomor(props: {
  kelurahan: string | null;
  name: string;
  value: number | null;
  onChange: (nomor: number | null) => void;
  issues: Issues;
}) {
  const tl = useTeks(TEKS_LOGISTIK);
  const id = useId();
  const list = useQuery({
    queryKey: ['tps', 'nomor', props.kelurahan],
    queryFn: () =>
      call(tpsApi.list, { query: { wilayah: props.kelurahan ?? undefined, pageSize: 200, sort: 'kode' } }),
    enabled: props.kelurahan !== null,
  });
  const error = props.issues[props.name];
  return (
    <label htmlFor={id}>
      {tl('log.form.tps')}
      <select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        disabled={props.kelurahan === null || list.isLoading}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorIdIn(id, 'tpsNomor') : undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{tl('log.form.tpsPilih')}</option>
        {list.data?.items.map((tps) => (
          <option key={tps.id} value={tps.nomor}>
            {tps.nama}
          </option>
        ))}
      </select>
      <FieldError id={errorIdIn(id, 'tpsNomor')} message={error} />
    </label>
  );
}
