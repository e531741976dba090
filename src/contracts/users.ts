import { z } from 'zod';
import { AGENCIES, ROLES } from '../domain/access/roles';
import { KodeWilayah, PageQuery, pageOf, Version } from './common';

/** Who a user is, as every answer about a user shows it: the signed-in session's and the admin's list. */
export const UserIdentity = z.object({
  id: z.string(),
  username: z.string(),
  nama: z.string(),
  role: z.enum(ROLES),
  agency: z.enum(AGENCIES),
  kodeWilayah: z.string().nullable(),
  namaWilayah: z.string().nullable(),
});

export const User = UserIdentity.extend({
  isActive: z.boolean(),
  version: z.number().int(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});
export const UserPage = pageOf(User);

/** At least 10 characters: long passphrases beat complexity rules (NIST SP 800-63B §5.1.1). */
export const Password = z.string().min(10, 'Kata sandi minimal 10 karakter').max(200);

export const UserCreateInput = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,64}$/, 'Nama pengguna 3-64 huruf kecil, angka, titik, garis'),
    nama: z.string().trim().min(1).max(200),
    password: Password,
    role: z.enum(ROLES),
    agency: z.enum(AGENCIES),
    kodeWilayah: KodeWilayah.nullable(),
  })
  .strict();
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = z
  .object({
    version: Version,
    nama: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES).optional(),
    agency: z.enum(AGENCIES).optional(),
    kodeWilayah: KodeWilayah.nullable().optional(),
    isActive: z.boolean().optional(),
    password: Password.optional(),
  })
  .strict();
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;
