/**
 * Imbauan: an instruction or appeal sent down the hierarchy, and what each recipient has done with it
 * (delivered to their inbox, read, acknowledged), with reminders for those who have not acknowledged.
 * The seeds' examples: the Pj Wali Kota asks camat and Forkopimcam to appeal to residents to hold back
 * (seed 001); Polda NTT asks every agency to keep a countdown (seed 002).
 */
import type { Role } from '../access/roles';

export const JENIS_IMBAUAN = ['instruksi', 'imbauan'] as const;
export type JenisImbauan = (typeof JENIS_IMBAUAN)[number];

export const PRIORITAS = ['biasa', 'segera', 'darurat'] as const;
export type Prioritas = (typeof PRIORITAS)[number];

/** Roles an imbauan can be addressed to, from Forkopimda down to the village. */
export const PENERIMA_ROLES: readonly Role[] = [
  'forkopimda',
  'operator',
  'camat',
  'lurah',
  'babinsa',
  'bhabinkamtibmas',
  'pengawas',
];

export type StatusPenerima = 'terkirim' | 'diterima' | 'dibaca' | 'dikonfirmasi';

export interface Penerimaan {
  deliveredAt: Date | null;
  readAt: Date | null;
  acknowledgedAt: Date | null;
  lastRemindedAt: Date | null;
  reminderCount: number;
}

/** The furthest step a recipient has reached. */
export function statusPenerima(p: Penerimaan): StatusPenerima {
  if (p.acknowledgedAt !== null) return 'dikonfirmasi';
  if (p.readAt !== null) return 'dibaca';
  if (p.deliveredAt !== null) return 'diterima';
  return 'terkirim';
}

/**
 * Hours without acknowledgement before a reminder is due, by priority; a reminder repeats after the
 * same interval, at most MAX_REMINDERS times (Siaga's defaults: an emergency cannot wait half a day,
 * an ordinary appeal can wait until the next morning's check).
 */
export const REMINDER_HOURS: Record<Prioritas, number> = { biasa: 12, segera: 3, darurat: 1 };
export const MAX_REMINDERS = 3;

export function reminderDue(p: Penerimaan, sentAt: Date, prioritas: Prioritas, now: Date): boolean {
  if (p.acknowledgedAt !== null || p.reminderCount >= MAX_REMINDERS) return false;
  const since = p.lastRemindedAt ?? sentAt;
  return now.getTime() - since.getTime() >= REMINDER_HOURS[prioritas] * 3_600_000;
}

export function rekapPenerimaan(list: readonly Penerimaan[]): Record<StatusPenerima, number> & {
  total: number;
  acknowledgedPercent: number;
} {
  const counts: Record<StatusPenerima, number> = { terkirim: 0, diterima: 0, dibaca: 0, dikonfirmasi: 0 };
  for (const p of list) counts[statusPenerima(p)] += 1;
  return {
    ...counts,
    total: list.length,
    acknowledgedPercent: list.length === 0 ? 0 : Math.round((counts.dikonfirmasi / list.length) * 1000) / 10,
  };
}

/**
 * CAP 1.2 (OASIS) mapping of a public imbauan: the urgency/severity/certainty triple and category.
 * A drill is sent with status "Exercise" so that no receiver treats it as real.
 */
export function capFields(prioritas: Prioritas): {
  urgency: 'Immediate' | 'Expected' | 'Future';
  severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor';
  certainty: 'Observed' | 'Likely' | 'Possible';
} {
  switch (prioritas) {
    case 'darurat':
      return { urgency: 'Immediate', severity: 'Severe', certainty: 'Observed' };
    case 'segera':
      return { urgency: 'Expected', severity: 'Moderate', certainty: 'Likely' };
    case 'biasa':
      return { urgency: 'Future', severity: 'Minor', certainty: 'Possible' };
  }
}
