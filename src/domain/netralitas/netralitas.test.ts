import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../kejadian/gakkumdu';
import {
  applyAksi,
  JALUR_ETIK,
  newNetralitas,
  tenggatNetralitas,
  TERLAPOR,
  type AksiNetralitas,
  type Netralitas,
} from './netralitas';

const WITA = 8;
const t = (s: string) => new Date(`${s}+08:00`);

function run(n: Netralitas, ...aksi: AksiNetralitas[]): Netralitas {
  return aksi.reduce((state, a) => {
    const r = applyAksi(state, a);
    if (!r.ok) throw new Error(`${a.type}: ${r.code}`);
    return r.value;
  }, n);
}

describe('the route of a neutrality complaint', () => {
  const baru = (terlapor: Netralitas['terlapor']) =>
    newNetralitas(terlapor, t('2024-11-01T09:00:00'), t('2024-11-04T10:00:00'));

  it.each(TERLAPOR.map((k) => [k, JALUR_ETIK[k]]))('a violation by %s goes to %s', (terlapor, jalur) => {
    const n = run(baru(terlapor), {
      type: 'putus_kajian',
      hasil: 'pelanggaran',
      at: t('2024-11-06T10:00:00'),
    });
    expect(n).toMatchObject({ status: 'diteruskan', jalur, diteruskanAt: t('2024-11-06T10:00:00') });
  });

  it('closes a disciplinary route with the body’s decision and refuses a second one', () => {
    const n = run(
      baru('asn'),
      { type: 'putus_kajian', hasil: 'pelanggaran', at: t('2024-11-06T10:00:00') },
      { type: 'putusan', amar: 'Hukuman disiplin sedang', at: t('2024-11-20T10:00:00') },
    );
    expect(n).toMatchObject({ status: 'selesai', amar: 'Hukuman disiplin sedang' });
    expect(applyAksi(n, { type: 'putusan', amar: 'x', at: t('2024-11-21T10:00:00') })).toMatchObject({
      ok: false,
      code: 'status_tidak_sesuai',
    });
  });

  it('takes the criminal path through investigator, prosecutor and court in order only', () => {
    const pidana = run(baru('kepala_desa'), {
      type: 'putus_kajian',
      hasil: 'pidana',
      at: t('2024-11-06T10:00:00'),
    });
    expect(pidana).toMatchObject({ status: 'gakkumdu', jalur: 'pidana' });
    expect(applyAksi(pidana, { type: 'limpah_penuntut', at: t('2024-11-07T10:00:00') })).toMatchObject({
      ok: false,
    });
    expect(applyAksi(pidana, { type: 'putusan', amar: 'x', at: t('2024-11-07T10:00:00') })).toMatchObject({
      ok: false,
    });
    const putus = run(
      pidana,
      { type: 'teruskan_penyidik', at: t('2024-11-07T09:00:00') },
      { type: 'limpah_penuntut', at: t('2024-11-20T09:00:00') },
      { type: 'limpah_pengadilan', at: t('2024-11-25T09:00:00') },
      { type: 'putusan', amar: 'Pidana penjara 2 bulan (Pasal 188)', at: t('2024-11-29T09:00:00') },
    );
    expect(putus).toMatchObject({ status: 'selesai', milestones: { diputusPnAt: t('2024-11-29T09:00:00') } });
  });

  it('stops a complaint that is not a violation; asks for more information once, while studying', () => {
    const n = run(baru('polri'), { type: 'minta_keterangan', at: t('2024-11-05T09:00:00') });
    expect(applyAksi(n, { type: 'minta_keterangan', at: t('2024-11-05T10:00:00') })).toMatchObject({
      ok: false,
      code: 'sudah_diminta',
    });
    expect(
      run(n, { type: 'putus_kajian', hasil: 'bukan_pelanggaran', at: t('2024-11-08T09:00:00') }).status,
    ).toBe('dihentikan');
  });

  it('refuses a step dated before the report was received', () => {
    expect(
      applyAksi(baru('tni'), { type: 'putus_kajian', hasil: 'pelanggaran', at: t('2024-11-04T09:59:00') }),
    ).toMatchObject({ ok: false, code: 'sebelum_laporan' });
  });
});

describe('tenggatNetralitas', () => {
  const n = newNetralitas('asn', t('2024-11-01T09:00:00'), t('2024-11-04T10:00:00'));

  it('gives Bawaslu 3 days to study (5 once it asked for more), from the Pilkada rules', () => {
    const [lapor, kajian] = tenggatNetralitas(n, 'pilkada', WITA);
    expect(lapor).toMatchObject({
      step: 'lapor',
      dueAt: new Date(Date.parse('2024-11-09T00:00:00+08:00') - 1),
    });
    expect(kajian).toMatchObject({
      step: 'tindak_lanjut',
      dueAt: new Date(Date.parse('2024-11-08T00:00:00+08:00') - 1),
    });
    const diminta = run(n, { type: 'minta_keterangan', at: t('2024-11-05T09:00:00') });
    expect(tenggatNetralitas(diminta, 'pilkada', WITA)[1]!.dueAt).toEqual(
      new Date(Date.parse('2024-11-10T00:00:00+08:00') - 1),
    );
  });

  it('reminds the disciplining body 14 working days after the recommendation, skipping holidays', () => {
    // Recommendation Wed 6 Nov 2024: 14 working days end Tue 26 Nov; a holiday on 25 Nov moves it to 27 Nov.
    const diteruskan = run(n, { type: 'putus_kajian', hasil: 'pelanggaran', at: t('2024-11-06T10:00:00') });
    const instansi = (libur: string[]) =>
      tenggatNetralitas(diteruskan, 'pilkada', WITA, libur).find((d) => d.step === 'tindak_lanjut_instansi')!;
    expect(instansi([]).dueAt).toEqual(new Date(Date.parse('2024-11-27T00:00:00+08:00') - 1));
    expect(instansi(['2024-11-25']).dueAt).toEqual(new Date(Date.parse('2024-11-28T00:00:00+08:00') - 1));
    expect(deadlineStatus(instansi([]), t('2024-11-27T00:00:00'), 24)).toBe('lewat');
    const selesai = run(diteruskan, { type: 'putusan', amar: 'Teguran', at: t('2024-11-20T10:00:00') });
    expect(
      deadlineStatus(tenggatNetralitas(selesai, 'pilkada', WITA).at(-1)!, t('2024-12-01T00:00:00'), 24),
    ).toBe('terpenuhi');
  });

  it('adds Gakkumdu’s 1×24 hours to the investigator on the criminal path, and no body reminder', () => {
    const pidana = run(n, { type: 'putus_kajian', hasil: 'pidana', at: t('2024-11-06T10:00:00') });
    const steps = tenggatNetralitas(pidana, 'pilkada', WITA);
    expect(steps.map((s) => s.step)).toEqual(['lapor', 'tindak_lanjut', 'teruskan_penyidik']);
    expect(steps[2]!.dueAt).toEqual(t('2024-11-07T10:00:00'));
  });
});
