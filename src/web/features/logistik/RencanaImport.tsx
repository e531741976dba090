/**
 * A kab/kota's distribution plan from a sheet (XLSX/CSV, as the API reads it: server
 * logistik-import.ts): all or nothing, every bad row named with its column and reason, nothing written
 * when any is bad. A CSV template with the API's columns and one example row in the region's own time.
 */
import { useRef, useState, type FormEvent } from 'react';
import { logistikApi } from '../../../contracts/routes/logistik';
import { zonaOf } from '../../../domain/time/zona';
import { ApiError } from '../../api/client';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { ImportErrors } from '../import/ImportErrors';
import { useSheetUpload } from '../import/useSheetUpload';
import { useWilayahChildren } from '../wilayah/useWilayah';

const COLUMNS = [
  'ref',
  'sebelumnya',
  'dari',
  'dari_wilayah',
  'dari_tps',
  'ke',
  'ke_wilayah',
  'ke_tps',
  'berangkat',
  'tiba',
  'moda',
  'jarak_km',
  'waktu_tempuh_menit',
  'kotak',
  'surat_suara',
  'pengawal',
  'keterangan',
] as const;

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The template: the API's columns and example rows (the warehouse to a PPK, that PPK to a PPS). */
export function templatRencana(kab: string, kecamatan: string, kelurahan: string): string {
  const rows: Record<(typeof COLUMNS)[number], string>[] = [
    {
      ref: 'L1',
      sebelumnya: '',
      dari: 'gudang_kpu',
      dari_wilayah: kab,
      dari_tps: '',
      ke: 'ppk',
      ke_wilayah: kecamatan,
      ke_tps: '',
      berangkat: '2024-11-20 07:00',
      tiba: '2024-11-20 12:00',
      moda: 'darat',
      jarak_km: '85',
      waktu_tempuh_menit: '300',
      kotak: '40',
      surat_suara: '20000',
      pengawal: '2',
      keterangan: '',
    },
    {
      ref: 'L2',
      sebelumnya: 'L1',
      dari: 'ppk',
      dari_wilayah: kecamatan,
      dari_tps: '',
      ke: 'pps',
      ke_wilayah: kelurahan,
      ke_tps: '',
      berangkat: '2024-11-21 08:00',
      tiba: '2024-11-21 10:00',
      moda: 'sungai',
      jarak_km: '12',
      waktu_tempuh_menit: '120',
      kotak: '8',
      surat_suara: '4000',
      pengawal: '2',
      keterangan: '',
    },
  ];
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n');
}

export function RencanaImport({ kab, onDone }: { kab: string; onDone: () => void }) {
  const { errorText } = useI18n();
  const tl = useTeks(TEKS_LOGISTIK);
  const { upload, result, error, busy } = useSheetUpload(logistikApi.importRencana.response);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  const kecamatan = useWilayahChildren(kab).data?.items[0];
  const kelurahan = useWilayahChildren(kecamatan?.kode ?? kab).data?.items[0];
  const template = templatRencana(
    kab,
    kecamatan?.nama ?? tl('log.import.contohKecamatan'),
    kecamatan && kelurahan ? kelurahan.nama : tl('log.import.contohKelurahan'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setFileName(file.name);
    void upload(logistikApi.importRencana, { wilayah: kab }, file).then(onDone);
  };
  return (
    <form className="form-stack" onSubmit={submit} aria-label={tl('log.import.title')}>
      <p className="muted small">{tl('log.import.help', { zona: zonaOf(kab) })}</p>
      <p>
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
          download="templat-logistik.csv"
        >
          {tl('log.import.template')}
        </a>
      </p>
      <label>
        {tl('log.import.file')}
        <input
          ref={fileRef}
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
      </label>
      {busy && (
        <div className="progress-block" role="status" data-testid="log-import-busy">
          <progress aria-label={tl('log.import.busy', { file: fileName })} />
          <span>{tl('log.import.busy', { file: fileName })}</span>
        </div>
      )}
      {result && (
        <p role="status" className="success" data-testid="log-import-done">
          {tl('log.import.done', { n: result.rows })}
        </p>
      )}
      {error !== null && (
        <div role="alert" className="error error-block" data-testid="log-import-error">
          <p>{errorText(error)}</p>
          {error instanceof ApiError && <ImportErrors details={error.details} />}
        </div>
      )}
      <div className="actions">
        <button className="primary" type="submit" disabled={busy}>
          {tl('log.import.submit')}
        </button>
      </div>
    </form>
  );
}
