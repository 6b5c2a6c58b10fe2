import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A block's heading (an h3 under the page's h2): screen readers and browser tests find blocks by it. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{children}</Typography.Title>;
}
