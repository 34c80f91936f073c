import { useCallback } from 'react';
import { useUrlFilters } from '../../lib/use-url-filters';
import type { RosterFilters } from './member-types';

/** The URL keys the roster reads, so a link like /members?groupId=… or a reload restores the same view. */
export const FILTER_KEYS = [
  'q', 'groupId', 'department', 'postType', 'employmentStatus', 'membershipStatus', 'tag', 'gender', 'ageBand', 'sort',
] as const satisfies readonly (keyof RosterFilters)[];

/** The roster's state in the URL query string: filters, sort, page and page size, with setters. */
export function useRosterParams() {
  const url = useUrlFilters(FILTER_KEYS);
  const { page, pageSize, setPage, setParams } = url;
  const filters = url.filters as RosterFilters;
  /** Changes some filters; any change of filter sends the user back to page 1. */
  const setFilters = url.setFilters as (patch: Partial<RosterFilters>) => void;

  const clearFilters = useCallback(() => {
    setParams((prev) => {
      const next = new URLSearchParams();
      // Keep the chosen sort and page size: they are preferences, not filters.
      for (const key of ['sort', 'pageSize']) {
        const v = prev.get(key);
        if (v) next.set(key, v);
      }
      return next;
    });
  }, [setParams]);

  const hasFilters = FILTER_KEYS.some((k) => k !== 'sort' && filters[k]);
  return { filters, page, pageSize, setFilters, setPage, clearFilters, hasFilters };
}
