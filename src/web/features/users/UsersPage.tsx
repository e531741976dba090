import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { usersApi } from '../../../contracts/routes/users';
import { UserCreateInput, UserUpdateInput, type User } from '../../../contracts/users';
import { AGENCIES, ROLES } from '../../../domain/access/roles';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf, type Issues } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import './i18n';

export function UsersPage() {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['users', page, q],
    queryFn: () => call(usersApi.list, { query: { page, q, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('users.create')}
        </button>
      </div>
      {editing && <UserForm user={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      <label>
        {t('common.search')}
        <input type="search" value={q} onChange={(e) => (setQ(e.target.value), setPage(1))} />
      </label>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data && (
        <>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.nama')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.agency')}</th>
                  <th scope="col">{t('nav.wilayah')}</th>
                  <th scope="col">{t('users.active')}</th>
                  <th scope="col">{t('users.lastLogin')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('users.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((u) => (
                  <tr key={u.id}>
                    <td>{u.username}</td>
                    <td>{u.nama}</td>
                    <td>{u.role}</td>
                    <td>{u.agency}</td>
                    <td>{u.namaWilayah ?? t('wilayah.national')}</td>
                    <td>{u.isActive ? t('common.yes') : t('common.no')}</td>
                    <td>
                      {u.lastLoginAt
                        ? formatDateTime(u.lastLoginAt, u.kodeWilayah ?? user?.kodeWilayah)
                        : '–'}
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => setEditing(u)}
                        aria-label={`${t('users.edit')} ${u.username}`}
                      >
                        {t('users.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [clientIssues, setClientIssues] = useState<Issues>({});
  const save = useMutation({
    mutationFn: (input: { id: string; body: UserUpdateInput } | { id: null; body: UserCreateInput }) =>
      input.id === null
        ? call(usersApi.create, { body: input.body })
        : call(usersApi.update, { params: { id: input.id }, body: input.body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kode = formText(form, 'kodeWilayah');
    // Passwords are taken as typed: spaces at the ends are part of them.
    const rawPassword = form.get('password');
    const password = typeof rawPassword === 'string' ? rawPassword : '';
    const common = {
      nama: formText(form, 'nama'),
      role: form.get('role'),
      agency: form.get('agency'),
      kodeWilayah: kode === '' ? null : kode,
    };
    const refuse = (error: z.ZodError) =>
      setClientIssues(Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])));
    if (user) {
      const parsed = UserUpdateInput.safeParse({
        ...common,
        version: user.version,
        isActive: form.get('isActive') === 'on',
        ...(password ? { password } : {}),
      });
      if (!parsed.success) return refuse(parsed.error);
      setClientIssues({});
      save.mutate({ id: user.id, body: parsed.data });
    } else {
      const parsed = UserCreateInput.safeParse({ ...common, username: formText(form, 'username'), password });
      if (!parsed.success) return refuse(parsed.error);
      setClientIssues({});
      save.mutate({ id: null, body: parsed.data });
    }
  }
  const issues = { ...issuesOf(save.error), ...clientIssues };
  const errorId = useErrorIds();
  const described = (name: string) =>
    issues[name] ? { 'aria-invalid': true, 'aria-describedby': errorId(name) } : {};
  return (
    <form
      className="card form-grid"
      onSubmit={submit}
      aria-label={user ? `${t('users.edit')} ${user.username}` : t('users.create')}
    >
      {!user && (
        <label>
          {t('users.username')}
          <input name="username" required autoCapitalize="none" {...described('username')} />
          <FieldError id={errorId('username')} message={issues.username} />
        </label>
      )}
      <label>
        {t('users.nama')}
        <input name="nama" required defaultValue={user?.nama ?? ''} {...described('nama')} />
        <FieldError id={errorId('nama')} message={issues.nama} />
      </label>
      <label>
        {t('users.role')}
        <select name="role" defaultValue={user?.role ?? 'viewer'}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        {t('users.agency')}
        <select name="agency" defaultValue={user?.agency ?? 'kesbangpol'}>
          {AGENCIES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        {t('users.wilayah')}
        <input name="kodeWilayah" defaultValue={user?.kodeWilayah ?? ''} {...described('kodeWilayah')} />
        <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
      </label>
      <label>
        {user ? t('users.newPassword') : t('users.password')}
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required={!user}
          {...described('password')}
        />
        <FieldError id={errorId('password')} message={issues.password} />
      </label>
      {user && (
        <label className="checkbox">
          <input name="isActive" type="checkbox" defaultChecked={user.isActive} />
          {t('users.active')}
        </label>
      )}
      <ErrorMessage error={save.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
