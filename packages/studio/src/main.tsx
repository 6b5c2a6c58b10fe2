import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app/app-routes.js';
import { prefetchForPage } from './app/boot-prefetch.js';
import { createQueryClient, Providers } from './app/providers.js';
import { initI18n } from './i18n/index.js';

initI18n();
const queryClient = createQueryClient();
prefetchForPage(queryClient, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Providers client={queryClient}>
        <AppRoutes />
      </Providers>
    </BrowserRouter>
  </StrictMode>,
);
