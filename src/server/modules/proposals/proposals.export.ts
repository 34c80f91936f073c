import { AlignmentType, BorderStyle, Document, HeightRule, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type IFontAttributesProperties } from 'docx';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  ASSIGNMENT_ROLE_LABELS,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  RATING_LABELS,
  RESULT_CODE_LABELS,
  type ProposalFigures,
  type ProposalFiguresView,
} from '../../../contracts/proposals.js';
import { chineseDate } from '../../../domain/calendar-dates.js';
import { roundTimeliness } from '../../../domain/congress/index.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { members, proposalAssignments, proposalReplies, proposals, proposalSigners, users } from '../../db/schema/index.js';
import { addLedgerSheet, newWorkbook, type LedgerColumn } from '../../exports/ledger-sheet.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { ExportFile } from '../activities/activities.export.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { reviewerScope } from './proposals.access.js';
import { summariesWhere, type ProposalRow } from './proposals.repository.js';
import { proposalFiguresOf } from './proposal-figures.service.js';
import { sessionOfUnion } from './proposal-views.service.js';

/*
 * The handling report (提案办理情况报告, .docx) presented to the next session — the figures, each department's
 * handling, then every accepted proposal with its number, proposer, departments, result, reply and rating — and
 * the proposal ledger (提案台账, .xlsx) of every item of a session.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string | null | undefined) => (text ?? '').replace(XML_INVALID, '');
const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);
const pct = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);
const ACCEPTED = new Set(['accepted', 'assigned', 'replied', 'closed']);

/** One item of a session with what the ledger and the report print. */
export interface LedgerLine {
  row: ProposalRow;
  signers: string;
  /** Joint proposers (after 并案), who stand beside the proposer. */
  joints: string[];
  departments: string;
  assists: string;
  assignedOn: string | null;
  /** Every round of handling (1, and 2 after 不满意): its deadline, reply day and standing against the deadline. */
  rounds: LedgerRound[];
  replyText: string | null;
  reviewReason: string | null;
}

/** A round of handling as the ledger prints it. */
export interface LedgerRound {
  round: number;
  dueOn: string | null;
  repliedOn: string | null;
  timeliness: ReturnType<typeof roundTimeliness>;
}

