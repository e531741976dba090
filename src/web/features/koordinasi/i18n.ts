/** Koordinasi texts: Indonesian first; the English object must have the same keys. */
export const idKoordinasi = {
  'nav.koordinasi': 'Koordinasi',
} as const;

export const enKoordinasi: Record<keyof typeof idKoordinasi, string> = {
  'nav.koordinasi': 'Coordination',
};
