/** Petugas: rosters, screening, check-ins, the fatigue warning, officer incidents (Bahasa Indonesia first). */
export const idPetugas = {
  'nav.petugas': 'Petugas',
  'role.kpps': 'Ketua KPPS',
  'role.dinkes': 'Dinas Kesehatan',
  'agency.dinkes': 'Dinas Kesehatan',
};

export const enPetugas: Record<keyof typeof idPetugas, string> = {
  'nav.petugas': 'Officers',
  'role.kpps': 'KPPS chair',
  'role.dinkes': 'Health Office',
  'agency.dinkes': 'Health Office',
};
