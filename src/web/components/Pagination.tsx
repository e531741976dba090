import { useI18n } from '../i18n/i18n';

export function Pagination(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  // One page needs no page buttons (on a phone they were a row of disabled controls).
  if (pages <= 1 && props.page <= 1) return null;
  return (
    <nav className="pagination" aria-label="pagination">
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        ‹ {t('common.previous')}
      </button>
      <span>{t('common.page', { page: props.page, pages })}</span>
      <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('common.next')} ›
      </button>
    </nav>
  );
}
