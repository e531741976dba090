import { z } from 'zod';
import { AGENCIES, PERMISSIONS, ROLES } from '../domain/access/roles';

export const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  nama: z.string(),
  role: z.enum(ROLES),
  agency: z.enum(AGENCIES),
  kodeWilayah: z.string().nullable(),
  namaWilayah: z.string().nullable(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  user: SessionUser,
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;
