import { eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { memberHistory, members, orgs, roleAssignments, users } from '../db/schema/index.js';
import { idCardCheckChar } from '../../domain/id-card.js';
import { completeMemberInput } from '../../domain/member-fields.js';
import type { MemberInput } from '../../contracts/members.js';
import { ROLE_LABELS, type Portfolio, type Role } from '../../contracts/roles.js';
import { hashPassword, temporaryPassword } from '../modules/auth/passwords.js';
import { writeAudit } from '../modules/audit/audit.writer.js';
import { randomName, seededRandom } from './names.js';
import { seedCare } from './seed-care.js';
import { seedCongress } from './seed-congress.js';
import { seedDemocracy } from './seed-democracy.js';

export interface DemoAccount {
  role: string;
  name: string;
  login: string;
  password: string;
}

interface SchoolSpec {
  name: string;
  size: number;
  staffPrefix: string;
  phonePrefix: string;
  groups: string[];
}

const SCHOOLS: SchoolSpec[] = [
  {
    name: '示例第一中学工会',
    size: 120,
    staffPrefix: 'Z',
    phonePrefix: '1380531',
    groups: ['语文组', '数学组', '英语组', '物理化学组', '生物地理组', '政治历史组', '音体美组', '行政后勤组'],
  },
  { name: '示例实验小学工会', size: 60, staffPrefix: 'X', phonePrefix: '1390531', groups: ['语文组', '数学组', '综合组', '行政后勤组'] },
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function idCardFor(birth: string, gender: 'M' | 'F', seq: number): string {
  const body = `370303${birth.replaceAll('-', '')}${pad(seq % 100, 2)}${gender === 'M' ? 1 + 2 * (seq % 5) : 2 * (seq % 5)}`;
  return body + idCardCheckChar(body);
}

/** Generates one school's roster: names, births, ID numbers, phones, groups, a few retirees and 保留会籍. */
function schoolRoster(spec: SchoolSpec, rand: () => number): (MemberInput & { group: string })[] {
  const rows: (MemberInput & { group: string })[] = [];
  for (let i = 0; i < spec.size; i++) {
    const gender: 'M' | 'F' = rand() < 0.62 ? 'F' : 'M';
    const isRetiree = i >= spec.size - Math.max(3, Math.round(spec.size * 0.05));
    const year = isRetiree ? 1958 + Math.floor(rand() * 6) : 1968 + Math.floor(rand() * 32);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const birthDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    const group = spec.groups[i % spec.groups.length];
    const isBackOffice = group === '行政后勤组';
    const postType = isBackOffice ? (rand() < 0.5 ? 'staff' : 'worker') : 'teacher';
    const age = 2026 - year;
    const tags = [gender === 'F' ? '女职工' : null, age < 35 ? '青年教师' : null, isRetiree ? '退休' : null].filter(Boolean) as string[];
    if (i === 7) tags.push('劳模');
    rows.push({
      name: randomName(rand, gender),
      gender,
      birthDate,
      isLunarBirthday: rand() < 0.08,
      idCard: idCardFor(birthDate, gender, i),
      phone: `${spec.phonePrefix}${pad(i, 4)}`,
      staffNo: `${spec.staffPrefix}${1001 + i}`,
      department: isBackOffice ? (postType === 'staff' ? '办公室' : '总务处') : group,
      postType,
      employmentStatus: isRetiree ? 'retired' : 'active',
      // Retirees keep their membership (保留会籍); one teacher on long secondment too.
      membershipStatus: isRetiree || i === 11 ? 'reserved' : 'normal',
      joinedOn: `${Math.max(year + 22, 1990)}-09-01`,
      tags,
      note: i === 11 ? '借调区教育局，保留会籍' : null,
      group,
    });
  }
  return rows;
}

async function account(tx: Db, name: string, phone: string, isPlatformAdmin = false) {
  const password = temporaryPassword();
  const [u] = await tx.insert(users).values({ displayName: name, phone, passwordHash: await hashPassword(password), isPlatformAdmin }).returning();
  return { user: u, password };
}

async function grant(tx: Db, userId: string, orgId: string, role: Role, portfolio: Portfolio | '' = '') {
  await tx.insert(roleAssignments).values({ userId, orgId, role, portfolio });
}

async function insertOrg(tx: Db, kind: 'parent' | 'grassroots' | 'group', name: string, parent: { id: string; path: string } | null, department: string | null = null) {
  const id = crypto.randomUUID();
  const [o] = await tx.insert(orgs).values({ id, kind, name, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, department }).returning();
  return o;
}

/**
 * Loads the demo district in one transaction: 示例区教育工会 with two school unions, their groups and
 * rosters, and an account for each role. Returns the accounts with their one-time passwords.
 */
export async function seedDemo(database: Database): Promise<DemoAccount[]> {
  const rand = seededRandom(20260901);
  const accounts: DemoAccount[] = [];
  await database.db.transaction(async (tx) => {
    const district = await insertOrg(tx, 'parent', '示例区教育工会', null);
    const admin = await account(tx, '平台管理员', '13900000000', true);
    accounts.push({ role: '平台管理员', name: admin.user.displayName, login: '13900000000', password: admin.password });
    const parentAdmin = await account(tx, '区教育工会干事', '13900000001');
    await grant(tx, parentAdmin.user.id, district.id, 'parent_admin');
    accounts.push({ role: ROLE_LABELS.parent_admin, name: '区教育工会干事', login: '13900000001', password: parentAdmin.password });

    for (const [s, spec] of SCHOOLS.entries()) {
      const school = await insertOrg(tx, 'grassroots', spec.name, district);
      const groupIds = new Map<string, string>();
      for (const g of spec.groups) groupIds.set(g, (await insertOrg(tx, 'group', g, school, g)).id);
      const roster = schoolRoster(spec, rand);
      const inserted = await tx
        .insert(members)
        .values(roster.map(({ group, ...m }) => ({ ...completeMemberInput(m), orgId: school.id, groupId: groupIds.get(group)!, tags: m.tags ?? [] }) as typeof members.$inferInsert))
        .returning({ id: members.id, name: members.name, phone: members.phone, staffNo: members.staffNo });
      // Every demo file starts with its 建档 line, and retirees carry their retirement, as a real roster would.
      await tx.insert(memberHistory).values(
        inserted.flatMap((m, i) => {
          const r = roster[i];
          const lines: (typeof memberHistory.$inferInsert)[] = [{ memberId: m.id, orgId: school.id, kind: 'created', onDate: r.joinedOn! }];
          if (r.employmentStatus === 'retired') {
            const retiredOn = `${Number(r.birthDate!.slice(0, 4)) + (r.gender === 'F' ? 55 : 60)}${r.birthDate!.slice(4)}`;
            lines.push({ memberId: m.id, orgId: school.id, kind: 'retired', onDate: retiredOn, fromValue: '在职', toValue: '退休（保留会籍）' });
          }
          return lines;
        }),
      );
      // Roles go to people on the roster; they log in with their phone or 工号.
      // The 女工 committee member is a woman: the first one on the roster not holding another role.
      const womenIndex = roster.findIndex((r, i) => i >= 5 && ![8, 16, 17].includes(i) && r.gender === 'F');
      const roleHolders: [number, Role, Portfolio | '', string][] = s === 0
        ? [[0, 'chair', '', ROLE_LABELS.chair], [1, 'vice_chair', '', ROLE_LABELS.vice_chair], [2, 'committee', '组织', '工会委员（组织）'], [3, 'committee', '文体', '工会委员（文体）'], [4, 'committee', '生活福利', '工会委员（生活福利）'], [womenIndex, 'committee', '女工', '工会委员（女工）'], [8, 'group_leader', '', '工会小组长（语文组）'], [16, 'member', '', ROLE_LABELS.member], [17, 'member', '', ROLE_LABELS.member]]
        : [[0, 'chair', '', ROLE_LABELS.chair]];
      const userOf = new Map<number, string>();
      for (const [index, role, portfolio, label] of roleHolders) {
        const m = inserted[index];
        const acc = await account(tx, m.name, m.phone!);
        await tx.update(members).set({ userId: acc.user.id }).where(eq(members.id, m.id));
        userOf.set(index, acc.user.id);
        const orgId = role === 'group_leader' ? groupIds.get(roster[index].group)! : school.id;
        await grant(tx, acc.user.id, orgId, role, portfolio);
        if (role !== 'member') await grant(tx, acc.user.id, school.id, 'member');
        if (s === 0 && role === 'chair') await grant(tx, acc.user.id, district.id, 'committee', '组织');
        accounts.push({ role: `${label}·${spec.name.replace('工会', '')}`, name: m.name, login: index === 0 ? m.staffNo! : m.phone!, password: acc.password });
      }
      if (s === 0) await seedCare(tx, school.id, inserted, (i) => userOf.get(i)!);
      if (s === 0) await seedCongress(tx, school.id, inserted);
      if (s === 0) await seedDemocracy(tx, school.id, inserted);
      if (s === 0) {
        const handler = await account(tx, '总务处', '13900000009');
        await grant(tx, handler.user.id, school.id, 'handler');
        accounts.push({ role: `${ROLE_LABELS.handler}·${spec.name.replace('工会', '')}`, name: '总务处', login: '13900000009', password: handler.password });
      }
    }
    await writeAudit(tx, { orgId: district.id, actor: { userId: null, name: '系统' }, action: 'demo.seeded', entityType: 'org', entityId: district.id, entityLabel: district.name });
  });
  return accounts;
}
