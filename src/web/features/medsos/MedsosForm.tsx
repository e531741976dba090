/**
 * Recording a post: address, account, the text as captured, when it was seen, the area it concerns,
 * its classification and one or more screenshots. Checked against the API's contract here; the post is
 * saved once per client id (a resend after a lost answer is the same record), then each screenshot is
 * sent as it is and its SHA-256 compared with the server's.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { BUKTI_MAX_BYTES, MedsosPostInput } from '../../../contracts/medsos';
import { medsosApi } from '../../../contracts/routes/medsos';
import { KATEGORI_MEDSOS } from '../../../domain/medsos/medsos';
import { PLATFORM } from '../../../domain/medsos/url';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf, type Issues } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import { isBuktiAcceptable, uploadBukti } from './bukti';
import { MEDSOS_KEY } from './MedsosPage';
import { useMedsosText } from './useMedsosText';
import './i18n';

export function MedsosForm() {
  const { t } = useMedsosText();
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [clientId] = useState(() => crypto.randomUUID());
  const [kodeInput, setKodeWilayah] = useState<string | null>(null);
  // The area the post concerns (as the picker sends it) sets the clock its time is typed on.
  const wilayah = kodeInput ?? user?.kodeWilayah ?? null;
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const errorId = useErrorIds();
  const [progress, setProgress] = useState<{ i: number; n: number } | null>(null);

  const save = useMutation({
    mutationFn: async (body: MedsosPostInput) => {
      const post = await call(medsosApi.create, { body });
      for (const [i, file] of files.entries()) {
        setProgress({ i: i + 1, n: files.length });
        await uploadBukti(post.id, file);
      }
      return post;
    },
    onSuccess: (post) => {
      void client.invalidateQueries({ queryKey: MEDSOS_KEY });
      void navigate(`/medsos/${post.id}`);
    },
    onError: (error) => setIssues(issuesOf(error)),
    onSettled: () => setProgress(null),
  });
  const duplicateId =
    save.error instanceof ApiError && save.error.code === 'conflict'
      ? ((save.error.details as { id?: string } | undefined)?.id ?? null)
      : null;

  const chooseFiles = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    setFileError(null);
    if (chosen.some((f) => !isBuktiAcceptable(f))) {
      setFileError(t('med.bukti.type', { mb: BUKTI_MAX_BYTES / 1048576 }));
      setFiles([]);
      return;
    }
    setFiles(chosen);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const form = new FormData(event.currentTarget);
    const platform = formText(form, 'platform');
    const body = {
      clientId,
      url: formText(form, 'url'),
      akun: formText(form, 'akun'),
      teks: formText(form, 'teks'),
      dilihatAt: waktuForm(form, 'dilihatAt', wilayah),
      kodeWilayah: formText(form, 'kodeWilayah'),
      kategori: formText(form, 'kategori'),
      ...(platform === '' ? {} : { platform }),
    };
    const checked = MedsosPostInput.safeParse(body);
    if (!checked.success) {
      setIssues(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setIssues({});
    save.mutate(checked.data);
  };

  const describedBy = (name: string) => (issues[name] ? errorId(name) : undefined);
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('med.form.title')} noValidate>
      <h1>{t('med.form.title')}</h1>
      <label>
        {t('med.form.url')}
        <input name="url" type="url" inputMode="url" required aria-describedby={describedBy('url')} />
        <FieldError id={errorId('url')} message={issues.url} />
      </label>
      <label>
        {t('med.form.platform')}
        <select name="platform" defaultValue="">
          <option value="">{t('med.form.platformAuto')}</option>
          {PLATFORM.map((p) => (
            <option key={p} value={p}>
              {t(`med.platform.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('med.form.akun')}
        <input name="akun" required maxLength={200} aria-describedby={describedBy('akun')} />
        <FieldError id={errorId('akun')} message={issues.akun} />
      </label>
      <label>
        {t('med.form.teks')}
        <textarea name="teks" rows={5} maxLength={10000} aria-describedby={describedBy('teks')} />
        <FieldError id={errorId('teks')} message={issues.teks} />
      </label>
      <WaktuSetempatInput
        label={(zona) => t('med.form.dilihatAt', { zona })}
        kodeWilayah={wilayah}
        name="dilihatAt"
        required
        defaultInstant={new Date()}
        aria-describedby={describedBy('dilihatAt')}
      >
        <FieldError id={errorId('dilihatAt')} message={issues.dilihatAt} />
      </WaktuSetempatInput>
      <WilayahPicker
        scope={user?.kodeWilayah ?? null}
        scopeName={user?.namaWilayah ?? null}
        value={kodeInput}
        onChange={setKodeWilayah}
        label={t('med.form.wilayah')}
        name="kodeWilayah"
        maxDepth={4}
        describedBy={describedBy('kodeWilayah')}
      />
      <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
      <label>
        {t('med.form.kategori')}
        <select name="kategori" required defaultValue="" aria-describedby={describedBy('kategori')}>
          <option value="" disabled>
            —
          </option>
          {KATEGORI_MEDSOS.map((k) => (
            <option key={k} value={k}>
              {t(`med.kategori.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id={errorId('kategori')} message={issues.kategori} />
      </label>
      <label>
        {t('med.form.screenshots')}
        <input
          type="file"
          name="bukti"
          multiple
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => chooseFiles(e.target.files)}
        />
      </label>
      {fileError && <p className="field-error">{fileError}</p>}
      {progress && <p role="status">{t('med.form.uploading', progress)}</p>}
      {duplicateId ? (
        <p className="field-error" role="alert">
          {t('med.form.duplicate')} <Link to={`/medsos/${duplicateId}`}>{t('med.form.openExisting')}</Link>
        </p>
      ) : (
        <ErrorMessage error={Object.keys(issues).length > 0 ? null : save.error} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('med.form.saving') : t('med.form.save')}
        </button>
      </div>
    </form>
  );
}
