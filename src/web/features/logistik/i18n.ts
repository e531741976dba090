/**
 * Logistik's word in the menu, in the dictionary every page loads. The page's own texts are in teks.ts
 * and travel with its chunk (useTeks), so they cost a field phone's first page nothing.
 */
export const idLogistikNav = { 'nav.logistik': 'Logistik' };
export const enLogistikNav: Record<keyof typeof idLogistikNav, string> = { 'nav.logistik': 'Logistics' };
