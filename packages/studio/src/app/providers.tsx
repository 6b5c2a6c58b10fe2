import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { antdLocale } from '../i18n/antd-locales.js';
import { useLocale } from '../i18n/index.js';

function retry(failureCount: number, error: unknown): boolean {
  // A 4xx will answer the same again; only a lost connection or a server fault is worth a retry.
  const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
  return transient && failureCount < 2;
}

/** The studio's one query client: created before React renders, so that start-up can fill it early. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: false }, mutations: { retry: false } } });
}

/** Server state (TanStack Query), antd in the current language, and antd's message/modal context. */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  const locale = useLocale();
  const antd = useMemo(() => antdLocale(locale), [locale]);
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={antd} theme={{ token: { fontFamily: 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
