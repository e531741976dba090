/** A post's evidence: each screenshot by its SHA-256 (viewing one is audited), and more sent as captured. */
import { useState } from 'react';
import { BUKTI_MAX_BYTES } from '../../../contracts/medsos';
import { medsosApi } from '../../../contracts/routes/medsos';
import { call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { isBuktiAcceptable, uploadBukti } from './bukti';
import { useDetailMutation, type Detail } from './useDetailMutation';
import { useMedsosText } from './useMedsosText';

export function MedsosBukti({ item }: { item: Detail }) {
  const { t, formatTime, size } = useMedsosText();
  const [error, setError] = useState<string | null>(null);
  const send = useDetailMutation(item.id, async (files: File[]) => {
    for (const file of files) await uploadBukti(item.id, file);
    return call(medsosApi.get, { params: { id: item.id } });
  });
  return (
    <div className="card" aria-labelledby="bukti-title">
      <h2 id="bukti-title">{t('med.bukti.title')}</h2>
      <p className="muted small">{t('med.bukti.note')}</p>
      {item.bukti.length === 0 && <p>{t('med.bukti.none')}</p>}
      <ul>
        {item.bukti.map((b) => (
          <li key={b.id} data-testid="medsos-bukti" style={{ overflowWrap: 'anywhere' }}>
            <a
              href={urlOf(medsosApi.getBukti, { params: { id: item.id, buktiId: b.id } })}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('med.bukti.view')}
            </a>{' '}
            {t('med.bukti.item', {
              nama: b.namaBerkas || b.mime,
              size: size(b.sizeBytes),
              time: formatTime(b.diambilAt, item.kodeWilayah),
              oleh: b.diambilOleh,
            })}
            <div className="muted small" style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              SHA-256 {b.sha256}
            </div>
          </li>
        ))}
      </ul>
      {item.bisaUnggahBukti && (
        <label>
          {t('med.bukti.add')}
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              setError(null);
              if (files.length === 0) return;
              if (files.some((f) => !isBuktiAcceptable(f)))
                return setError(t('med.bukti.type', { mb: BUKTI_MAX_BYTES / 1048576 }));
              send.mutate(files);
            }}
          />
        </label>
      )}
      {error && <p className="field-error">{error}</p>}
      <ErrorMessage error={send.error} />
    </div>
  );
}
