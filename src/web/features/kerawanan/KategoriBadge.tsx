import { useI18n } from '../../i18n/i18n';
import { KATEGORI_COLORS } from '../map/akses-colors';
import './i18n';

export type KategoriKey = keyof typeof KATEGORI_COLORS;

/** A category in words and colour together, never colour alone. */
export function KategoriBadge({ kategori }: { kategori: KategoriKey | null }) {
  const { t } = useI18n();
  const key = kategori ?? 'belum';
  return (
    <span
      className="kategori"
      style={{ borderColor: KATEGORI_COLORS[key], color: KATEGORI_COLORS[key] }}
      data-kategori={key}
    >
      {t(`kerawanan.kategori.${key}`)}
    </span>
  );
}