/** Every item of a session that was submitted, numbered ones first, with signers, departments and the reply. */
async function ledgerLines(ctx: Ctx, unionId: string, sessionId: string, today: string): Promise<LedgerLine[]> {
  const rows = await summariesWhere(ctx.db, and(eq(proposals.orgId, unionId), eq(proposals.sessionId, sessionId), isNotNull(proposals.submittedAt)), 10_000);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [signers, assignments, replies, reasons] = await Promise.all([
    ctx.db
      .select({ proposalId: proposalSigners.proposalId, name: members.name, role: proposalSigners.role, status: proposalSigners.status })
      .from(proposalSigners)
      .innerJoin(members, eq(members.id, proposalSigners.memberId))
      .where(inArray(proposalSigners.proposalId, ids))
      .orderBy(asc(proposalSigners.role), asc(members.pinyinKey)),
    ctx.db
      .select({
        proposalId: proposalAssignments.proposalId,
        round: proposalAssignments.round,
        role: proposalAssignments.role,
        name: users.displayName,
        replyDueOn: proposalAssignments.replyDueOn,
        assignedAt: proposalAssignments.assignedAt,
      })
      .from(proposalAssignments)
      .innerJoin(users, eq(users.id, proposalAssignments.handlerUserId))
      .where(inArray(proposalAssignments.proposalId, ids))
      .orderBy(asc(proposalAssignments.round), desc(proposalAssignments.role), asc(users.displayName)),
    ctx.db
      .select({ proposalId: proposalReplies.proposalId, round: proposalReplies.round, text: proposalReplies.text, repliedOn: sql<string>`to_char(${proposalReplies.repliedAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')` })
      .from(proposalReplies)
      .where(inArray(proposalReplies.proposalId, ids)),
    ctx.db.select({ id: proposals.id, reason: proposals.reviewReason }).from(proposals).where(inArray(proposals.id, ids)),
  ]);
  const reasonOf = new Map(reasons.map((r) => [r.id, r.reason]));
  return rows.map((row) => {
    const own = assignments.filter((a) => a.proposalId === row.id);
    const current = own.filter((a) => a.round === row.round);
    const first = own[0]?.assignedAt ?? null;
    const mine = signers.filter((s) => s.proposalId === row.id);
    const replied = replies.filter((r) => r.proposalId === row.id);
    const rounds = [...new Set(own.map((a) => a.round))].map((round) => {
      const dueOn = own.find((a) => a.round === round && a.replyDueOn !== null)?.replyDueOn ?? null;
      const repliedOn = replied.find((r) => r.round === round)?.repliedOn ?? null;
      return { round, dueOn, repliedOn, timeliness: roundTimeliness({ replyDueOn: dueOn, repliedOn }, today) };
    });
    return {
      row,
      signers: mine
        .filter((s) => s.role === 'joint' || s.status === 'confirmed')
        .map((s) => (s.role === 'joint' ? `${s.name}（联名）` : s.name))
        .join('、'),
      joints: mine.filter((s) => s.role === 'joint').map((s) => s.name),
      departments: current.map((a) => `${a.name}（${ASSIGNMENT_ROLE_LABELS[a.role]}）`).join('、'),
      assists: current.filter((a) => a.role === 'assist').map((a) => a.name).join('、'),
      assignedOn: first ? todayInShanghai(new Date(first)) : null,
      rounds,
      replyText: replied.find((r) => r.round === row.round)?.text ?? null,
      reviewReason: reasonOf.get(row.id) ?? null,
    };
  });
}

const LEDGER_COLUMNS: LedgerColumn[] = [
  { header: '编号', width: 8 },
  { header: '类型', width: 10 },
  { header: '案由', width: 30 },
  { header: '类别', width: 10 },
  { header: '提案人', width: 10 },
  { header: '附议人', width: 20 },
  { header: '状态', width: 12 },
  { header: '审查意见', width: 20 },
  { header: '主办部门', width: 14 },
  { header: '协办部门', width: 16 },
  { header: '责任领导', width: 12 },
  { header: '交办日期', width: 12 },
  { header: '答复期限', width: 12 },
  { header: '答复日期', width: 12 },
  { header: '按期答复', width: 10 },
  { header: '第二轮答复期限', width: 12 },
  { header: '第二轮答复日期', width: 12 },
  { header: '第二轮按期答复', width: 10 },
  { header: '答复结果', width: 18 },
  { header: '答复内容', width: 40 },
  { header: '提案人评价', width: 12 },
  { header: '办理轮次', width: 10 },
];

const TIMELINESS_TEXT = { onTime: '是', late: '否', missed: '逾期未答复' } as const;

/** A round's deadline, reply day and whether it was on time (是 / 否 / 逾期未答复; empty while not yet due). */
const roundCells = (r: LedgerRound | undefined) => (r ? [r.dueOn, r.repliedOn, r.timeliness ? TIMELINESS_TEXT[r.timeliness] : null] : [null, null, null]);

/**
 * The ledger workbook: one line per item of the session. 答复期限 / 答复日期 / 按期答复 are the first round's, the
 * 第二轮 columns the second's (after 不满意), each judged against its own deadline; the result, the reply and the
 * rating are the latest round's.
 */
