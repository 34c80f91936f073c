import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ASSISTANCE_KINDS, type AssistanceInput, type AssistanceList, type AssistanceRecord, type assistanceQuerySchema } from '../../../contracts/care.js';
import { shanghaiToday } from '../../../domain/care/index.js';
import { assistanceRecords, hardshipFiles } from '../../db/schema/index.js';
import { fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { keeperOrg, mayDo } from './hardship.access.js';
import { assistanceView } from './hardship.presenter.js';
import { assistanceRows, unionMember } from './hardship.repository.js';

/*
 * Assistance records (帮扶: 生活救助, 医疗救助, 金秋助学, 法律援助, 心理疏导), posted to 困难职工帮扶 with what the fund
 * ledger needs (amount, payee, date). Amounts are hardship figures: only the keepers see them, and the audit trail
 * keeps field names only.
 */

/** POST /hardship/assistance: a record for a member of the union, optionally linked to the member's open file. */
export async function createAssistance(ctx: Ctx, input: AssistanceInput): Promise<AssistanceRecord> {
  const org = keeperOrg(ctx, 'hardship.manage');
  const member = await unionMember(ctx.db, org.id, input.memberId);
  if (!member) throw fieldError('memberId', '所选会员不在本工会名册中');
  if (input.hardshipFileId) {
    const [file] = await ctx.db
      .select({ memberId: hardshipFiles.memberId, status: hardshipFiles.status })
      .from(hardshipFiles)
      .where(and(eq(hardshipFiles.orgId, org.id), eq(hardshipFiles.id, input.hardshipFileId)))
      .limit(1);
    if (!file || file.memberId !== member.id) throw fieldError('hardshipFileId', `困难档案不是${member.name}的档案`);
    if (file.status === 'closed') throw fieldError('hardshipFileId', '该困难档案已销档，不能再登记帮扶');
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assistanceRecords)
      .values({ ...input, orgId: org.id, payee: input.payee || member.name, fundCategory: '困难职工帮扶', recordedBy: ctx.actor.userId })
      .returning({ id: assistanceRecords.id });
    await writeAudit(tx, {
      orgId: org.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'hardship.assistance.created',
      entityType: 'assistance',
      entityId: row.id,
      entityLabel: `${input.givenOn.slice(0, 4)} 年度帮扶记录`,
      changes: Object.fromEntries(['memberId', 'hardshipFileId', 'kind', 'campaign', 'amountFen', 'givenOn', 'payee', 'notes'].map((k) => [k, { changed: true }])),
    });
    return row.id;
  });
  const [created] = await assistanceRows(ctx.db, org.id, { id });
  return assistanceView(created);
}

/** GET /hardship/assistance?year&memberId: the year's records (this year by default) and totals, for the keepers. */
export async function listAssistance(ctx: Ctx, q: z.infer<typeof assistanceQuerySchema>, now = new Date()): Promise<AssistanceList> {
  const org = keeperOrg(ctx, 'hardship.read');
  const year = q.year ?? Number(shanghaiToday(now).slice(0, 4));
  const rows = await assistanceRows(ctx.db, org.id, { year, memberId: q.memberId });
  const byKind = ASSISTANCE_KINDS.map((kind) => {
    const of = rows.filter((r) => r.kind === kind);
    return { kind, count: of.length, amountFen: of.reduce((s, r) => s + r.amountFen, 0) };
  });
  return {
    year,
    items: rows.map(assistanceView),
    totals: {
      count: rows.length,
      people: new Set(rows.map((r) => r.memberId)).size,
      amountFen: rows.reduce((s, r) => s + r.amountFen, 0),
      byKind,
    },
    canManage: mayDo(ctx, 'hardship.manage'),
  };
}
