import { lazy, Suspense, type ReactNode } from 'react';
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
import { PageLoading, RequireUnion } from '../components';
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
const CongressPage = lazy(() => import('../features/congress').then((m) => ({ default: m.CongressPage })));
const CongressSessionPage = lazy(() => import('../features/congress').then((m) => ({ default: m.SessionPage })));
const CongressCheckinPage = lazy(() => import('../features/congress').then((m) => ({ default: m.CongressCheckinPage })));
const CongressAdminPage = lazy(() => import('../features/congress').then((m) => ({ default: m.CongressAdminPage })));
const CongressTermPage = lazy(() => import('../features/congress').then((m) => ({ default: m.TermPage })));
const CongressSessionManagePage = lazy(() => import('../features/congress').then((m) => ({ default: m.SessionManagePage })));
const HallScreenPage = lazy(() => import('../features/congress').then((m) => ({ default: m.HallScreenPage })));
const ProposalsMyPage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalsMyPage })));
const ProposalFormPage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalFormPage })));
const ProposalPage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalPage })));
const ProposalAdminPage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalAdminPage })));
const ProposalOverduePage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalOverduePage })));
const ProposalFiguresPage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalFiguresPage })));
const ProposalAssignedPage = lazy(() => import('../features/proposals').then((m) => ({ default: m.ProposalAssignedPage })));
const EvaluationsPage = lazy(() => import('../features/evaluations').then((m) => ({ default: m.EvaluationsPage })));
const EvaluationFormPage = lazy(() => import('../features/evaluations').then((m) => ({ default: m.EvaluationFormPage })));
const EvaluationPage = lazy(() => import('../features/evaluations').then((m) => ({ default: m.EvaluationPage })));
const EvaluationBallotPage = lazy(() => import('../features/evaluations').then((m) => ({ default: m.BallotPage })));
const EvaluationResultsPage = lazy(() => import('../features/evaluations').then((m) => ({ default: m.ResultsPage })));
const ElectionsPage = lazy(() => import('../features/elections').then((m) => ({ default: m.ElectionsPage })));
const ElectionPage = lazy(() => import('../features/elections').then((m) => ({ default: m.ElectionPage })));
const ElectionManagePage = lazy(() => import('../features/elections').then((m) => ({ default: m.ElectionManagePage })));
const ElectionTrackerPage = lazy(() => import('../features/elections').then((m) => ({ default: m.TrackerPage })));
const canManageActivities = (me: Me) => me.abilities.includes('activity.manage');
const canReadCare = (me: Me) => me.abilities.includes('care.read');
const canReadCongress = (me: Me) => me.abilities.includes('congress.read');
const canManageCongress = (me: Me) => me.abilities.includes('congress.manage');
/** A representative's congress page: offered a switch to their union when signed in to a group (a QR code, a notification's link). */
const congressPage = (page: ReactNode) => (
  <RequireUnion action="congress.read" title="教代会在基层工会中召开" purpose="可以查看会议、签到和表决" testId="congress-switch-union" fallback={<RequireAllowed when={canReadCongress}>{null}</RequireAllowed>}>
    {page}
  </RequireUnion>
);
const canReviewProposals = (me: Me) => me.abilities.includes('proposal.review');
/** A representative's proposal page: offered a switch to their union when signed in to a group (a notification's link). */
const proposalPage = (page: ReactNode) => (
  <RequireUnion action="congress.read" title="教代会提案在基层工会中办理" purpose="可以查看、起草和附议提案" testId="proposal-switch-union" fallback={<RequireAllowed when={canReadCongress}>{null}</RequireAllowed>}>
    {page}
  </RequireUnion>
);
const canManageEvaluations = (me: Me) => me.abilities.includes('evaluation.manage');
/** A voter's evaluation page: offered a switch to their union when signed in to a group (a notification's link). */
const evaluationPage = (page: ReactNode) => (
  <RequireUnion action="evaluation.read" title="民主测评在基层工会中进行" purpose="可以参加测评" testId="evaluation-switch-union" fallback={<RequireAllowed when={(me) => me.abilities.includes('evaluation.read')}>{null}</RequireAllowed>}>
    {page}
  </RequireUnion>
);
/** A voter's election page: offered a switch to their union when signed in to a group (a notification's link). */
const electionPage = (page: ReactNode) => (
  <RequireUnion action="election.read" title="选举在基层工会中进行" purpose="可以查看选举、投票和核对选票" testId="election-switch-union" fallback={<RequireAllowed when={(me) => me.abilities.includes('election.read')}>{null}</RequireAllowed>}>
    {page}
  </RequireUnion>
);
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
      {/* The congress hall screen (大屏) too: attendance, vote progress and results on the projector. */}
      <Route
        path="/congress/sessions/:id/screen"
        element={
          <RequireAuth>
            <Suspense fallback={<PageLoading minHeight={400} />}>
              <RequireAllowed when={canManageCongress}>
                <HallScreenPage />
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
        <Route path="congress" element={congressPage(<CongressPage />)} />
        {/* The QR code's landing page: the server says who may check in (a representative, or any voter of an all-staff meeting). */}
        <Route path="congress/checkin" element={congressPage(<CongressCheckinPage />)} />
        <Route path="congress/sessions/:id" element={congressPage(<CongressSessionPage />)} />
        <Route path="congress/admin" element={<RequireAllowed when={canManageCongress}><CongressAdminPage /></RequireAllowed>} />
        <Route path="congress/terms/:id" element={<RequireAllowed when={canManageCongress}><CongressTermPage /></RequireAllowed>} />
        <Route path="congress/sessions/:id/manage" element={<RequireAllowed when={canManageCongress}><CongressSessionManagePage /></RequireAllowed>} />
        <Route path="proposals" element={proposalPage(<ProposalsMyPage />)} />
        <Route path="proposals/new" element={proposalPage(<ProposalFormPage />)} />
        <Route path="proposals/admin" element={<RequireAllowed when={canReviewProposals}><ProposalAdminPage /></RequireAllowed>} />
        <Route path="proposals/overdue" element={<RequireAllowed when={canReviewProposals}><ProposalOverduePage /></RequireAllowed>} />
        <Route path="proposals/figures" element={<RequireAllowed when={canReviewProposals}><ProposalFiguresPage /></RequireAllowed>} />
        <Route path="proposals/assigned" element={<RequireAllowed when={(me) => me.abilities.includes('proposal.handle')}><ProposalAssignedPage /></RequireAllowed>} />
        {/* A proposal's page: the server decides who may read it (proposer, co-signers, the committee, its departments). */}
        <Route path="proposals/:id" element={proposalPage(<ProposalPage />)} />
        <Route path="proposals/:id/edit" element={proposalPage(<ProposalFormPage />)} />
        <Route path="evaluations" element={evaluationPage(<EvaluationsPage />)} />
        <Route path="evaluations/new" element={<RequireAllowed when={canManageEvaluations}><EvaluationFormPage /></RequireAllowed>} />
        {/* An evaluation's page: the organisers' view for managers, the ballot for anyone else (the server decides). */}
        <Route path="evaluations/:id" element={evaluationPage(<EvaluationPage />)} />
        <Route path="evaluations/:id/vote" element={evaluationPage(<EvaluationBallotPage />)} />
        <Route path="evaluations/:id/edit" element={<RequireAllowed when={canManageEvaluations}><EvaluationFormPage /></RequireAllowed>} />
        <Route path="evaluations/:id/results" element={<RequireAllowed when={canManageEvaluations}><EvaluationResultsPage /></RequireAllowed>} />
        <Route path="elections" element={electionPage(<ElectionsPage />)} />
        {/* The server decides who may read an election (managers, its roll) and who may manage it or enter paper ballots (计票人). */}
        <Route path="elections/:id" element={electionPage(<ElectionPage />)} />
        <Route path="elections/:id/manage" element={electionPage(<ElectionManagePage />)} />
        <Route path="elections/rounds/:id/tracker" element={electionPage(<ElectionTrackerPage />)} />
        <Route path="audit" element={<RequireAllowed when={(me) => me.abilities.includes('audit.read')}><AuditPage /></RequireAllowed>} />
        <Route path="orgs" element={<RequireAllowed when={mayManageOrgs}><OrgsPage /></RequireAllowed>} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
