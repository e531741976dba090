/** English for users's texts: loaded only with the English dictionary (src/web/i18n/en.ts). */
import type { idUsers } from './i18n';

export const enUsers: Record<keyof typeof idUsers, string> = {
  'users.title': 'Users',
  'users.create': 'Add user',
  'users.username': 'Username',
  'users.nama': 'Full name',
  'users.role': 'Role',
  'users.agency': 'Agency',
  'users.wilayah': 'Area code (empty = national)',
  'users.active': 'Active',
  'users.password': 'Password (at least 10 characters)',
  'users.newPassword': 'New password (leave empty to keep)',
  'users.lastLogin': 'Last sign-in',
  'users.edit': 'Edit',
};
