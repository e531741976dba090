/**
 * One way every sheet import form sends its file (multipart, through the chosen election) and holds
 * its state: busy while sending, the server's answer, or its refusal (with the bad rows to list).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { RouteSpec } from '../../../contracts/route';
import { api, ApiError, urlOf } from '../../api/client';

export function useSheetUpload<T extends z.ZodType>(schema: T) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<z.infer<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /**
   * Sends `fields` and `file` to `path` (or a multipart route of the table); on success, refetches
   * everything the import may change.
   */
  async function upload(
    path: string | (RouteSpec & { upload: 'multipart' }),
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
      const url = typeof path === 'string' ? path : urlOf<RouteSpec>(path);
      setResult(await api(schema, url, { method: 'POST', body: form, headers }));
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', 'Tidak ada koneksi ke server'));
    } finally {
      setBusy(false);
    }
  }
  return { upload, result, error, busy };
}
