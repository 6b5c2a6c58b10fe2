import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client.js';

/** The path to sign in and come back to `path`; on the sign-in page already, where it is (its `next` kept). */
export function signInPath(path: string): string {
  if (path.startsWith('/sign-in')) return path;
  return path && path !== '/' ? `/sign-in?next=${encodeURIComponent(path)}` : '/sign-in';
}

/** Sends the user to the sign-in page when a request finds the session ended (401). */
export function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(undefined);
      client.clear();
      void navigate(signInPath(window.location.pathname + window.location.search), { replace: true });
    });
  }, [navigate, client]);
  return null;
}
