import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { OrgsPage } from '../features/orgs/OrgsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { AppLayout } from './AppLayout';
import { mayManageOrgs } from './nav';
import { NotFoundPage } from './NotFoundPage';
import { RequireAllowed } from './RequireAllowed';
import { RequireAuth } from './RequireAuth';

// The roster, import, plan, calendar and audit modules are larger and used by fewer people: they load on first visit.
const RosterPage = lazy(() => import('../features/members').then((m) => ({ default: m.RosterPage })));
const MemberCreatePage = lazy(() => import('../features/members').then((m) => ({ default: m.MemberCreatePage })));
const MemberDetailPage = lazy(() => import('../features/members').then((m) => ({ default: m.MemberDetailPage })));
const ImportWizardPage = lazy(() => import('../features/imports').then((m) => ({ default: m.ImportWizardPage })));
const PlansPage = lazy(() => import('../features/plans').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('../features/plans').then((m) => ({ default: m.PlanPage })));
const PlanImportPage = lazy(() => import('../features/plans').then((m) => ({ default: m.PlanImportPage })));
const CalendarPage = lazy(() => import('../features/calendar').then((m) => ({ default: m.CalendarPage })));
const AuditPage = lazy(() => import('../features/audit').then((m) => ({ default: m.AuditPage })));

/** Every address of the web client. A member's own file (/members/:id) is left to the server to allow. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="members" element={<RequireAllowed when={(me) => me.abilities.includes('member.list')}><RosterPage /></RequireAllowed>} />
        <Route path="members/new" element={<RequireAllowed when={(me) => me.abilities.includes('member.create')}><MemberCreatePage /></RequireAllowed>} />
        <Route path="members/:id" element={<MemberDetailPage />} />
        <Route path="imports/new" element={<RequireAllowed when={(me) => me.abilities.includes('member.import')}><ImportWizardPage /></RequireAllowed>} />
        <Route path="plans" element={<RequireAllowed when={(me) => me.abilities.includes('plan.read')}><PlansPage /></RequireAllowed>} />
        <Route path="plans/import" element={<RequireAllowed when={(me) => me.abilities.includes('plan.manage')}><PlanImportPage /></RequireAllowed>} />
        <Route path="plans/:id" element={<RequireAllowed when={(me) => me.abilities.includes('plan.read')}><PlanPage /></RequireAllowed>} />
        <Route path="calendar" element={<RequireAllowed when={(me) => me.abilities.includes('plan.read')}><CalendarPage /></RequireAllowed>} />
        <Route path="audit" element={<RequireAllowed when={(me) => me.abilities.includes('audit.read')}><AuditPage /></RequireAllowed>} />
        <Route path="orgs" element={<RequireAllowed when={mayManageOrgs}><OrgsPage /></RequireAllowed>} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
