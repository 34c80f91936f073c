import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { BENEFIT_FORM_LABELS, VISIT_METHOD_LABELS, type BenefitForm, type VisitMethod } from '../../../contracts/care.js';
import { chineseDate } from '../../../domain/calendar-dates.js';
import { shanghaiToday, yuan } from '../../../domain/care/index.js';
import { careEvents, careEventTypes, careVisits, members, orgs, users } from '../../db/schema/index.js';
import { addLedgerSheet, newWorkbook, type LedgerColumn } from '../../exports/ledger-sheet.js';
import { fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import type { ExportFile } from '../activities/activities.export.js';
import { careScopeFor } from './care.access.js';
import { inGroup } from './care.repository.js';

/*
 * 慰问登记表 (the visit register): every visit of a period, in date order, as .xlsx and as a printable .docx (A4
 * landscape) with a column for the payee's signature. A group leader's register holds their group's visits.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string | null | undefined) => (text ?? '').replace(XML_INVALID, '');
const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);

/** One line of the register. */
export interface RegisterLine {
  visitedOn: string;
  memberName: string;
  groupName: string | null;
  typeName: string;
  occurredOn: string;
  method: VisitMethod;
  visitors: string;
  goods: string;
  amountFen: number;
  form: BenefitForm | null;
  fundCategory: string;
  payee: string;
  notes: string;
}

/** The register's period: the one asked for, else the current calendar year. */
function registerPeriod(q: { from?: string; to?: string }): { from: string; to: string } {
  const year = shanghaiToday(new Date()).slice(0, 4);
  const period = { from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` };
  if (period.from > period.to) throw fieldError('to', '结束日期不能早于开始日期');
  const years = Number(period.to.slice(0, 4)) - Number(period.from.slice(0, 4));
  if (years > 3 || (years === 3 && period.to.slice(5) >= period.from.slice(5))) throw fieldError('to', '登记表一次最多导出 36 个月');
  return period;
}

const approver = alias(users, 'register_approver');
const groupOrg = alias(orgs, 'register_group');

/** A visit's notes as the register prints them, with the chair's approval when a cap was passed. */
const notesOf = (r: { notes: string; overrideReason: string | null; approverName: string | null }) =>
  [r.notes, r.overrideReason === null ? '' : `超标准慰问，经${r.approverName ?? '工会主席'}批准：${r.overrideReason}`].filter(Boolean).join('；');

async function registerLines(ctx: Ctx, unionId: string, groupId: string | null, period: { from: string; to: string }): Promise<RegisterLine[]> {
  const rows = await ctx.db
    .select({
      visitedOn: careVisits.visitedOn,
      memberName: members.name,
      groupName: groupOrg.name,
      typeName: careEventTypes.name,
      occurredOn: careEvents.occurredOn,
      method: careVisits.method,
      visitors: careVisits.visitors,
      goods: careVisits.goods,
      amountFen: careVisits.amountFen,
      form: careVisits.form,
      fundCategory: careVisits.fundCategory,
      payee: careVisits.payee,
      notes: careVisits.notes,
      overrideReason: careVisits.overrideReason,
      approverName: approver.displayName,
    })
    .from(careVisits)
    .innerJoin(members, eq(members.id, careVisits.memberId))
    .innerJoin(careEvents, eq(careEvents.id, careVisits.eventId))
    .innerJoin(careEventTypes, eq(careEventTypes.id, careVisits.typeId))
    .leftJoin(groupOrg, eq(groupOrg.id, members.groupId))
    .leftJoin(approver, eq(approver.id, careVisits.overrideBy))
    .where(and(eq(careVisits.orgId, unionId), inGroup(groupId ?? undefined), gte(careVisits.visitedOn, period.from), lte(careVisits.visitedOn, period.to)))
    .orderBy(asc(careVisits.visitedOn), asc(members.pinyinKey), asc(careVisits.recordedAt));
  return rows.map(({ overrideReason, approverName, ...r }) => ({
    ...r,
    method: r.method as VisitMethod,
    visitors: (r.visitors as { name: string }[]).map((v) => v.name).join('、'),
    form: r.form as BenefitForm | null,
    notes: notesOf({ notes: r.notes, overrideReason, approverName }),
  }));
}

const COLUMNS: readonly LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '慰问日期', width: 12 },
  { header: '姓名', width: 10 },
  { header: '工会小组', width: 12 },
  { header: '慰问事由', width: 14 },
  { header: '发生日期', width: 12 },
  { header: '慰问方式', width: 10 },
  { header: '慰问人', width: 18 },
  { header: '慰问物品', width: 18 },
  { header: '金额（元）', width: 12 },
  { header: '发放形式', width: 10 },
  { header: '经费科目', width: 12 },
  { header: '领款人', width: 10 },
  { header: '备注', width: 30 },
];

/** The register as a spreadsheet: a title row, frozen headers with a filter, a 合计 row; amounts in yuan. */
export async function registerXlsx(title: string, lines: readonly RegisterLine[]): Promise<Buffer> {
  const wb = newWorkbook();
  // Its headers are plain: bold and centred, without the grey fill and wrapping of the other ledgers.
  const ws = addLedgerSheet(wb, '慰问登记表', clean(title), COLUMNS, { isHeaderShaded: false, isHeaderWrapped: false });
  const text = (s: string | null) => (s ? clean(s) : null);
  lines.forEach((l, i) => {
    const row = ws.addRow([
      i + 1,
      l.visitedOn,
      text(l.memberName),
      text(l.groupName),
      text(l.typeName),
      l.occurredOn,
      VISIT_METHOD_LABELS[l.method],
      text(l.visitors),
      text(l.goods),
      l.amountFen / 100,
      l.form ? BENEFIT_FORM_LABELS[l.form] : null,
      l.fundCategory,
      text(l.payee),
      text(l.notes),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(10).numFmt = '0.00';
  });
  const totalFen = lines.reduce((n, l) => n + l.amountFen, 0);
  const total = ws.addRow(['合计', null, `共 ${lines.length} 人次`, null, null, null, null, null, null, totalFen / 100]);
  total.font = { bold: true };
  total.getCell(10).numFmt = '0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '宋体' };
const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };
// A4 landscape, 2 cm margins; the table fills the text width. docx takes the portrait size and turns it.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
const DOC_COLUMNS = [
  ['序号', 600],
  ['慰问日期', 1300],
  ['姓名', 1100],
  ['工会小组', 1200],
  ['慰问事由', 1400],
  ['方式', 700],
  ['慰问人', 1900],
  ['物品及金额', 2300],
  ['领款人签名', 1500],
  ['备注', 2570],
] as const;

function cell(text: string, width: number, isHeader = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: isHeader ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    margins: { left: 80, right: 80 },
    children: [new Paragraph({ alignment: isHeader ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: clean(text), font: isHeader ? HEITI : SONGTI, size: 20, bold: isHeader })] })],
  });
}

const para = (text: string, o: { size: number; font: IFontAttributesProperties; isBold?: boolean; center?: boolean; right?: boolean; after?: number }) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : o.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: o.after ?? 120 },
    children: [new TextRun({ text: clean(text), font: o.font, size: o.size, bold: o.isBold })],
  });

/** What one visit gave, in words: "水果、牛奶；500.00 元（现金）". */
const givenText = (l: RegisterLine) =>
  [l.goods, l.amountFen > 0 ? `${yuan(l.amountFen)} 元${l.form && l.form !== 'goods' ? `（${BENEFIT_FORM_LABELS[l.form]}）` : ''}` : ''].filter(Boolean).join('；') || '—';

/** The register as a printable Word document, header row repeated on each page, a signature column for payees. */
export async function registerDocx(orgName: string, period: { from: string; to: string }, lines: readonly RegisterLine[]): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const header = new TableRow({ tableHeader: true, cantSplit: true, height: { value: 460, rule: HeightRule.ATLEAST }, children: DOC_COLUMNS.map(([h, w]) => cell(h, w, true)) });
  const rows = lines.map(
    (l, i) =>
      new TableRow({
        cantSplit: true,
        height: { value: 560, rule: HeightRule.ATLEAST },
        children: [String(i + 1), l.visitedOn, l.memberName, l.groupName ?? '', l.typeName, VISIT_METHOD_LABELS[l.method], l.visitors, givenText(l), '', l.notes].map((t, c) =>
          cell(t, DOC_COLUMNS[c][1]),
        ),
      }),
  );
  const totalFen = lines.reduce((n, l) => n + l.amountFen, 0);
  const doc = new Document({
    title: clean(`${orgName}慰问登记表`),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: SONGTI, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: { page: { size: { ...PAGE, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        children: [
          para(`${orgName}慰问登记表`, { size: 32, font: HEITI, isBold: true, center: true }),
          para(`登记期间：${chineseDate(period.from)} 至 ${chineseDate(period.to)}`, { size: 21, font: SONGTI, center: true, after: 200 }),
          new Table({
            width: { size: DOC_COLUMNS.reduce((n, [, w]) => n + w, 0), type: WidthType.DXA },
            columnWidths: DOC_COLUMNS.map(([, w]) => w),
            borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
            rows: [header, ...rows],
          }),
          para(`合计：${lines.length} 人次，慰问金 ${yuan(totalFen)} 元`, { size: 21, font: SONGTI, after: 240 }),
          para('经办人：____________　　审核人：____________　　工会主席：____________', { size: 21, font: SONGTI, right: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** GET /care/visits/register.xlsx | .docx: the visit register of the period (default this year); audited. */
export async function exportVisitRegister(ctx: Ctx, q: { from?: string; to?: string }, format: 'xlsx' | 'docx'): Promise<ExportFile> {
  const scope = await careScopeFor(ctx, 'care.read');
  const period = registerPeriod(q);
  const orgName = await orgNameOf(ctx.db, scope.union.id);
  const groupName = scope.groupId ? await orgNameOf(ctx.db, scope.groupId) : '';
  const title = `${orgName}${groupName}`;
  const lines = await registerLines(ctx, scope.union.id, scope.groupId, period);
  const file = format === 'xlsx' ? await registerXlsx(`${title} 慰问登记表（${period.from} 至 ${period.to}）`, lines) : await registerDocx(title, period, lines);
  await ctx.db.transaction((tx) =>
    writeAudit(tx, {
      orgId: scope.union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'care.register.exported',
      entityType: 'care_export',
      entityLabel: `慰问登记表 ${period.from} 至 ${period.to}，${lines.length} 人次`,
      changes: { rows: { to: lines.length }, from: { to: period.from }, to: { to: period.to }, format: { to: format } },
    }),
  );
  return { file, contentType: format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE, fileName: `${fileNamePart(title)}慰问登记表-${period.from}至${period.to}.${format}` };
}
