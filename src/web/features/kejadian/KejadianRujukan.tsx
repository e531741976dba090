/**
 * The referral of a (likely) violation to Bawaslu / Sentra Gakkumdu: the form that makes it, then
 * every statutory deadline with its colour and the time left, the milestones and the outcome.
 */
import { useState, type FormEvent } from 'react';
import {
  HASIL_RUJUKAN,
  MILESTONE_KEYS,
  type KejadianDetail as Detail,
  type RujukanInput,
  type RujukanView,
} from '../../../contracts/kejadian';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { TUJUAN_RUJUKAN } from '../../../domain/kejadian/alur';
import { RULE_SETS } from '../../../domain/kejadian/gakkumdu';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, issuesOf, useErrorIds } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { usePemilihan } from '../pemilihan/pemilihan-context';
import { TENGGAT_COLOR } from './EskalasiClock';
import { useDetailMutation } from './useDetailMutation';
import { useKejadianText } from './useKejadianText';

export function KejadianRujukan({ item }: { item: Detail }) {
  const { t } = useKejadianText();
  const refer = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    call(kejadianApi.postByIdRujukan, { params: { id: item.id }, body: body as RujukanInput }),
  );
  // The election's own rules are the default (a Pilkades has no referral at all: bisaRujuk is false).
  const aturan = usePemilihan().current?.aturanPelanggaran;
  if (!item.rujukanDetail && !item.bisaRujuk) return null;
  const issues = issuesOf(refer.error);
  const errorId = useErrorIds();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const dilaporkanAt = waktuForm(form, 'dilaporkanAt', item.kodeWilayah);
    refer.mutate({
      ruleSet: formText(form, 'ruleSet'),
      lembaga: formText(form, 'lembaga'),
      version: item.version,
      ...(dilaporkanAt ? { dilaporkanAt } : {}),
    });
  };
  return (
    <div className="card">
      <h2>{t('kej.rujuk.title')}</h2>
      {item.rujukanDetail ? (
        <RujukanPanel item={item} rujukan={item.rujukanDetail} />
      ) : (
        <form className="form-grid" onSubmit={submit} aria-label={t('kej.rujuk.title')}>
          <label>
            {t('kej.rujuk.ruleSet')}
            <select name="ruleSet" defaultValue={aturan === 'pemilu' ? 'pemilu' : 'pilkada'}>
              {RULE_SETS.map((r) => (
                <option key={r} value={r}>
                  {t(`kej.rujuk.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kej.rujuk.lembaga')}
            <select name="lembaga" defaultValue={item.pelanggaran?.tujuan ?? 'bawaslu'}>
              {TUJUAN_RUJUKAN.map((l) => (
                <option key={l} value={l}>
                  {t(`kej.lembaga.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <WaktuSetempatInput
            label={(zona) => t('kej.rujuk.dilaporkanAt', { zona })}
            kodeWilayah={item.kodeWilayah}
            name="dilaporkanAt"
            aria-describedby={errorId('milestones.dilaporkanAt')}
          >
            <FieldError id={errorId('milestones.dilaporkanAt')} message={issues['milestones.dilaporkanAt']} />
          </WaktuSetempatInput>
          <ErrorMessage error={refer.error} />
          <button type="submit" className="primary" disabled={refer.isPending}>
            {t('kej.rujuk.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

function RujukanPanel({ item, rujukan }: { item: Detail; rujukan: RujukanView }) {
  const { t, formatTime, duration } = useKejadianText();
  const update = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    call(kejadianApi.patchByIdRujukan, { params: { id: item.id }, body }),
  );
  const [key, setKey] = useState<(typeof MILESTONE_KEYS)[number]>('dilaporkanAt');
  const issues = issuesOf(update.error);
  const errorId = useErrorIds();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const at = waktuForm(form, 'at', item.kodeWilayah);
    const hasil = formText(form, 'hasil');
    update.mutate({
      milestones: at ? { [key]: at } : {},
      ...(hasil !== (rujukan.hasil ?? '') ? { hasil: hasil === '' ? null : hasil } : {}),
    });
  };
  return (
    <>
      <p>
        {t(`kej.rujuk.${rujukan.ruleSet}`)} · {t('kej.rujuk.lembaga')}: {t(`kej.lembaga.${rujukan.lembaga}`)}{' '}
        · {t('kej.rujuk.outcome')}:{' '}
        {rujukan.hasil ? t(`kej.hasil.${rujukan.hasil}`) : t('kej.rujuk.outcomeNone')}
      </p>
      <h3>{t('kej.rujuk.deadlines')}</h3>
      {rujukan.tenggat.length === 0 ? (
        <p className="muted">{t('kej.rujuk.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('kej.rujuk.step')}</th>
                <th scope="col">{t('kej.rujuk.due')}</th>
                <th scope="col">{t('kej.rujuk.state')}</th>
                <th scope="col">{t('kej.rujuk.left')}</th>
              </tr>
            </thead>
            <tbody>
              {rujukan.tenggat.map((d) => (
                <tr key={`${d.step}-${d.label}`} data-testid="tenggat">
                  <td>
                    <abbr title={d.source}>{d.label}</abbr>
                  </td>
                  <td>{formatTime(d.dueAt, item.kodeWilayah)}</td>
                  <td>
                    <strong style={{ color: TENGGAT_COLOR[d.status] }}>{t(`kej.tenggat.${d.status}`)}</strong>
                  </td>
                  <td>
                    {d.minutesLeft === null
                      ? d.doneAt && formatTime(d.doneAt, item.kodeWilayah)
                      : d.minutesLeft >= 0
                        ? duration(d.minutesLeft)
                        : t('kej.ago', { left: duration(-d.minutesLeft) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul className="small">
        {MILESTONE_KEYS.filter((k) => rujukan.milestones[k] !== undefined).map((k) => (
          <li key={k}>
            {t(`kej.milestone.${k}`)}: {formatTime(rujukan.milestones[k]!, item.kodeWilayah)}
          </li>
        ))}
      </ul>
      {item.bisaUbahRujukan && (
        <form className="form-grid" onSubmit={submit} aria-label={t('kej.rujuk.milestone')}>
          <label>
            {t('kej.rujuk.milestone')}
            <select value={key} onChange={(e) => setKey(e.target.value as typeof key)}>
              {MILESTONE_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(`kej.milestone.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <WaktuSetempatInput
            label={(zona) => t('kej.rujuk.milestoneAt', { zona })}
            kodeWilayah={item.kodeWilayah}
            name="at"
            aria-describedby={errorId(`milestones.${key}`)}
          >
            <FieldError id={errorId(`milestones.${key}`)} message={issues[`milestones.${key}`]} />
          </WaktuSetempatInput>
          <label>
            {t('kej.rujuk.outcome')}
            <select name="hasil" defaultValue={rujukan.hasil ?? ''}>
              <option value="">{t('kej.rujuk.outcomeNone')}</option>
              {HASIL_RUJUKAN.map((h) => (
                <option key={h} value={h}>
                  {t(`kej.hasil.${h}`)}
                </option>
              ))}
            </select>
          </label>
          <ErrorMessage error={update.error} />
          <button type="submit" className="primary" disabled={update.isPending}>
            {t('kej.rujuk.save')}
          </button>
        </form>
      )}
    </>
  );
}