export async function ledgerXlsx(title: string, lines: readonly LedgerLine[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addLedgerSheet(wb, '提案台账', clean(title), LEDGER_COLUMNS, { titleHeight: 26 });
  const text = (s: string | null | undefined) => (s ? clean(s) : null);
  for (const l of lines) {
    const r = l.row;
    const row = ws.addRow([
      r.number,
      PROPOSAL_KIND_LABELS[r.kind],
      text(r.title),
      r.category,
      text(r.proposerName),
      text(l.signers),
      PROPOSAL_STATUS_LABELS[r.status],
      text(l.reviewReason),
      text(r.leadName),
      text(l.assists),
      text(r.responsibleLeader),
      l.assignedOn,
      ...roundCells(l.rounds.find((x) => x.round === 1)),
      ...roundCells(l.rounds.find((x) => x.round === 2)),
      r.resultCode ? `${r.resultCode} ${RESULT_CODE_LABELS[r.resultCode]}` : null,
      text(l.replyText),
      r.rating ? RATING_LABELS[r.rating] : null,
      ACCEPTED.has(r.status) ? r.round : null,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '宋体' };
const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };
const FANGSONG: IFontAttributesProperties = { ...latin, eastAsia: '仿宋' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const para = (text: string, o: { size?: number; font?: IFontAttributesProperties; isBold?: boolean; center?: boolean; right?: boolean; indent?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : o.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 640 } : undefined,
    spacing: { after: o.after ?? 120, line: 440 },
    children: [new TextRun({ text: clean(text), font: o.font ?? FANGSONG, size: o.size ?? 28, bold: o.isBold })],
  });

function cell(text: string, width: number, isHeader = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: isHeader ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    margins: { left: 60, right: 60 },
    children: [new Paragraph({ alignment: isHeader ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: clean(text), font: isHeader ? HEITI : SONGTI, size: 20, bold: isHeader })] })],
  });
}

function table(columns: readonly (readonly [string, number])[], rows: string[][]): Table {
  const header = new TableRow({ tableHeader: true, cantSplit: true, height: { value: 420, rule: HeightRule.ATLEAST }, children: columns.map(([h, w]) => cell(h, w, true)) });
  return new Table({
    width: { size: columns.reduce((n, [, w]) => n + w, 0), type: WidthType.DXA },
    columnWidths: columns.map(([, w]) => w),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, columns[i][1])) }))],
  });
}

const DEPARTMENT_COLUMNS = [['承办部门', 2200], ['主办件数', 1100], ['应答复件次', 1100], ['按期答复率', 1300], ['已办结', 1000], ['办结率', 1100], ['满意率', 1238]] as const;
const ITEM_COLUMNS = [['编号', 700], ['案由', 1900], ['提案人', 1100], ['承办部门', 1700], ['答复结果', 1000], ['答复摘要', 2038], ['评价', 800]] as const;
const summaryOf = (text: string | null) => (text === null ? '尚未答复' : text.length > 80 ? `${text.slice(0, 80)}……` : text);

/** The figures of a session in words, as the report's first part says them. */
export function figuresText(sessionTitle: string, f: ProposalFiguresView, opinions: number, byStatus: Record<string, number>): string {
  const n = (s: string) => byStatus[s] ?? 0;
  return (
    `${sessionTitle}期间，经提案工作委员会审查，共审查提案 ${f.submitted} 件，立案 ${f.accepted} 件（另有 ${n('merged')} 件并案处理），` +
    `转为意见建议 ${n('converted')} 件，不予立案 ${n('rejected')} 件，立案率 ${pct(f.acceptanceRate)}；收到意见建议共 ${opinions} 件。` +
    `应答复 ${f.due} 件次，按期答复 ${f.onTime} 件次，按期答复率 ${pct(f.onTimeRate)}；已办结 ${f.closed} 件，办结率 ${pct(f.closureRate)}；` +
    `提案人已评价 ${f.rated} 件，其中满意和基本满意 ${f.satisfied} 件，满意率 ${pct(f.satisfactionRate)}。`
  );
}

