import type { Audience, RegistrationStatus } from '../../../contracts/activities.js';
import { isInAudience } from '../../../domain/activities/audience.js';
import { auditHashPrefix } from '../../../domain/audit-chain.js';
import type { Database } from '../../db/client.js';
import { auditFields, memberChain, type AuditInput } from '../audit/audit.writer.js';
import type { ActivityRow, MemberFile, RegistrationRow, Standing } from './activities.repository.js';

/*
 * A member's sign-up is the hottest write of the product (a whole school signing up the minute an outing is
 * announced), so it costs two calls of database functions (migration 0010, decision 009): `activity_standing` reads
 * the activity together with the member's standing in it, and `activity_sign_up` takes the seat or a wait-list
 * number, inserts the registration, appends the audit event and tells the member — one statement, so one
 * transaction, with no round trip between its parts, and plans kept per connection. The rules stay in
 * src/domain/activities and are applied here, between the two calls. Everything else about activities goes through
 * Drizzle.
 */

/** What a member's sign-up and cancellation read of the activity: its clock, its audience, its form, its words. */
export type MemberActivity = Pick<
  ActivityRow,
  'id' | 'orgId' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'audience' | 'capacity' | 'confirmedCount' | 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadline' | 'needsApproval' | 'fields' | 'status'
>;

/** $1 organisation, $2 activity, $3 user: the database function `activity_standing` (migration 0010). */
const READ = 'SELECT * FROM activity_standing($1, $2, $3)';

type ReadRow = MemberActivity & {
  m_id: string | null;
  m_name: string;
  m_userId: string | null;
  m_gender: MemberFile['gender'];
  m_employmentStatus: MemberFile['employmentStatus'];
  m_membershipStatus: MemberFile['membershipStatus'];
  m_groupId: string | null;
  m_department: string | null;
  r_id: string | null;
  r_status: RegistrationStatus;
  r_answers: Record<string, string> | null;
  r_waitlistSeq: string | number | null;
  r_createdAt: Date;
  attendedAt: Date | null;
  inClub: boolean;
};

/**
 * An activity of the organisation and where the user stands in it (member file, invitation by the audience rule of
 * `domain/activities/audience`, registration, attendance), in one query. Null: no such activity in the organisation.
 * `standing` is null when the user has no member file there.
 */
export async function activityAndStanding(
  database: Database,
  orgId: string,
  activityId: string,
  userId: string,
): Promise<{ activity: MemberActivity; standing: Standing | null } | null> {
  const [row] = await database.prepared<ReadRow>('activity_signup_read', READ, [orgId, activityId, userId]);
  if (!row) return null;
  const { m_id, m_name, m_userId, m_gender, m_employmentStatus, m_membershipStatus, m_groupId, m_department, r_id, r_status, r_answers, r_waitlistSeq, r_createdAt, attendedAt, inClub, ...activity } = row;
  if (!m_id) return { activity, standing: null };
  const member: MemberFile = { id: m_id, name: m_name, userId: m_userId, gender: m_gender, employmentStatus: m_employmentStatus, membershipStatus: m_membershipStatus, groupId: m_groupId, department: m_department };
  const registration: RegistrationRow | null = r_id
    ? { id: r_id, activityId, memberId: m_id, status: r_status, answers: r_answers ?? {}, waitlistSeq: r_waitlistSeq === null ? null : Number(r_waitlistSeq), createdAt: r_createdAt }
    : null;
  const audience = activity.audience as Audience;
  const clubMembers = new Set(inClub ? [m_id] : []);
  return { activity, standing: { member, isInvited: isInAudience(audience, member, clubMembers), registration, attendedAt } };
}

/** What the member is told, by the registration's outcome. */
export interface SignupNotice {
  title: string;
  body: string;
  link: string;
}

export interface NewSignup {
  activityId: string;
  orgId: string;
  member: Pick<MemberFile, 'id' | 'name' | 'userId'>;
  answers: Record<string, string>;
  /** Whether the registration waits for the organiser's approval (no seat is taken then). */
  needsApproval: boolean;
  /** The activity's title, as the audit event labels it. */
  title: string;
  actor: AuditInput['actor'];
  /** The notification for a confirmed and for a wait-listed registration (none for one awaiting approval). */
  notices: { confirmed: SignupNotice; waitlisted: SignupNotice };
  at: Date;
}

/** The audit event of a new (or reopened) registration, in the member's own chain. */
export function signUpAudit(s: Pick<NewSignup, 'orgId' | 'activityId' | 'title' | 'member' | 'actor'>, status: RegistrationStatus): AuditInput {
  return {
    orgId: s.orgId,
    chain: memberChain(s.member.id),
    actor: s.actor,
    // action, entityType and entityId are also written by activity_sign_up itself (migration 0009).
    action: 'registration.created',
    entityType: 'activity',
    entityId: s.activityId,
    entityLabel: s.title,
    changes: { member: { to: s.member.name }, status: { to: status } },
  };
}

/** The arguments of the database function `activity_sign_up` (migration 0009), in its order. */
function signUpArguments(s: NewSignup): unknown[] {
  // The audit event's changes and hash prefix for each outcome the call can reach; the function picks one.
  const outcome = (status: RegistrationStatus) => {
    const fields = auditFields(signUpAudit(s, status), s.at);
    return [auditHashPrefix(fields), JSON.stringify(fields.changes)];
  };
  const e = auditFields(signUpAudit(s, 'pending'), s.at);
  const { confirmed: c, waitlisted: w } = s.notices;
  return [
    s.activityId, s.orgId, s.member.id, JSON.stringify(s.answers), !s.needsApproval,
    e.chainKey, e.actorId, e.actorName, e.at, e.entityLabel,
    ...outcome(s.needsApproval ? 'pending' : 'confirmed'), ...outcome('waitlisted'),
    s.member.userId, c.title, c.body, w.title, w.body, c.link,
  ];
}

const WRITE = `SELECT registration_id AS id, registration_status AS status, registration_waitlist_seq AS "waitlistSeq"
FROM activity_sign_up(${Array.from({ length: 20 }, (_, i) => `$${i + 1}`).join(', ')})`;

/**
 * Inserts a new registration with its seat (or wait-list number, or approval pending), audit event and notification,
 * in one statement. Null: the activity is no longer open (cancelled meanwhile). A registration of the same member
 * made at the same moment makes it fail with a unique violation (SQLSTATE 23505), undoing the whole statement.
 */
export async function insertSignup(database: Database, s: NewSignup): Promise<{ id: string; status: RegistrationStatus; waitlistSeq: number | null } | null> {
  const [row] = await database.prepared<{ id: string; status: RegistrationStatus; waitlistSeq: string | number | null }>('activity_signup_write', WRITE, signUpArguments(s));
  if (!row) return null;
  return { id: row.id, status: row.status, waitlistSeq: row.waitlistSeq === null ? null : Number(row.waitlistSeq) };
}
