import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, createRoutesFromElements, RouterProvider } from 'react-router';
import { appRoutes } from './app/app-routes.js';
import { prefetchForPage } from './app/boot-prefetch.js';
import { RecordsPage } from './app/page-modules.js';
import { createQueryClient, Providers } from './app/providers.js';
import { adoptFirstPaint } from './first-paint/first-paint-state.js';
import { initI18n } from './i18n/index.js';

initI18n();
const queryClient = createQueryClient();
const painted = adoptFirstPaint(queryClient);
void prefetchForPage(queryClient, window.location);
const router = createBrowserRouter(createRoutesFromElements(appRoutes));

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers client={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
}

// A page the server painted stays on screen until the studio's first render can replace it whole
// (its records chunk in memory, its data in the cache), never by a spinner in between.
if (painted) void RecordsPage.preload().finally(render);
else render();
