import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title (an h2 under the studio's h1 in the top bar), an optional note beside it and its actions on the right. */
export function PageHeader({ title, note, extra }: { title: ReactNode; note?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {title}
        {note !== undefined && ' '}
        {note !== undefined && <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 12 }}>{note}</Typography.Text>}
      </Typography.Title>
      {extra && <Flex gap={8} wrap>{extra}</Flex>}
    </Flex>
  );
}
