/** An officer who fell ill, was injured or died, reported through the phone's outbox (works offline, sent once). */
import { type FormEvent } from 'react';
import { KondisiInsiden, PenangananInsiden, type PetugasView } from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { KONDISI_INSIDEN, PENANGANAN_INSIDEN } from '../../../domain/petugas/insiden';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { fileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import './i18n';

export function InsidenForm({ petugas, onDone }: { petugas: PetugasView; onDone: () => void }) {
  const { t } = useI18n();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const clientId = crypto.randomUUID();
    const kondisi = KondisiInsiden.parse(form.get('kondisi'));
    await fileSubmission({
      id: clientId,
      kind: 'insiden-petugas',
      label: `${petugas.nama}: ${t(`petugas.kondisi.${kondisi}`)}`,
      requests: [
        outboxRequest('petugas.insiden', petugasApi.insiden, {
          body: {
            clientId,
            petugasId: petugas.id,
            kondisi,
            penanganan: PenangananInsiden.parse(form.get('penanganan')),
            fasilitas: formText(form, 'fasilitas'),
            terjadiAt: new Date().toISOString(),
            catatan: formText(form, 'catatan'),
          },
        }),
      ],
    });
    onDone();
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('petugas.laporInsiden')}>
      <label>
        {t('petugas.kondisiLabel')}
        <select name="kondisi" required defaultValue="sakit">
          {KONDISI_INSIDEN.map((k) => (
            <option key={k} value={k}>
              {t(`petugas.kondisi.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('petugas.penangananLabel')}
        <select name="penanganan" required defaultValue="puskesmas">
          {PENANGANAN_INSIDEN.map((k) => (
            <option key={k} value={k}>
              {t(`petugas.penanganan.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('petugas.fasilitas')}
        <input name="fasilitas" maxLength={120} />
      </label>
      <label>
        {t('petugas.catatan')}
        <input name="catatan" maxLength={2000} />
      </label>
      <button type="submit" className="primary">
        {t('petugas.kirim')}
      </button>
    </form>
  );
}
