import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.js';
import { forgetFirstPages } from './early-requests.js';
import type { Session, User } from './types.js';

const sessionKey = ['session'] as const;

/** The session query, for useSession and for the prefetch at start-up. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async () => {
    const session = await api.get<Session>('/api/auth/session', { redirectOn401: false });
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 5 * 60_000,
});

/** The signed-in user, their CSRF token and workspaces; a 401 means nobody is signed in. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** The session, for components rendered only once it is known (inside RequireSession). */
export function useSignedIn(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useSignedIn outside RequireSession');
  return data;
}

/** POST /api/auth/sign-in; a wrong password is an answer to show, not a redirect. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<{ user: User; csrfToken: string }>('/api/auth/sign-in', body, { redirectOn401: false }),
    onSuccess: async (answer) => {
      setCsrfToken(answer.csrfToken);
      client.clear();
      await client.fetchQuery({ queryKey: sessionKey, queryFn: () => api.get<Session>('/api/auth/session', { redirectOn401: false }) });
    },
  });
}

/** POST /api/auth/sign-out, then forget everything cached for the user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/sign-out', {}, { redirectOn401: false }),
    onSettled: () => {
      setCsrfToken(undefined);
      forgetFirstPages();
      client.clear();
    },
  });
}
