import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { completeMemberInput } from '../../src/domain/member-fields.js';
import type { App } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { members, roleAssignments, sessions, users } from '../../src/server/db/schema/index.js';
import { SESSION_COOKIE, tokenHash } from '../../src/server/modules/auth/sessions.js';
import { client, type Client, type Res } from './api.js';

/*
 * The stage of the election API suites: people with an account, a member file and a session written in bulk
 * (logging in dozens of times would only hash passwords), and the small assertions the suites share.
 */

/** A person of the stage: their member file, account and a signed-in client. */
export interface Person {
  name: string;
  memberId: string;
  userId: string;
  c: Client;
}

/** What a member file may differ in. */
export interface PersonFile {
  name: string;
  gender?: 'M' | 'F';
  birthDate?: string;
  employmentStatus?: 'active' | 'retired' | 'transferred' | 'deceased';
  membershipStatus?: 'normal' | 'reserved' | 'transferred_out' | 'withdrawn';
}

let phoneCounter = 40_000_000;

/** People on a union's roster with accounts (role member) and sessions; `apps` alternate between the clients. */
export async function people(database: Database, union: { id: string }, files: PersonFile[], apps: App[]): Promise<Person[]> {
  if (files.length === 0) return [];
  const phones = files.map(() => `139${++phoneCounter}`);
  const userRows = await database.db
    .insert(users)
    .values(files.map((f, i) => ({ displayName: f.name, phone: phones[i], passwordHash: 'not-used-for-log-in' })))
    .returning({ id: users.id });
  await database.db.insert(roleAssignments).values(userRows.map((r) => ({ userId: r.id, orgId: union.id, role: 'member' as const, portfolio: '' })));
  const memberRows = await database.db
    .insert(members)
    .values(
      files.map((f, i) => ({
        ...completeMemberInput({ name: f.name, staffNo: `E${phones[i]}`, gender: f.gender ?? null, birthDate: f.birthDate ?? null }),
        employmentStatus: f.employmentStatus ?? 'active',
        membershipStatus: f.membershipStatus ?? 'normal',
        orgId: union.id,
        userId: userRows[i].id,
        tags: [],
      })) as (typeof members.$inferInsert)[],
    )
    .returning({ id: members.id, userId: members.userId });
  const tokens = memberRows.map(() => randomBytes(32).toString('base64url'));
  await database.db
    .insert(sessions)
    .values(memberRows.map((m, i) => ({ tokenHash: tokenHash(tokens[i]), userId: m.userId!, currentOrgId: union.id, expiresAt: new Date(Date.now() + 86_400_000) })));
  return memberRows.map((m, i) => ({ name: files[i].name, memberId: m.id, userId: m.userId!, c: client(apps[i % apps.length], `${SESSION_COOKIE}=${tokens[i]}`) }));
}

/** The body of a successful answer. */
export const ok = <T = Record<string, any>>(res: Res, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

/** The error of a refused request. */
export const refused = (res: Res, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().error as { code: string; message: string; details?: Record<string, any>; fields?: { path: string; message: string }[] };
};

/** The text of a .docx answer (document.xml without tags). */
export async function docxText(res: Res): Promise<string> {
  const { default: JSZip } = await import('jszip');
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}
