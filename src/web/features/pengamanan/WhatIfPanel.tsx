/** What-if: add BKO, change a TPS's category or withdraw a unit, and see coverage before and after side by side. */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  PamKategori,
  type WhatIfResponse,
  type ForcesResponse,
  type WhatIfChange,
} from '../../../contracts/pengamanan';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { KATEGORI } from '../../../domain/kerawanan/score-tps';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

type Kind = WhatIfChange['kind'];
const KINDS: Kind[] = ['tambah_bko', 'ubah_kategori', 'tarik_unit'];

export function WhatIfPanel({
  wilayah,
  forces,
  planId,
  onPlanId,
}: {
  wilayah: string;
  forces: ForcesResponse;
  planId: string | null;
  onPlanId: (id: string) => void;
}) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('tambah_bko');
  const [count, setCount] = useState('200');
  const [tps, setTps] = useState('');
  const [kategori, setKategori] = useState<PamKategori>('sangat_rawan');
  const [unitId, setUnitId] = useState(forces.units[0]?.id ?? '');
  const [result, setResult] = useState<{ change: WhatIfChange; data: WhatIfResponse } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const change = (): WhatIfChange => {
    switch (kind) {
      case 'tambah_bko':
        return { kind, count: Number(count), force: 'bko_polda', homeKecamatan: null };
      case 'ubah_kategori':
        return { kind, tps, kategori };
      case 'tarik_unit':
        return { kind, unitId };
    }
  };

  async function compare(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const c = change();
    try {
      const data = await call(pengamananApi.whatIf, {
        body: { wilayah, changes: [c], ...(planId ? { basePlanId: planId } : {}) },
      });
      setResult({ change: c, data });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function saveDraft() {
    if (!result) return;
    setBusy(true);
    setError(null);
    try {
      const created = await call(pengamananApi.createPlan, {
        body: { clientId: crypto.randomUUID(), wilayah: forces.kodeKabKota, skenario: [result.change] },
      });
      onPlanId(created.id);
      await queryClient.invalidateQueries({ queryKey: ['pam-plans'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const rows = result
    ? ([
        [t('pengamanan.polriShortfall'), (s: WhatIfResponse['before']) => s.coverageByKind.polri.shortfall],
        [t('pengamanan.kelompok'), (s: WhatIfResponse['before']) => s.kelompokTerjaga],
        [
          `${t('pengamanan.linmas')} (${t('pengamanan.kurang')})`,
          (s: WhatIfResponse['before']) => s.coverageByKind.linmas.shortfall,
        ],
        ...KATEGORI.map(
          (k) =>
            [
              `${t(`pengamanan.kategori.${k}`)} (${t('pengamanan.kelompok').toLowerCase()})`,
              (s: WhatIfResponse['before']) => s.coveredByKategori[k] ?? 0,
            ] as const,
        ),
      ] as const)
    : [];

  return (
    <section aria-labelledby="pam-whatif" className="card">
      <h2 id="pam-whatif">{t('pengamanan.whatIf')}</h2>
      <p className="small">{t('pengamanan.whatIfHelp')}</p>
      <form className="form-grid" onSubmit={(e) => void compare(e)}>
        <label>
          {t('pengamanan.whatIf.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`pengamanan.whatIf.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'tambah_bko' && (
          <label>
            {t('pengamanan.whatIf.count')}
            <input
              type="number"
              min={1}
              max={100000}
              required
              value={count}
              onChange={(e) => setCount(e.target.value)}
            />
          </label>
        )}
        {kind === 'ubah_kategori' && (
          <>
            <label>
              {t('pengamanan.whatIf.tps')}
              <input required inputMode="numeric" value={tps} onChange={(e) => setTps(e.target.value)} />
            </label>
            <label>
              {t('pengamanan.whatIf.kategori')}
              <select value={kategori} onChange={(e) => setKategori(PamKategori.parse(e.target.value))}>
                {KATEGORI.map((k) => (
                  <option key={k} value={k}>
                    {t(`pengamanan.kategori.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {kind === 'tarik_unit' && (
          <label>
            {t('pengamanan.whatIf.unit')}
            <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              {forces.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.nama} ({u.jumlah})
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('pengamanan.whatIf.run')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {result && (
        <>
          <div className="table-scroll">
            <table className="table" data-testid="whatif-result">
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col" className="num">
                    {t('pengamanan.before')}
                  </th>
                  <th scope="col" className="num">
                    {t('pengamanan.after')}
                  </th>
                  <th scope="col" className="num">
                    {t('pengamanan.delta')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, pick], i) => {
                  const before = pick(result.data.before);
                  const after = pick(result.data.after);
                  return (
                    <tr key={label} data-testid={i === 0 ? 'whatif-shortfall' : undefined}>
                      <th scope="row">{label}</th>
                      <td className="num">{formatNumber(before)}</td>
                      <td className="num">{formatNumber(after)}</td>
                      <td className="num">
                        {after - before > 0 ? '+' : ''}
                        {formatNumber(after - before)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {result.data.compare.penjelasan.length > 0 && (
            <ul data-testid="whatif-penjelasan">
              {/* Sentences the server writes in Indonesian from the plans (domain/pengamanan/penjelasan.ts). */}
              {result.data.compare.penjelasan.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <details>
            <summary>{t('pengamanan.coverageKecamatan')}</summary>
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('pengamanan.kecamatan')}</th>
                    <th scope="col" className="num">
                      {t('pengamanan.kelompok')}: {t('pengamanan.before')} → {t('pengamanan.after')}
                    </th>
                    <th scope="col" className="num">
                      {t('pengamanan.polri')} ({t('pengamanan.kurang')}): {t('pengamanan.before')} →{' '}
                      {t('pengamanan.after')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.compare.kecamatan.map((k) => (
                    <tr key={k.kode}>
                      <th scope="row">{k.nama}</th>
                      <td className="num">
                        {k.kelompokTerjaga.before} → {k.kelompokTerjaga.after}
                      </td>
                      <td className="num">
                        {k.polriShortfall.before} → {k.polriShortfall.after}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          {forces.canPlan && (
            <p className="actions">
              <button type="button" disabled={busy} onClick={() => void saveDraft()}>
                {t('pengamanan.whatIf.saveDraft')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
