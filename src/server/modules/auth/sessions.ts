import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgs, roleAssignments, sessions, users } from '../../db/schema/index.js';
import { LIMITS } from '../../../contracts/limits.js';
import type { SessionActor } from '../../http/context.js';
import type { OrgKind, Portfolio } from '../../../contracts/roles.js';

export const SESSION_COOKIE = 'uh_session';

const ROLE_RANK = ['chair', 'vice_chair', 'parent_admin', 'committee', 'group_leader', 'handler', 'member'] as const;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a server-side session and returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, userId: string, currentOrgId: string | null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + LIMITS.sessionDays * 86_400_000);
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId, currentOrgId, expiresAt });
  return token;
}

/** The organisations where a user holds roles, with those roles. */
export async function userMemberships(db: Db, userId: string) {
  const rows = await db
    .select({
      orgId: orgs.id,
      orgName: orgs.name,
      orgKind: orgs.kind,
      orgPath: orgs.path,
      role: roleAssignments.role,
      portfolio: roleAssignments.portfolio,
    })
    .from(roleAssignments)
    .innerJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .where(eq(roleAssignments.userId, userId));
  const byOrg = new Map<string, { org: { id: string; name: string; kind: OrgKind; path: string }; roles: { role: typeof rows[number]['role']; portfolio: Portfolio | '' }[] }>();
  for (const r of rows) {
    const entry = byOrg.get(r.orgId) ?? { org: { id: r.orgId, name: r.orgName, kind: r.orgKind, path: r.orgPath }, roles: [] };
    entry.roles.push({ role: r.role, portfolio: r.portfolio as Portfolio | '' });
    byOrg.set(r.orgId, entry);
  }
  // The organisation where the person carries most responsibility comes first: it is where a session starts.
  const rank = (roles: { role: string }[]) => Math.min(...roles.map((r) => ROLE_RANK.indexOf(r.role as never)));
  return [...byOrg.values()].sort((a, b) => rank(a.roles) - rank(b.roles) || a.org.path.length - b.org.path.length || a.org.name.localeCompare(b.org.name, 'zh'));
}

/** Loads the actor behind a session token, or null when the token is unknown or expired. */
export async function actorFromToken(db: Db, token: string): Promise<SessionActor | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const memberships = await userMemberships(db, row.user.id);
  const current = memberships.find((m) => m.org.id === row.session.currentOrgId) ?? memberships[0] ?? null;
  return {
    sessionId: row.session.id,
    userId: row.user.id,
    name: row.user.displayName,
    isPlatformAdmin: row.user.isPlatformAdmin,
    org: current ? { id: current.org.id, path: current.org.path, kind: current.org.kind } : null,
    roles: current ? current.roles : [],
  };
}
