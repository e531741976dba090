/** Audit: this feature's texts in Bahasa Indonesia (English in i18n.en.ts, same keys). */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idAudit = registerTexts({
  'audit.title': 'Jejak audit',
  'audit.at': 'Waktu',
  'audit.actor': 'Pengguna',
  'audit.action': 'Tindakan',
  'audit.entity': 'Data',
  'audit.changes': 'Sebelum / sesudah',
});
