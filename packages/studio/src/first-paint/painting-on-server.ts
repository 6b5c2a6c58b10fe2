import { createContext } from 'react';

/**
 * True while the server paints a page (render-first-paint.tsx): for the few components whose
 * markup depends on measuring the page in a browser, which the server cannot do.
 */
export const PaintingOnServer = createContext(false);
