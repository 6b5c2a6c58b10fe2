import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordRow } from '../records/use-records.js';
import type { ChannelIdentity } from './customer-360-layout.js';
import { SectionTitle } from './section-title.js';

const channelColors: Record<ChannelIdentity['channel'], string> = { taobao: '#ff5000', jd: '#e4393c', wechat: '#07c160' };

/** The ids the sales platforms know the customer by, each under its platform's name (淘宝, 京东, 微信); a masked one cannot be copied. */
export function ChannelIdentitiesCard({ identities, record, revealed }: { identities: ChannelIdentity[]; record: RecordRow; revealed: boolean }) {
  const { t } = useTranslation();
  if (identities.length === 0) return null;
  const linked = identities.filter((identity) => typeof record[identity.field.name] === 'string' && record[identity.field.name] !== '');
  return (
    <Card size="small" title={<SectionTitle>{t('record.c360.identities')}</SectionTitle>} style={{ marginBottom: 16 }}>
      {linked.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.c360.noIdentity')} />}
      <Flex vertical gap={8}>
        {linked.map(({ field, channel }) => (
          <Flex key={field.name} gap={8} align="center">
            <Tag color={channelColors[channel]} style={{ marginInlineEnd: 0 }}>{t(`record.c360.channel.${channel}`)}</Tag>
            <Typography.Text code copyable={revealed || !field.personal} style={{ overflowWrap: 'anywhere' }}>{String(record[field.name])}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
