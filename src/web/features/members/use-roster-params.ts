import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { RosterFilters } from './member-types';

/** The URL keys the roster reads, so a link like /members?groupId=… or a reload restores the same view. */
export const FILTER_KEYS = [
  'q', 'groupId', 'department', 'postType', 'employmentStatus', 'membershipStatus', 'tag', 'gender', 'ageBand', 'sort',
] as const satisfies readonly (keyof RosterFilters)[];

const DEFAULT_PAGE_SIZE = 20;

/** The roster's state in the URL query string: filters, sort, page and page size, with setters. */
export function useRosterParams() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const out: RosterFilters = {};
    for (const key of FILTER_KEYS) {
      const v = params.get(key);
      if (v) out[key] = v;
    }
    return out;
  }, [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE);

  /** Changes some filters; any change of filter sends the user back to page 1. */
  const setFilters = useCallback(
    (patch: Partial<RosterFilters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        if (nextSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(nextSize));
        else next.delete('pageSize');
        return next;
      });
    },
    [setParams],
  );

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
