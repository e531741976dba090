/** Area-level risks and the IKP score beside the TPS mapping; planners record and end factors here. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { AREA_FACTOR_KODES, AreaFactorInput } from '../../../contracts/kerawanan';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { AREA_FACTORS } from '../../../domain/kerawanan/area-factors';
import { PHASES } from '../../../domain/kerawanan/catalogue';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import './i18n';

export function AreaFactorsPanel({ wilayah }: { wilayah: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [issue, setIssue] = useState<string | null>(null);
  const factors = useQuery({
    queryKey: ['area-factors', wilayah],
    queryFn: () => call(kerawananApi.getAreaFactors, { params: { kode: wilayah } }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['area-factors'] });
  const add = useMutation({
    mutationFn: (body: AreaFactorInput) => call(kerawananApi.postAreaFactor, { body }),
    onSuccess: refresh,
  });
  const end = useMutation({
    mutationFn: (id: string) => call(kerawananApi.deleteAreaFactor, { params: { id } }),
    onSuccess: refresh,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = AreaFactorInput.safeParse({
      kodeWilayah: wilayah,
      factor: formText(form, 'factor'),
      phase: formText(form, 'phase') || null,
      note: formText(form, 'note'),
    });
    if (!parsed.success) {
      setIssue(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setIssue(null);
    add.mutate(parsed.data);
    event.currentTarget.reset();
  }
  const planner = can('kerawanan:override');
  return (
    <section className="card" aria-labelledby="area-factors-title">
      <h2 id="area-factors-title">{t('kerawanan.areaFactors')}</h2>
      <ErrorMessage error={factors.error ?? add.error ?? end.error} />
      {factors.data?.ikp.map((ikp) => (
        <p key={`${ikp.kodeWilayah}-${ikp.indeks}`} data-testid="ikp">
          {ikp.indeksLabel} · {ikp.kodeWilayah}: <strong>{ikp.score}</strong> (
          {ikp.kategori === null
            ? t('kerawanan.ikp.tanpaKategori')
            : `${t(`kerawanan.ikp.${ikp.kategori}`)}${ikp.kategoriDari === 'rilis_bawaslu' ? `, ${t('kerawanan.ikp.rilis')}` : ''}`}
          , {ikp.year}) — <span className="small muted">{ikp.source}</span>
        </p>
      ))}
      {factors.data && factors.data.items.length === 0 && (
        <p className="muted">{t('kerawanan.noAreaFactors')}</p>
      )}
      <ul className="area-factors">
        {factors.data?.items.map((f) => (
          <li key={f.id}>
            <strong>{f.label}</strong> · {f.namaWilayah}
            {f.phase ? ` · ${t(`kerawanan.phase.${f.phase}`)}` : ''}
            <span className="block small">{f.note}</span>
            {planner && (
              <button type="button" className="small" onClick={() => end.mutate(f.id)}>
                {t('kerawanan.endFactor')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {planner && (
        <form className="form-grid" onSubmit={submit} aria-label={t('kerawanan.addFactor')}>
          <label>
            {t('kerawanan.factor')}
            <select name="factor" defaultValue={AREA_FACTOR_KODES[0]}>
              {AREA_FACTORS.map((f) => (
                <option key={f.kode} value={f.kode}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kerawanan.phase')}
            <select name="phase" defaultValue="">
              <option value="">{t('common.all')}</option>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {t(`kerawanan.phase.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kerawanan.note')}
            <input name="note" required minLength={3} maxLength={1000} />
          </label>
          {issue && <span className="field-error">{issue}</span>}
          <button type="submit" className="primary" disabled={add.isPending}>
            {t('kerawanan.addFactor')}
          </button>
        </form>
      )}
    </section>
  );
}
