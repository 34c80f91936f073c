import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/** What a scanned check-in QR code put in the address: `?<idParam>=<id>&code=<code>` (empty when missing). */
export interface Scan {
  idParam: string;
  id: string;
  code: string;
}

/** The check-in mutation of a scan page: it posts the scanned code. */
interface CodePost {
  mutate: (code: string, options: { onSuccess: () => void }) => void;
}

/** Reads the scanned id (under `idParam`) and code from the address. */
export function useScan(idParam: string): Scan {
  const [params] = useSearchParams();
  return { idParam, id: params.get(idParam) ?? '', code: params.get('code') ?? '' };
}

/**
 * Posts the scanned code once per visit, then drops it from the address (a reload shows the check-in as the server
 * has it, not a stale code). A re-render, or React's double effect in development, must not post the code again.
 */
export function useScanOnce(scan: Scan, checkIn: CodePost): void {
  const [, setParams] = useSearchParams();
  const isSent = useRef(false);
  const { idParam, id, code } = scan;
  useEffect(() => {
    if (isSent.current || !id || !code) return;
    isSent.current = true;
    checkIn.mutate(code, { onSuccess: () => setParams({ [idParam]: id }, { replace: true }) });
  }, [idParam, id, code, checkIn, setParams]);
}
