import { count, eq } from 'drizzle-orm';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { orgs, users } from './db/schema/index.js';
import { hashPassword, passwordProblem } from './modules/auth/passwords.js';
import { normalizePhone, isValidMobile } from '../domain/phone.js';
import { writeAudit } from './modules/audit/audit.writer.js';
import { seedDemo, type DemoAccount } from './demo/seed-demo.js';

/** Opens the configured database (server if DATABASE_URL is set, else PGlite in the data dir) and migrates it. */
export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  return database;
}

/** Creates (or promotes) the platform admin named by the environment, if it is not there yet. */
export async function ensureAdmin(database: Database, phone: string, password: string, name = '平台管理员'): Promise<'created' | 'promoted' | 'exists'> {
  if (!isValidMobile(phone)) throw new Error('UNIONHOME_ADMIN_PHONE 应为11位手机号');
  const problem = passwordProblem(password);
  if (problem) throw new Error(`UNIONHOME_ADMIN_PASSWORD：${problem}`);
  const normal = normalizePhone(phone);
  const [existing] = await database.db.select().from(users).where(eq(users.phone, normal)).limit(1);
  if (existing?.isPlatformAdmin) return 'exists';
  const passwordHash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    let id = existing?.id;
    if (existing) await tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, existing.id));
    else [{ id }] = await tx.insert(users).values({ phone: normal, displayName: name, passwordHash, isPlatformAdmin: true }).returning({ id: users.id });
    await writeAudit(tx, { orgId: null, actor: { userId: null, name: '系统' }, action: existing ? 'user.promoted_admin' : 'user.admin_created', entityType: 'user', entityId: id!, entityLabel: name });
  });
  return existing ? 'promoted' : 'created';
}

/** True when no organisation exists yet (a fresh installation). */
export async function isEmpty(database: Database): Promise<boolean> {
  const [{ n }] = await database.db.select({ n: count() }).from(orgs);
  return n === 0;
}

/** Start-up chores: the admin from the environment, and the demo district on an empty database unless turned off. */
export async function prepare(database: Database, config: Config, log: (line: string) => void): Promise<void> {
  if (config.adminPhone && config.adminPassword) {
    const r = await ensureAdmin(database, config.adminPhone, config.adminPassword);
    if (r !== 'exists') log(`平台管理员已${r === 'created' ? '创建' : '设置'}：${config.adminPhone}`);
  }
  if (config.demo === 'off') return;
  if (config.demo === 'auto' && !(await isEmpty(database))) return;
  if (!(await isEmpty(database))) return; // never seed twice into a database that has organisations
  const accounts = await seedDemo(database);
  printDemoAccounts(accounts, log);
}

/** Prints the demo accounts once, at the moment they are created. */
export function printDemoAccounts(accounts: DemoAccount[], log: (line: string) => void): void {
  log('');
  log('已载入示例数据：示例区教育工会（示例第一中学工会、示例实验小学工会）。演示账号（只显示这一次）：');
  for (const a of accounts) log(`  ${a.role}：${a.name}，登录名 ${a.login}，密码 ${a.password}`);
  log('');
}
