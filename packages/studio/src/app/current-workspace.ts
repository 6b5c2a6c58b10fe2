import { useMatch } from 'react-router';
import type { Session } from '../api/types.js';

const storageKey = 'tessera.workspace';

/** Remembers the last workspace opened, for the pages outside any workspace. */
export function rememberWorkspace(slug: string): void {
  try { localStorage.setItem(storageKey, slug); } catch { /* private mode: not remembered */ }
}

function remembered(): string | undefined {
  try { return localStorage.getItem(storageKey) ?? undefined; } catch { return undefined; }
}

/** The workspace of the URL, else the last one opened, else the user's first. */
export function useCurrentWorkspace(session: Session): string | undefined {
  const match = useMatch('/w/:slug/*');
  const fromUrl = match?.params.slug;
  if (fromUrl) return fromUrl;
  const last = remembered();
  if (last && session.workspaces.some((workspace) => workspace.slug === last)) return last;
  return session.workspaces[0]?.slug;
}
