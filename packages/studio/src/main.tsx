import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, createRoutesFromElements, RouterProvider } from 'react-router';
import { appRoutes } from './app/app-routes.js';
import { prefetchForPage } from './app/boot-prefetch.js';
import { createQueryClient, Providers } from './app/providers.js';
import { initI18n } from './i18n/index.js';

initI18n();
const queryClient = createQueryClient();
prefetchForPage(queryClient, window.location);
const router = createBrowserRouter(createRoutesFromElements(appRoutes));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
