/**
 * One way every sheet import form sends its file (multipart, through the chosen election) and holds
 * its state: busy while sending, the server's answer, or its refusal (with the bad rows to list).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api, ApiError } from '../../api/client';

export function useSheetUpload<T extends z.ZodType>(schema: T) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<z.infer<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Sends `fields` and `file` to `path`; on success, refetches everything the import may change. */
  async function upload(
    path: string,
    fields: Record<string, string>,
    file: File,
    headers: Record<string, string> = {},
  ): Promise<void> {
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    try {
      setResult(await api(schema, path, { method: 'POST', body: form, headers }));
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', 'Tidak ada koneksi ke server'));
    } finally {
      setBusy(false);
    }
  }
  return { upload, result, error, busy };
}
