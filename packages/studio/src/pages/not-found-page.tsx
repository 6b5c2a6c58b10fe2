import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A studio path that leads nowhere. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('notFound.title')} extra={<Link to="/">{t('notFound.home')}</Link>} />;
}
