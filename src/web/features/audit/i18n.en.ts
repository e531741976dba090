/** English for audit's texts: loaded only with the English dictionary (src/web/i18n/en.ts). */
import type { idAudit } from './i18n';

export const enAudit: Record<keyof typeof idAudit, string> = {
  'audit.title': 'Audit trail',
  'audit.at': 'Time',
  'audit.actor': 'User',
  'audit.action': 'Action',
  'audit.entity': 'Record',
  'audit.changes': 'Before / after',
};
