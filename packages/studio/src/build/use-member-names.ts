import { useQuery } from '@tanstack/react-query';
import { api, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';

interface Member { userId: string; name: string; email: string }

/**
 * The names of a workspace's members by user id, to say who applied a version. Empty when the
 * caller may not list members: the page then shows the id it has.
 */
export function useMemberNames(slug: string): Map<string, string> {
  const members = useQuery({
    // The members page's key and answer: one cache for both.
    queryKey: ['members', slug],
    queryFn: () => api.get<ListPage<Member>>(`/api/w/${seg(slug)}/members`),
    retry: false,
  });
  return new Map((members.data?.data ?? []).map((member) => [member.userId, member.name || member.email]));
}
