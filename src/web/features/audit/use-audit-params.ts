import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The audit trail's filters as the URL holds them (so the member page can link to its own events). */
export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const KEYS = ['actorId', 'entityType', 'entityId', 'from', 'to'] as const;
const DEFAULT_PAGE_SIZE = 20;

/** Filters, page and page size of the audit trail, read from and written to the query string. */
export function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: AuditFilters = {};
    for (const k of KEYS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params]);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE);

  const setFilters = useCallback(
    (patch: AuditFilters) =>
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
      ),
    [setParams],
  );
  const setPage = useCallback(
    (p: number, size: number) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (p > 1) next.set('page', String(p));
        else next.delete('page');
        if (size !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(size));
        else next.delete('pageSize');
        return next;
      }),
    [setParams],
  );
  return { filters, page, pageSize, setFilters, setPage };
}
