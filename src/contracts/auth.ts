import { z } from 'zod';
import { PERMISSIONS } from '../domain/access/roles';
import { UserIdentity } from './users';

export const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = UserIdentity.extend({
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  user: SessionUser,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;
