import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert, PageLoading } from '../components';
import { useMe } from '../lib/session';

/** Renders its children for a signed-in user; otherwise sends them to /login, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading minHeight={400} />;
  if (me.isError) {
    return (
      <div style={{ maxWidth: 560, margin: '64px auto', padding: 16 }}>
        <ErrorAlert error={me.error} />
      </div>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
