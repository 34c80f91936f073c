import { openDatabase } from '../src/server/db/client.js';
const d = await openDatabase({ dataDir: '/tmp/prof-db' });
const [{ id }] = await d.query<{ id: string }>("select org_id as id from members group by org_id order by count(*) desc limit 1");
const page = `select "members"."id", "members"."org_id", "members"."group_id", "members"."user_id", "members"."name", "members"."pinyin_key", "members"."stroke_key", "members"."initials", "members"."pinyin", "members"."gender", "members"."birth_date", "members"."is_lunar_birthday", "members"."id_card", "members"."phone", "members"."staff_no", "members"."department", "members"."post_type", "members"."employment_status", "members"."membership_status", "members"."joined_on", "members"."tags", "members"."note", "members"."created_at", "members"."updated_at", "group_org"."name", "group_org"."path", "orgs"."path" from "members" inner join "orgs" on "orgs"."id" = "members"."org_id" left join "orgs" "group_org" on "group_org"."id" = "members"."group_id" where ("members"."org_id" = $1 and "members"."gender" = $2) order by "members"."pinyin_key" asc, "members"."id" asc limit $3 offset $4`;
const count = `select count(*) from "members" where ("members"."org_id" = $1 and "members"."gender" = $2)`;
const show = async (label: string, q: string, p: unknown[]) => {
  const r = await d.query<any>('explain (analyze, buffers) ' + q, p);
  console.log('---', label); for (const x of r) console.log(x['QUERY PLAN']);
};
const time = async (label: string, q: string, p: unknown[]) => { const s = performance.now(); for (let i = 0; i < 10; i++) await d.query(q, p); console.log(label, ((performance.now() - s) / 10).toFixed(1), 'ms'); };
if (process.argv[2] === 'analyze') { const s = performance.now(); await d.query('ANALYZE'); console.log('ANALYZE', Math.round(performance.now() - s), 'ms'); }
await show('page 1', page, [id, 'F', 50, 0]);
await show('page 300', page, [id, 'F', 50, 15000]);
await show('count', count, [id, 'F']);
await time('page 1', page, [id, 'F', 50, 0]);
await time('page 150', page, [id, 'F', 50, 7500]);
await time('page 300', page, [id, 'F', 50, 15000]);
await time('count', count, [id, 'F']);
await d.close();
