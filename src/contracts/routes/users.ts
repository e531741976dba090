/** User accounts within the manager's scope. */
import { IdParams } from '../common';
import { User, UserCreateInput, UserListQuery, UserPage, UserUpdateInput } from '../users';
import { routeGroup } from '../route';

const route = routeGroup(['users']);

export const usersApi = {
  list: route({
    method: 'GET',
    path: '/users',
    permission: 'user:read',
    summary: 'Pengguna dalam cakupan',
    query: UserListQuery,
    response: UserPage,
  }),
  get: route({
    method: 'GET',
    path: '/users/:id',
    permission: 'user:read',
    summary: 'Satu pengguna',
    params: IdParams,
    response: User,
  }),
  create: route({
    method: 'POST',
    path: '/users',
    permission: 'user:manage',
    summary: 'Buat pengguna',
    body: UserCreateInput,
    response: User,
    responses: { 201: User },
  }),
  update: route({
    method: 'PATCH',
    path: '/users/:id',
    permission: 'user:manage',
    summary: 'Ubah pengguna (peran, cakupan, aktif, kata sandi)',
    params: IdParams,
    body: UserUpdateInput,
    response: User,
  }),
};
