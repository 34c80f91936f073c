import { and, asc, eq, gt, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginFailures, members, sessions, users } from '../../db/schema/index.js';
import { LIMITS } from '../../../contracts/limits.js';
import { normalizePhone, isValidMobile } from '../../../domain/phone.js';
import { AppError, fieldError } from '../../http/app-error.js';
import { writeAudit } from '../audit/audit.writer.js';
import { createSession, userMemberships } from './sessions.js';
import { hashPassword, passwordProblem, verifyDummy, verifyPassword } from './passwords.js';
import type { Ctx } from '../../http/context.js';

/** Finds the account behind a phone number or a staff number (工号) on any roster. */
async function findAccount(db: Db, login: string) {
  const trimmed = login.trim();
  if (isValidMobile(trimmed)) {
    const [u] = await db.select().from(users).where(eq(users.phone, normalizePhone(trimmed))).limit(1);
    return { user: u ?? null, key: `phone:${normalizePhone(trimmed)}` };
  }
  const rows = await db
    .selectDistinct({ userId: members.userId })
    .from(members)
    .where(and(eq(members.staffNo, trimmed), isNotNull(members.userId)));
  if (rows.length > 1) throw new AppError('BAD_CREDENTIALS', '该工号在多个单位出现，请改用手机号登录');
  if (rows.length === 0) return { user: null, key: `staff:${trimmed}` };
  const [u] = await db.select().from(users).where(eq(users.id, rows[0].userId!)).limit(1);
  return { user: u ?? null, key: `staff:${trimmed}` };
}

/**
 * The account's attempts within the window, and when enough of them will have aged out for the next attempt to
 * be allowed (fewer than the limit left).
 */
async function recentAttempts(db: Db, keys: string[]): Promise<{ n: number; unlockAt: number }> {
  const since = new Date(Date.now() - LIMITS.loginWindowMinutes * 60_000);
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.accountKey, keys), gt(loginFailures.at, since)))
    .orderBy(asc(loginFailures.at));
  const freeing = rows[Math.max(0, rows.length - LIMITS.loginFailuresMax)];
  const unlockAt = (freeing ? new Date(freeing.at).getTime() : Date.now()) + LIMITS.loginWindowMinutes * 60_000;
  return { n: rows.length, unlockAt };
}

function lockedOut(unlockAt: number): AppError {
  const minutes = Math.max(1, Math.ceil((unlockAt - Date.now()) / 60_000));
  return new AppError('RATE_LIMITED', `密码错误次数过多，请 ${minutes} 分钟后再试`, undefined, { 'retry-after': String(minutes * 60) });
}

/**
 * Checks the credentials and opens a session. Every attempt is written down *before* the password is checked
 * and counted with the others, so parallel guesses (from any number of app processes) cannot slip past the
 * limit of five per account in 15 minutes. Attempts while locked count too (they are refused unchecked); a
 * successful log-in clears the account's count.
 */
export async function logIn(db: Db, login: string, password: string) {
  const { user, key } = await findAccount(db, login);
  const keys = user ? [`user:${user.id}`] : [key];
  // Rows older than the window no longer count; drop them as new ones arrive so the table stays small.
  await db.delete(loginFailures).where(and(inArray(loginFailures.accountKey, keys), lt(loginFailures.at, new Date(Date.now() - LIMITS.loginWindowMinutes * 60_000))));
  await db.insert(loginFailures).values({ accountKey: keys[0] });
  const attempts = await recentAttempts(db, keys);
  if (attempts.n > LIMITS.loginFailuresMax) throw lockedOut(attempts.unlockAt);
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyDummy(password), false);
  if (!user || !ok) {
    if (attempts.n >= LIMITS.loginFailuresMax) throw lockedOut(attempts.unlockAt);
    throw new AppError('BAD_CREDENTIALS');
  }
  await db.delete(loginFailures).where(inArray(loginFailures.accountKey, keys));
  const memberships = await userMemberships(db, user.id);
  const token = await createSession(db, user.id, memberships[0]?.org.id ?? null);
  await db.transaction(async (tx) => {
    // Logged in the chain of the organisation the session starts in, so log-ins do not all queue on one lock.
    await writeAudit(tx, {
      orgId: memberships[0]?.org.id ?? null,
      actor: { userId: user.id, name: user.displayName },
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.displayName,
    });
  });
  return { token, user };
}

/** Ends the current session. */
export async function logOut(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Changes the actor's own password after checking the old one; other sessions are signed out. */
export async function changeOwnPassword(ctx: Ctx, oldPassword: string, newPassword: string): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, oldPassword))) throw fieldError('oldPassword', '原密码不正确');
  const problem = passwordProblem(newPassword);
  if (problem) throw fieldError('newPassword', problem);
  if (oldPassword === newPassword) throw fieldError('newPassword', '新密码不能与原密码相同');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, user.id));
    const others = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    const toEnd = others.map((s) => s.id).filter((id) => id !== ctx.actor.sessionId);
    if (toEnd.length) await tx.delete(sessions).where(inArray(sessions.id, toEnd));
    await writeAudit(tx, {
      orgId: null,
      actor: { userId: user.id, name: user.displayName },
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.displayName,
    });
  });
}
