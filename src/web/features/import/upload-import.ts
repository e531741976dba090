/**
 * Uploads a TPS sheet and follows the server's NDJSON progress stream. XMLHttpRequest rather than
 * fetch because it reports upload progress, which matters on a weak phone connection.
 */
import { TpsImportEvent, type TpsImportResult } from '../../../contracts/tps';
import { tpsApi } from '../../../contracts/routes/tps';
import { ApiError, getCsrfToken, urlOf } from '../../api/client';

export type ImportProgress =
  | { phase: 'upload'; done: number; total: number }
  | { phase: 'parse' | 'validate' | 'write'; done: number; total: number };

export function uploadImport(options: {
  wilayah: string;
  file: File;
  idempotencyKey: string;
  onProgress: (progress: ImportProgress) => void;
}): Promise<TpsImportResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('wilayah', options.wilayah);
    form.append('file', options.file, options.file.name);
    const xhr = new XMLHttpRequest();
    xhr.open(tpsApi.import.method, urlOf(tpsApi.import, { body: form }));
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('idempotency-key', options.idempotencyKey);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    let consumed = 0;
    let settled = false;
    const readLines = () => {
      const text = xhr.responseText;
      let newline = text.indexOf('\n', consumed);
      while (newline !== -1) {
        const line = text.slice(consumed, newline).trim();
        consumed = newline + 1;
        newline = text.indexOf('\n', consumed);
        if (!line) continue;
        const parsed = TpsImportEvent.safeParse(JSON.parse(line));
        if (!parsed.success) continue;
        const event = parsed.data;
        if (event.type === 'progress') options.onProgress(event);
        else if (event.type === 'done') {
          settled = true;
          resolve(event.result);
        } else {
          settled = true;
          reject(new ApiError(422, event.error.code, event.error.message, event.error.details));
        }
      }
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress({ phase: 'upload', done: e.loaded, total: e.total });
    };
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON
        }
        const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)
          ?.error;
        reject(
          new ApiError(
            xhr.status,
            error?.code ?? 'internal',
            error?.message ?? xhr.statusText,
            error?.details,
          ),
        );
        return;
      }
      readLines();
      if (!settled) reject(new ApiError(0, 'network', 'Jawaban server terputus'));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Tidak ada koneksi ke server'));
    xhr.send(form);
  });
}
