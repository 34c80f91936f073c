import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { serve } from '../server/main.js';
import { ensureAdmin, isEmpty, openConfiguredDatabase, printDemoAccounts } from '../server/boot.js';
import { seedDemo } from '../server/demo/seed-demo.js';
import { verifyAuditTrail } from '../server/modules/audit/audit.service.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { importMembersFromFile } from './import-members.js';
import { planParseCommand } from './plan-parse.js';
import { seedScale } from './seed-scale.js';

const HELP = `职工之家 Unionhome 命令行

用法：npx unionhome <命令> [参数]

  serve                          启动服务（同 npm start）
  migrate                        执行数据库迁移
  admin:create PHONE PASSWORD [姓名]   创建平台管理员
  import:members FILE --org ID [--update]   从 .xlsx/.csv 导入会员（全部成功或全部不写入）
  plan:parse FILE [--json]       解析工作计划（.docx/.txt）：章节、各月安排和目标（不需要数据库）
  seed:demo                      向空数据库载入示例区
  seed:scale [--unions 200] [--members 30000]   生成规模测试数据
  audit:verify                   校验操作记录的哈希链
  backup FILE                    备份整个数据库到文件
  restore FILE                   从备份文件恢复（会清空现有数据）
  --help                         显示本帮助

数据库：设置 DATABASE_URL 使用 PostgreSQL 服务器，否则使用 ${'UNIONHOME_DATA_DIR'}（默认 ./data）中的内置数据库。`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (command === 'serve') {
    await serve();
    return -1; // keep running
  }
  if (command === 'plan:parse') return planParseCommand(args, (line) => console.log(line));
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    switch (command) {
      case 'migrate':
        console.log('数据库迁移已完成');
        return 0;
      case 'admin:create': {
        const [phone, password, name] = args;
        if (!phone || !password) throw new Error('用法：admin:create PHONE PASSWORD [姓名]');
        const r = await ensureAdmin(database, phone, password, name);
        console.log(r === 'exists' ? '该手机号已是平台管理员' : '平台管理员已创建');
        return 0;
      }
      case 'import:members': {
        const file = args.find((a) => !a.startsWith('--') && a !== flag(args, '--org'));
        const org = flag(args, '--org');
        if (!file || !org) throw new Error('用法：import:members FILE --org ORG_ID [--update]');
        const r = await importMembersFromFile(database, path.resolve(file), org, args.includes('--update') ? 'upsert' : 'create');
        if (r.problems.length) {
          for (const p of r.problems) console.error(`第 ${p.row} 行 ${p.column}：${p.message}`);
          console.error(`共 ${r.problems.length} 处问题，未导入任何数据。`);
          return 1;
        }
        console.log(`导入完成：新增 ${r.created} 人，更新 ${r.updated} 人。`);
        return 0;
      }
      case 'seed:demo': {
        if (!(await isEmpty(database))) throw new Error('数据库中已有组织，不再载入示例数据');
        printDemoAccounts(await seedDemo(database), (l) => console.log(l));
        return 0;
      }
      case 'seed:scale': {
        const r = await seedScale(database, Number(flag(args, '--unions') ?? 200), Number(flag(args, '--members') ?? 30000));
        console.log(JSON.stringify(r));
        return 0;
      }
      case 'audit:verify': {
        const r = await verifyAuditTrail(database.db);
        if (r.breaks.length) {
          for (const b of r.breaks) console.error(`操作记录链 ${b.chainKey} 在第 ${b.seq} 条处被篡改（${b.problem}）`);
          return 1;
        }
        console.log(`操作记录完整：${r.chains} 条链，${r.events} 条记录，哈希全部吻合。`);
        return 0;
      }
      case 'backup': {
        if (!args[0]) throw new Error('用法：backup FILE');
        const r = await backupDatabase(database, path.resolve(args[0]));
        console.log(`已备份 ${r.tables} 张表、${r.rows} 行到 ${args[0]}`);
        return 0;
      }
      case 'restore': {
        if (!args[0] || !fs.existsSync(args[0])) throw new Error('用法：restore FILE（文件须存在）');
        const r = await restoreDatabase(database, path.resolve(args[0]));
        console.log(`已恢复 ${r.tables} 张表、${r.rows} 行`);
        return 0;
      }
      default:
        console.error(`未知命令：${command}\n`);
        console.log(HELP);
        return 2;
    }
  } finally {
    await database.close();
  }
}
