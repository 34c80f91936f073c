import { lazy, Suspense } from 'react';
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
import { PageLoading } from '../components';
import type { Me } from '../lib/session';

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
const ActivitiesPage = lazy(() => import('../features/activities').then((m) => ({ default: m.ActivitiesPage })));
const ActivityDetailPage = lazy(() => import('../features/activities').then((m) => ({ default: m.ActivityDetailPage })));
const CheckinPage = lazy(() => import('../features/activities').then((m) => ({ default: m.CheckinPage })));
const ActivityAdminListPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ActivityAdminListPage })));
const ActivityFormPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ActivityFormPage })));
const ActivityManagePage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ActivityManagePage })));
const ActivityStatsPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ActivityStatsPage })));
const ActivityTypesPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ActivityTypesPage })));
const CheckinScreenPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.CheckinScreenPage })));
const ClubsPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ClubsPage })));
const ClubDetailPage = lazy(() => import('../features/activity-admin').then((m) => ({ default: m.ClubDetailPage })));
const CareListPage = lazy(() => import('../features/care').then((m) => ({ default: m.CareListPage })));
const CareEventNewPage = lazy(() => import('../features/care').then((m) => ({ default: m.CareEventNewPage })));
const CareEventPage = lazy(() => import('../features/care').then((m) => ({ default: m.CareEventPage })));
const CareMyPage = lazy(() => import('../features/care').then((m) => ({ default: m.CareMyPage })));
const BirthdaysPage = lazy(() => import('../features/care').then((m) => ({ default: m.BirthdaysPage })));
const CarePolicyPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.CarePolicyPage })));
const CampaignsPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.CampaignPage })));
const HardshipPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.HardshipPage })));
const HardshipFilePage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.HardshipFilePage })));
const CareReportsPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.CareReportsPage })));
const RetireesPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.RetireesPage })));
const HealthChecksPage = lazy(() => import('../features/care-admin').then((m) => ({ default: m.HealthChecksPage })));
const NotificationsPage = lazy(() => import('../features/notifications').then((m) => ({ default: m.NotificationsPage })));
const canManageActivities = (me: Me) => me.abilities.includes('activity.manage');
const canReadCare = (me: Me) => me.abilities.includes('care.read');
/** Care workers register for anyone they reach; a member with a member file registers their own event. */
const canRegisterCare = (me: Me) => me.abilities.includes('care.register') || me.user.memberId !== null;

/** Every address of the web client. A member's own file (/members/:id) is left to the server to allow. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The check-in screen fills a projector: signed in, but without the menu and header. */}
      <Route
        path="/activities/:id/screen"
        element={
          <RequireAuth>
            <Suspense fallback={<PageLoading minHeight={400} />}>
              <RequireAllowed when={canManageActivities}>
                <CheckinScreenPage />
              </RequireAllowed>
            </Suspense>
          </RequireAuth>
        }
      />
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
        <Route path="activities" element={<RequireAllowed when={(me) => me.abilities.includes('activity.read')}><ActivitiesPage /></RequireAllowed>} />
        <Route path="activities/mine" element={<RequireAllowed when={(me) => me.abilities.includes('activity.read')}><ActivitiesPage /></RequireAllowed>} />
        <Route path="activities/:id" element={<RequireAllowed when={(me) => me.abilities.includes('activity.read')}><ActivityDetailPage /></RequireAllowed>} />
        <Route path="checkin" element={<CheckinPage />} />
        <Route path="activities/admin" element={<RequireAllowed when={canManageActivities}><ActivityAdminListPage /></RequireAllowed>} />
        <Route path="activities/new" element={<RequireAllowed when={canManageActivities}><ActivityFormPage /></RequireAllowed>} />
        <Route path="activities/stats" element={<RequireAllowed when={canManageActivities}><ActivityStatsPage /></RequireAllowed>} />
        <Route path="activities/types" element={<RequireAllowed when={canManageActivities}><ActivityTypesPage /></RequireAllowed>} />
        <Route path="activities/:id/edit" element={<RequireAllowed when={canManageActivities}><ActivityFormPage /></RequireAllowed>} />
        <Route path="activities/:id/manage" element={<RequireAllowed when={canManageActivities}><ActivityManagePage /></RequireAllowed>} />
        <Route path="clubs" element={<RequireAllowed when={(me) => me.abilities.includes('activity.read')}><ClubsPage /></RequireAllowed>} />
        <Route path="clubs/:id" element={<RequireAllowed when={(me) => me.abilities.includes('activity.read')}><ClubDetailPage /></RequireAllowed>} />
        <Route path="care" element={<RequireAllowed when={canReadCare}><CareListPage /></RequireAllowed>} />
        <Route path="care/events/new" element={<RequireAllowed when={canRegisterCare}><CareEventNewPage /></RequireAllowed>} />
        {/* A member opens their own event from 我的慰问: the server decides who may read an event. */}
        <Route path="care/events/:id" element={<CareEventPage />} />
        <Route path="care/my" element={<RequireAllowed when={(me) => me.user.memberId !== null}><CareMyPage /></RequireAllowed>} />
        <Route path="care/birthdays" element={<RequireAllowed when={canReadCare}><BirthdaysPage /></RequireAllowed>} />
        <Route path="care/policy" element={<RequireAllowed when={canReadCare}><CarePolicyPage /></RequireAllowed>} />
        <Route path="care/campaigns" element={<RequireAllowed when={canReadCare}><CampaignsPage /></RequireAllowed>} />
        <Route path="care/campaigns/:id" element={<RequireAllowed when={canReadCare}><CampaignPage /></RequireAllowed>} />
        <Route path="care/reports" element={<RequireAllowed when={(me) => me.abilities.includes('care.manage')}><CareReportsPage /></RequireAllowed>} />
        <Route path="care/retirees" element={<RequireAllowed when={canReadCare}><RetireesPage /></RequireAllowed>} />
        <Route path="care/health" element={<RequireAllowed when={(me) => me.abilities.includes('health.read')}><HealthChecksPage /></RequireAllowed>} />
        <Route path="hardship" element={<RequireAllowed when={(me) => me.abilities.includes('hardship.read')}><HardshipPage /></RequireAllowed>} />
        <Route path="hardship/:id" element={<RequireAllowed when={(me) => me.abilities.includes('hardship.read')}><HardshipFilePage /></RequireAllowed>} />
        <Route path="audit" element={<RequireAllowed when={(me) => me.abilities.includes('audit.read')}><AuditPage /></RequireAllowed>} />
        <Route path="orgs" element={<RequireAllowed when={mayManageOrgs}><OrgsPage /></RequireAllowed>} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
