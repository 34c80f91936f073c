import type { Database } from '../server/db/client.js';
import { members, orgs } from '../server/db/schema/index.js';
import { completeMemberInput } from '../domain/member-fields.js';
import { idCardCheckChar } from '../domain/id-card.js';
import { randomName, seededRandom } from '../server/demo/names.js';

const GROUPS = ['语文组', '数学组', '英语组', '理科组', '文科组', '艺体组', '行政后勤组'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Generates a district for scale tests: one parent union, `unions` school unions with groups, and `total`
 * members spread over them. Returns the ids created so a benchmark can use them.
 */
export async function seedScale(database: Database, unions: number, total: number) {
  const rand = seededRandom(30000);
  const districtId = crypto.randomUUID();
  const unionIds: string[] = [];
  const groupIds: string[][] = [];
  await database.db.transaction(async (tx) => {
    const tag = Date.now().toString(36);
    await tx.insert(orgs).values({ id: districtId, kind: 'parent', name: `规模测试区教育工会-${tag}`, path: `/${districtId}/` });
    const orgRows: (typeof orgs.$inferInsert)[] = [];
    for (let u = 0; u < unions; u++) {
      const id = crypto.randomUUID();
      const path = `/${districtId}/${id}/`;
      unionIds.push(id);
      orgRows.push({ id, kind: 'grassroots', name: `规模测试第${u + 1}学校工会`, parentId: districtId, path });
      groupIds.push(
        GROUPS.map((g) => {
          const gid = crypto.randomUUID();
          orgRows.push({ id: gid, kind: 'group', name: g, parentId: id, path: `${path}${gid}/`, department: g });
          return gid;
        }),
      );
    }
    for (let i = 0; i < orgRows.length; i += 1000) await tx.insert(orgs).values(orgRows.slice(i, i + 1000));
    let batch: (typeof members.$inferInsert)[] = [];
    for (let i = 0; i < total; i++) {
      const u = i % unions;
      const gender = rand() < 0.6 ? 'F' : 'M';
      const birth = `${1962 + Math.floor(rand() * 38)}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
      // The sequence part is unique within the union (members of a union are i = u, u + unions, …) and its
      // last digit carries the gender as real ID numbers do (odd for men).
      const seq = (Math.floor(i / unions) * 2 + (gender === 'M' ? 1 : 0)) % 1000;
      const body = `330106${birth.replaceAll('-', '')}${pad(seq, 3)}`;
      const input = completeMemberInput({
        name: randomName(rand, gender),
        gender,
        birthDate: birth,
        idCard: body + idCardCheckChar(body),
        phone: `13${pad(100000000 + i, 9).slice(-9)}`,
        staffNo: `S${pad(i, 6)}`,
        department: GROUPS[i % GROUPS.length],
        postType: rand() < 0.85 ? 'teacher' : 'staff',
        membershipStatus: rand() < 0.05 ? 'reserved' : 'normal',
        employmentStatus: 'active',
      });
      batch.push({ ...input, orgId: unionIds[u], groupId: groupIds[u][i % GROUPS.length], tags: [] } as typeof members.$inferInsert);
      if (batch.length === 1000) {
        await tx.insert(members).values(batch);
        batch = [];
      }
    }
    if (batch.length) await tx.insert(members).values(batch);
  });
  return { districtId, unionIds, members: total };
}