/** The handling report as a Word document (A4 portrait). */
export async function reportDocx(orgName: string, sessionTitle: string, figures: ProposalFigures, lines: readonly LedgerLine[], today: string): Promise<Buffer> {
  const accepted = lines.filter((l) => ACCEPTED.has(l.row.status));
  const doc = new Document({
    title: clean(`${sessionTitle}提案办理情况报告`),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: FANGSONG, size: 28, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1587, right: 1474 } } },
        children: [
          para(`关于${sessionTitle}提案办理情况的报告`, { size: 36, font: HEITI, isBold: true, center: true, after: 240 }),
          para(`${orgName}提案工作委员会`, { size: 28, center: true, after: 360 }),
          para('一、基本情况', { font: HEITI }),
          para(figuresText(sessionTitle, figures.overall, figures.opinions, figures.byStatus), { indent: true }),
          para('二、各承办部门办理情况', { font: HEITI }),
          figures.byDepartment.length === 0
            ? para('本次会议的提案尚未交办。', { indent: true })
            : table(
                DEPARTMENT_COLUMNS,
                figures.byDepartment.map((d) => [d.name, String(d.accepted), String(d.due), pct(d.onTimeRate), String(d.closed), pct(d.closureRate), pct(d.satisfactionRate)]),
              ),
          para('三、立案提案办理明细', { font: HEITI }),
          accepted.length === 0
            ? para('本次会议没有立案的提案。', { indent: true })
            : table(
                ITEM_COLUMNS,
                accepted.map((l) => [
                  l.row.number ? `第${l.row.number}号` : '',
                  l.row.title,
                  [l.row.proposerName, ...l.joints].join('、'),
                  l.departments || '尚未交办',
                  l.row.resultCode ? `${l.row.resultCode} ${RESULT_CODE_LABELS[l.row.resultCode]}` : '—',
                  summaryOf(l.replyText),
                  l.row.rating ? RATING_LABELS[l.row.rating] : l.row.round > 1 ? '第二轮办理中' : '未评价',
                ]),
              ),
          para(
            '说明：按期答复率按每一轮答复分别计算，以该轮的答复期限为准，期限已过仍未答复的计为未按期；经提案人不满意再次办理的提案计两件次。' +
              '答复结果：A 已解决，B 正在解决或列入计划，C 需条件成熟后解决，D 留作参考。评价为提案人对最近一次答复的评价。',
            { size: 21, font: SONGTI },
          ),
          para(`${orgName}提案工作委员会`, { right: true }),
          para(chineseDate(today), { right: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** GET /proposals/report.docx | ledger.xlsx?sessionId (the committee); audited. */
export async function exportProposals(ctx: Ctx, sessionId: string, format: 'report' | 'ledger'): Promise<ExportFile> {
  const scope = await reviewerScope(ctx);
  const { session } = await sessionOfUnion(ctx, scope, sessionId);
  const orgName = await orgNameOf(ctx.db, scope.union.id);
  const today = todayInShanghai();
  const lines = await ledgerLines(ctx, scope.union.id, session.id, today);
  const file =
    format === 'ledger'
      ? await ledgerXlsx(`${orgName} ${session.title} 提案台账`, lines)
      : await reportDocx(orgName, session.title, await proposalFiguresOf(ctx, session.id), lines, today);
  const what = format === 'ledger' ? '提案台账' : '提案办理情况报告';
  await ctx.db.transaction((tx) =>
    writeAudit(tx, {
      orgId: scope.union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: format === 'ledger' ? 'proposal.ledger.exported' : 'proposal.report.exported',
      entityType: 'proposal_export',
      entityLabel: `${session.title} ${what}`,
      changes: { session: { to: session.title }, rows: { to: lines.length } },
    }),
  );
  return format === 'ledger'
    ? { file, contentType: XLSX_TYPE, fileName: `${fileNamePart(session.title)}提案台账.xlsx` }
    : { file, contentType: DOCX_TYPE, fileName: `${fileNamePart(session.title)}提案办理情况报告.docx` };
}
