import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { pageNumber, rowRange, type CursorPaging } from './cursor-paging.js';
import { pageSizes } from './list-state.js';

/** Previous and next page of a keyset-paged list, where it is ("rows 51–100"), and the page size. */
export function ListPager({ paging, pageSize, rowsShown, hasNext, loading, onPrevious, onNext, onPageSize }: {
  paging: CursorPaging; pageSize: number; rowsShown: number; hasNext: boolean; loading: boolean;
  onPrevious: () => void; onNext: () => void; onPageSize: (size: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const range = rowRange(paging, pageSize, rowsShown);
  const sizes = [...new Set([...pageSizes, pageSize])].sort((a, b) => a - b);
  return (
    <Flex gap={12} align="center" justify="end" wrap style={{ marginTop: 12 }} role="group" aria-label={t('list.pager.label')}>
      <Typography.Text type="secondary">
        {t('list.pager.page', { page: format.number(pageNumber(paging)) })}
        {range && ` · ${t('list.pager.rows', { from: format.number(range.from), to: format.number(range.to) })}`}
      </Typography.Text>
      <Button icon={<LeftOutlined aria-hidden />} disabled={paging.cursors.length === 0 || loading} onClick={onPrevious}>{t('list.pager.previous')}</Button>
      <Button icon={<RightOutlined aria-hidden />} iconPlacement="end" disabled={!hasNext || loading} onClick={onNext}>{t('list.pager.next')}</Button>
      <Select aria-label={t('list.pager.size')} value={pageSize} style={{ width: 120 }} onChange={onPageSize}
        options={sizes.map((size) => ({ value: size, label: t('list.pager.perPage', { count: size }) }))} />
    </Flex>
  );
}
