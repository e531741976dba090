import { useState } from 'react';
import {
  FOTO_MAX_BYTES,
  FOTO_PER_KEJADIAN_MAKS,
  type KejadianDetail as Detail,
} from '../../../contracts/kejadian';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { isFotoTooLarge, isFotoType, shrinkPhoto, uploadFoto } from './foto';
import { useDetailMutation } from './useDetailMutation';
import { useKejadianText } from './useKejadianText';

/**
 * The incident's photos (ADR 0017): the newest is shown; every earlier one stays as evidence and is
 * listed under it with the time it was sent. Sending a photo adds one; none is ever replaced.
 */
export function KejadianFoto({ item }: { item: Detail }) {
  const { t, formatTime } = useKejadianText();
  const [error, setError] = useState<string | null>(null);
  const send = useDetailMutation(item.id, async (file: File) => {
    await uploadFoto(item.id, await shrinkPhoto(file));
    return call(kejadianApi.getById, { params: { id: item.id } });
  });
  if (!item.foto && !item.bisaUnggahFoto) return null;
  const earlier = item.fotoSemua.slice(0, -1).reverse();
  const fotoUrl = (fotoId: string) =>
    urlOf(kejadianApi.getByIdFotoByFotoId, { params: { id: item.id, fotoId } });
  return (
    <div className="card">
      <h2>{t('kej.detail.photo')}</h2>
      {item.foto && (
        <figure style={{ margin: 0 }}>
          <img
            src={fotoUrl(item.foto.id)}
            alt={t('kej.detail.photo')}
            style={{ maxWidth: '100%', height: 'auto' }}
            loading="lazy"
          />
          <figcaption className="muted">
            {t('kej.detail.photoSent', { waktu: formatTime(item.foto.dikirimAt, item.kodeWilayah) })}
          </figcaption>
        </figure>
      )}
      {earlier.length > 0 && (
        <>
          <h3>{t('kej.detail.photoEarlier', { n: earlier.length })}</h3>
          <ul>
            {earlier.map((f) => (
              <li key={f.id}>
                <a href={fotoUrl(f.id)} target="_blank" rel="noopener">
                  {t('kej.detail.photoSent', { waktu: formatTime(f.dikirimAt, item.kodeWilayah) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {item.bisaUnggahFoto && item.fotoSemua.length < FOTO_PER_KEJADIAN_MAKS && (
        <label>
          {t(item.foto ? 'kej.detail.addPhoto' : 'kej.detail.uploadPhoto')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setError(null);
              if (!file) return;
              if (!isFotoType(file.type)) return setError(t('kej.form.photoType'));
              if (isFotoTooLarge(file) && typeof createImageBitmap !== 'function') {
                return setError(t('kej.form.photoTooLarge', { mb: FOTO_MAX_BYTES / 1048576 }));
              }
              send.mutate(file);
            }}
          />
        </label>
      )}
      {item.foto && <p className="muted">{t('kej.detail.photoKept')}</p>}
      {error && <p className="field-error">{error}</p>}
      <ErrorMessage error={send.error} />
    </div>
  );
}
