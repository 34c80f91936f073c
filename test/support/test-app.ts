import { eq } from 'drizzle-orm';
import type { Database } from '../../src/server/db/client.js';
import { buildApp, type App } from '../../src/server/app.js';
import { members, orgs, roleAssignments, users } from '../../src/server/db/schema/index.js';
import { completeMemberInput } from '../../src/domain/member-fields.js';
import { idCardCheckChar } from '../../src/domain/id-card.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import type { MemberInput } from '../../src/contracts/members.js';
import type { Portfolio, Role } from '../../src/contracts/roles.js';
import { freshDatabase } from './test-db.js';

export const TEST_PASSWORD = 'Passw0rd!';
let passwordHash: string | undefined;
let counter = 0;
const next = () => ++counter;

/** A built app on a fresh database; `close` releases both. */
export async function createTestApp(): Promise<{ app: App; database: Database; close: () => Promise<void> }> {
  const database = await freshDatabase();
  const app = await buildApp(database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'silent' });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type OrgRow = typeof orgs.$inferSelect;

/** Inserts an organisation node under `parent` (or at the root). */
export async function buildOrg(database: Database, kind: OrgRow['kind'], name: string, parent?: OrgRow): Promise<OrgRow> {
  const id = crypto.randomUUID();
  const [org] = await database.db
    .insert(orgs)
    .values({ id, kind, name, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, department: kind === 'group' ? name : null })
    .returning();
  return org;
}

/** A district with one school union and two groups — the usual stage for a test. */
export async function buildSchool(database: Database, name = `学校${next()}工会`, district?: OrgRow) {
  const parent = district ?? (await buildOrg(database, 'parent', `区教育工会${next()}`));
  const union = await buildOrg(database, 'grassroots', name, parent);
  const groupA = await buildOrg(database, 'group', '语文组', union);
  const groupB = await buildOrg(database, 'group', '数学组', union);
  return { district: parent, union, groupA, groupB };
}

/** A person with an account (password TEST_PASSWORD) and the given roles. */
export async function buildUser(
  database: Database,
  roles: { org: OrgRow; role: Role; portfolio?: Portfolio }[] = [],
  opts: { name?: string; phone?: string; isPlatformAdmin?: boolean } = {},
) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  const n = next();
  const phone = opts.phone ?? `137${String(10_000_000 + n).slice(-8)}`;
  const [user] = await database.db
    .insert(users)
    .values({ displayName: opts.name ?? `用户${n}`, phone, passwordHash, isPlatformAdmin: opts.isPlatformAdmin ?? false })
    .returning();
  for (const r of roles) await database.db.insert(roleAssignments).values({ userId: user.id, orgId: r.org.id, role: r.role, portfolio: r.portfolio ?? '' });
  return user;
}

/** A valid 18-digit ID number for a birth date (YYYYMMDD) and a sequence number. */
export function validIdCard(birth = '19850302', seq = 123): string {
  const body = `110101${birth}${String(seq).padStart(3, '0').slice(-3)}`;
  return body + idCardCheckChar(body);
}

/** Inserts a member on a union's roster. */
export async function buildMember(database: Database, union: OrgRow, input: Partial<MemberInput> & { groupId?: string | null; userId?: string | null } = {}) {
  const n = next();
  const values = completeMemberInput({ name: `会员${n}`, staffNo: `T${n}`, ...input });
  const [m] = await database.db
    .insert(members)
    .values({ ...values, orgId: union.id, tags: values.tags ?? [] } as typeof members.$inferInsert)
    .returning();
  return m;
}

/** Logs in through the API and returns the cookie header to send with later requests. */
export async function login(app: App, loginName: string, password = TEST_PASSWORD): Promise<{ cookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return { cookie: String(first).split(';')[0] };
}

/** Logs in and switches to the given organisation. */
export async function loginAt(app: App, phone: string, orgId: string) {
  const session = await login(app, phone);
  const res = await app.inject({ method: 'PUT', url: '/api/v1/me/current-org', headers: { cookie: session.cookie }, payload: { orgId } });
  if (res.statusCode !== 200) throw new Error(`switch failed ${res.statusCode}: ${res.body}`);
  return session;
}

export { eq };
