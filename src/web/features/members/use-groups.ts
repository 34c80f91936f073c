import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { OrgKind } from '../../../contracts/roles';

interface OrgItem {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  department: string | null;
}

/** A 工会小组 the current user can see, for selects and for naming a group id. */
export interface GroupOption {
  id: string;
  name: string;
  department: string | null;
}

/** The union groups visible in the current organisation (from GET /orgs), sorted by pinyin. */
export function useGroups() {
  return useQuery({
    queryKey: ['orgs', 'groups'],
    queryFn: async (): Promise<GroupOption[]> => {
      const { items } = await api.get<{ items: OrgItem[] }>('/orgs');
      return items
        .filter((o) => o.kind === 'group')
        .map((o) => ({ id: o.id, name: o.name, department: o.department }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    },
    staleTime: 5 * 60_000,
  });
}

/** Departments and tags in use on the roster, merged with the common tags so a new union still gets suggestions. */
export function useRosterFacets(commonTags: readonly string[]) {
  const query = useQuery({
    queryKey: ['members', 'facets'],
    queryFn: () => api.get<{ departments: string[]; tags: string[] }>('/members/facets'),
    staleTime: 5 * 60_000,
  });
  const tags = [...new Set([...(query.data?.tags ?? []), ...commonTags])];
  return { departments: query.data?.departments ?? [], tags };
}
