import { useUrlFilters } from '../../lib/use-url-filters';

/** The audit trail's filters as the URL holds them (so the member page can link to its own events). */
export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const KEYS = ['actorId', 'entityType', 'entityId', 'from', 'to'] as const;

/** Filters, page and page size of the audit trail, read from and written to the query string. */
export function useAuditParams() {
  const { filters, page, pageSize, setFilters, setPage } = useUrlFilters(KEYS);
  return { filters: filters as AuditFilters, page, pageSize, setFilters: setFilters as (patch: AuditFilters) => void, setPage };
}
