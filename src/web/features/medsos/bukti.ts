/**
 * Sending a screenshot as evidence: the file exactly as captured (never shrunk or re-encoded, unlike an
 * incident photo), as the raw body of the route medsosApi.addBukti. Its SHA-256 is computed here too and
 * compared with the one the server stored, so a file altered on the way is noticed at once.
 */
import { BUKTI_MAX_BYTES, BUKTI_MIME } from '../../../contracts/medsos';
import { medsosApi } from '../../../contracts/routes/medsos';
import { sha256Hex } from '../../../domain/medsos/bukti';
import { call } from '../../api/client';

export function isBuktiAcceptable(file: File): boolean {
  return (
    (BUKTI_MIME as readonly string[]).includes(file.type) && file.size > 0 && file.size <= BUKTI_MAX_BYTES
  );
}

export async function uploadBukti(postId: string, file: File) {
  const local = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
  const diambilAt =
    file.lastModified > 0 ? new Date(Math.min(file.lastModified, Date.now())).toISOString() : undefined;
  const stored = await call(medsosApi.addBukti, {
    params: { id: postId },
    query: { diambilAt, nama: file.name.slice(0, 200) },
    body: file,
  });
  if (stored.sha256 !== local) throw new Error(`SHA-256 berbeda: ${local} ≠ ${stored.sha256}`);
  return stored;
}
