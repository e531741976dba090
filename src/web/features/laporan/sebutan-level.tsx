/**
 * The words a kab/kota's SOP uses for the situation levels (docs/domain/laporan.md): read once per
 * area page and shared by every level shown on it; Siaga's words (i18n) when the region has none.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { laporanApi } from '../../../contracts/routes/laporan';
import type { LabelLevelSituasi, LevelSituasi } from '../../../domain/laporan/situasi';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import './i18n';

const SebutanLevel = createContext<LabelLevelSituasi | null>(null);

export function SebutanLevelProvider({ kode, children }: { kode: string; children: ReactNode }) {
  const sebutan = useQuery({
    queryKey: ['laporan', 'sebutan-level', kode],
    queryFn: () => call(laporanApi.getSebutanLevelByKode, { params: { kode } }),
    staleTime: 10 * 60_000,
  });
  const own = sebutan.data && !sebutan.data.isDefault ? sebutan.data.sebutan : null;
  return <SebutanLevel.Provider value={own}>{children}</SebutanLevel.Provider>;
}

/** How a level is named here: the region's own word, else Siaga's in the user's language. */
export function useLevelLabel(): (level: LevelSituasi) => string {
  const { t } = useI18n();
  const own = useContext(SebutanLevel);
  return (level) => own?.[level] ?? t(`laporan.level.${level}`);
}
