import type { z } from 'zod';
import { ACTIVITY_LIMITS, type ActivityDetail, type activityListQuerySchema, type activityListSchema, type Audience } from '../../../contracts/activities.js';
import { activityRate, cancelAllowed, checkinWindowOpen, isInAudience, signupBlocker } from '../../../domain/activities/index.js';
import type { Db } from '../../db/client.js';
import { forbidden } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import {
  activityCounts,
  activityPage,
  clubIdsOfMember,
  filesOf,
  invitedCount,
  memberActivityPage,
  memberOfUser,
  standingOf,
  standingsInActivities,
  upcomingActivities,
  waitlistPlaces,
  type ActivityFull,
  type MemberFile,
} from './activities.repository.js';
import { activityOrg, audienceTextOf, audienceTexts, canManageActivities, loadActivity, NO_MEMBER_FILE_MESSAGE, outsideAudienceMessage, type Org } from './activities.access.js';
import { clockOf, detailView, myRegistrationView, summaryView } from './activities.presenter.js';

/*
 * Reading activities: the lists (open to me, mine, all) and one activity's page with the actor's standing, what they
 * may do and, for managers, the figures. Publishing, editing and cancelling are in activities.service.ts.
 */

/** Whether an audience invites a member, for lists (the same rule as the SQL condition used for sign-up). */
function invites(audience: Audience, member: MemberFile, memberClubs: ReadonlySet<string>): boolean {
  const clubMemberIds = audience.kind === 'club' && memberClubs.has(audience.clubId) ? new Set([member.id]) : undefined;
  return isInAudience(audience, member, clubMemberIds);
}

// ——— Reading ———

/**
 * The activities list. `open` (members' default): published, not ended, inviting the actor — or all of them for
 * a user without a member file, who may browse; `mine`: the actor's registrations and attendance; `all`
 * (managers' default): everything, newest first.
 */
export async function listActivities(ctx: Ctx, q: z.infer<typeof activityListQuerySchema>): Promise<z.infer<typeof activityListSchema>> {
  const org = activityOrg(ctx, 'activity.read');
  const canManage = canManageActivities(ctx, org);
  const scope = q.scope ?? (canManage ? 'all' : 'open');
  if (scope === 'all' && !canManage) throw forbidden('只有工会干部可以查看全部活动');
  const now = new Date();
  const member = await memberOfUser(ctx.db, org.id, ctx.actor.userId);
  const memberClubs = member ? await clubIdsOfMember(ctx.db, member.id) : new Set<string>();
  const filter = { from: q.from, to: q.to, typeId: q.typeId };
  const page = { limit: ACTIVITY_LIMITS.pageSize, offset: (q.page - 1) * ACTIVITY_LIMITS.pageSize };

  let rows: ActivityFull[];
  let total: number;
  let standings: Awaited<ReturnType<typeof standingsInActivities>> | null = null;
  if (scope === 'all') ({ items: rows, total } = await activityPage(ctx.db, org.id, filter, page));
  else if (scope === 'mine') ({ items: rows, total } = member ? await memberActivityPage(ctx.db, org.id, member.id, filter, page) : { items: [], total: 0 });
  else {
    // A union has tens of upcoming activities, not thousands: the audience is checked here, per activity.
    const upcoming = await upcomingActivities(ctx.db, org.id, filter, now);
    standings = member ? await standingsInActivities(ctx.db, member.id, upcoming.map((a) => a.id)) : null;
    const open = member ? upcoming.filter((a) => invites(a.audience as Audience, member, memberClubs) || standings!.registrations.has(a.id)) : upcoming;
    total = open.length;
    rows = open.slice(page.offset, page.offset + page.limit);
  }

  const ids = rows.map((a) => a.id);
  const [mine, places, texts] = await Promise.all([
    member ? (standings ?? standingsInActivities(ctx.db, member.id, ids)) : null,
    member ? waitlistPlaces(ctx.db, member.id, ids) : null,
    audienceTexts(ctx.db, org.id, rows.map((a) => a.audience as Audience)),
  ]);
  const items = rows.map((a, i) => {
    const me =
      member && mine
        ? myRegistrationView(
            { isInvited: invites(a.audience as Audience, member, memberClubs), registration: mine.registrations.get(a.id) ?? null, attendedAt: mine.attended.get(a.id) ?? null },
            places?.get(a.id) ?? null,
          )
        : null;
    return summaryView(a, now, texts[i], me);
  });
  return { items, total, page: q.page, canManage };
}

/** GET /activities/:id: the activity, the actor's standing, what they may do, figures for managers. */
export async function getActivity(ctx: Ctx, id: string): Promise<ActivityDetail> {
  const { org, activity } = await loadActivity(ctx, id, 'activity.read');
  return activityDetail(ctx, org, activity);
}

/** The detail view of a loaded activity. */
export async function activityDetail(ctx: Ctx, org: Org, a: ActivityFull): Promise<ActivityDetail> {
  const now = new Date();
  const canManage = canManageActivities(ctx, org);
  const audience = a.audience as Audience;
  const [standing, files, audienceText, figures] = await Promise.all([
    standingOf(ctx.db, org.id, ctx.actor.userId, { id: a.id, audience }),
    filesOf(ctx.db, a.id),
    audienceTextOf(ctx.db, org.id, audience),
    canManage ? activityFigures(ctx.db, org.id, a.id, audience) : null,
  ]);
  const reg = standing?.registration ?? null;
  const place = reg?.status === 'waitlisted' && standing ? ((await waitlistPlaces(ctx.db, standing.member.id, [a.id])).get(a.id) ?? null) : null;
  const isActive = reg !== null && (reg.status === 'pending' || reg.status === 'confirmed' || reg.status === 'waitlisted');
  const clock = clockOf(a);
  let blocker: string | null;
  if (!standing) blocker = NO_MEMBER_FILE_MESSAGE;
  else if (isActive) blocker = null;
  else if (reg?.status === 'rejected') blocker = '您的报名未通过审核';
  else if (!standing.isInvited) blocker = outsideAudienceMessage(audienceText);
  else blocker = signupBlocker(clock, now);
  return detailView(a, now, {
    audienceText,
    me: standing ? myRegistrationView(standing, place) : null,
    files,
    figures,
    can: {
      signUp: standing !== null && !isActive && blocker === null,
      cancel: isActive && cancelAllowed(clock, now),
      checkIn:
        standing !== null &&
        (standing.isInvited || isActive) &&
        standing.attendedAt === null &&
        checkinWindowOpen({ startsAt: clock.startsAt, endsAt: clock.endsAt, status: a.status }, now),
      manage: canManage,
    },
    signUpBlocker: blocker,
  });
}

/** Invited, signed up, wait-listed, attended and the rate (attended ÷ invited). */
async function activityFigures(db: Db, orgId: string, activityId: string, audience: Audience): Promise<NonNullable<ActivityDetail['figures']>> {
  const [invited, counts] = await Promise.all([invitedCount(db, orgId, audience), activityCounts(db, activityId)]);
  return { invited, ...counts, rate: activityRate(invited, counts.attended) };
}

// ——— Publishing and editing ———
