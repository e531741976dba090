/** Rencana pengamanan texts: Indonesian first; the English object must have the same keys. */
export const idPengamanan = {
  'nav.pengamanan': 'Pengamanan',
  'pengamanan.title': 'Rencana pengamanan',
} as const;

export const enPengamanan: Record<keyof typeof idPengamanan, string> = {
  'nav.pengamanan': 'Security plan',
  'pengamanan.title': 'Security plan',
};
