import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
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
import { and, asc, eq } from 'drizzle-orm';
import {
  ATTENDANCE_SOURCE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type AttendanceSource,
  type Audience,
  type RegistrationStatus,
} from '../../../contracts/activities.js';
import { activityRegistrations, members, orgs } from '../../db/schema/index.js';
import { addLedgerSheet, newWorkbook, type LedgerColumn } from '../../exports/ledger-sheet.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { audienceCondition } from './activities.audience.js';
import { activityOrg, audienceTexts, loadActivity } from './activities.access.js';
import { rosterRows } from './activities.repository.js';
import { heldActivityFigures, participationOf, statsPeriod, type DayPeriod, type HeldActivityFigures } from './activities.stats.js';

/** A file leaving the system: its bytes, its content type and the name the browser saves it under. */
export interface ExportFile {
  file: Buffer;
  contentType: string;
  fileName: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Characters XML 1.0 cannot carry, which Word, WPS and Excel refuse to open (docx and exceljs keep some of them). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string | null | undefined): string => (text ?? '').replace(XML_INVALID, '');
/** A spreadsheet cell's text; an absent value stays an empty cell. */
const cellText = (text: string | null | undefined): string | null => (text === null || text === undefined || text === '' ? null : clean(text));
/** A title as a file name: no path separators or characters Windows refuses. */
const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);

// ---- Times as people read them in Asia/Shanghai ----

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const WEEKDAYS = '日一二三四五六';
const wall = (d: Date) => new Date(d.getTime() + SHANGHAI_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${pad(wall(d).getUTCHours())}:${pad(wall(d).getUTCMinutes())}`;
const dayKey = (d: Date) => wall(d).toISOString().slice(0, 10);

/** "2026-03-08 15:30" */
export function shanghaiMinute(d: Date): string {
  return `${dayKey(d)} ${clock(d)}`;
}

/** "2026年3月8日（星期日）15:30—17:00", or "2026年3月8日 15:30 至 2026年3月9日 17:00" across days. */
export function activityTimeLabel(startsAt: Date, endsAt: Date): string {
  const day = (d: Date) => `${wall(d).getUTCFullYear()}年${wall(d).getUTCMonth() + 1}月${wall(d).getUTCDate()}日`;
  if (dayKey(startsAt) === dayKey(endsAt)) return `${day(startsAt)}（星期${WEEKDAYS[wall(startsAt).getUTCDay()]}）${clock(startsAt)}—${clock(endsAt)}`;
  return `${day(startsAt)} ${clock(startsAt)} 至 ${day(endsAt)} ${clock(endsAt)}`;
}

// ---- Spreadsheets ----

const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '日期', width: 17 },
  { header: '活动名称', width: 30 },
  { header: '类型', width: 10 },
  { header: '地点', width: 18 },
  { header: '组织者', width: 10 },
  { header: '参加对象', width: 22 },
  { header: '应到', width: 8 },
  { header: '报名', width: 8 },
  { header: '候补', width: 8 },
  { header: '实到', width: 8 },
  { header: '参与率', width: 10 },
];

/** The ledger's rows with the names its audience labels need. */
export interface LedgerInput {
  orgName: string;
  period: DayPeriod;
  activities: (HeldActivityFigures & { audienceText: string })[];
  participation: { attended: number; eligible: number; rate: number | null };
}

/**
 * 活动台账: one row per activity held in the period (date order), a 合计 row with the person-times and the overall
 * rate, and the union's participation rate under it.
 */
export async function ledgerXlsx(input: LedgerInput): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addLedgerSheet(wb, '活动台账', clean(`${input.orgName} 活动台账（${input.period.from} 至 ${input.period.to}）`), LEDGER_COLUMNS, { titleHeight: 28 });
  input.activities.forEach((a, i) => {
    const row = ws.addRow([
      i + 1,
      shanghaiMinute(a.startsAt),
      cellText(a.title),
      cellText(a.typeName),
      cellText(a.place),
      cellText(a.organiserName),
      cellText(a.audienceText),
      a.invited,
      a.confirmed,
      a.waitlisted,
      a.attended,
      a.rate,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(12).numFmt = '0.0%';
  });
  const sum = (k: 'invited' | 'confirmed' | 'waitlisted' | 'attended') => input.activities.reduce((n, a) => n + a[k], 0);
  const invited = sum('invited');
  const total = ws.addRow(['合计', null, `共 ${input.activities.length} 项活动`, null, null, null, null, invited, sum('confirmed'), sum('waitlisted'), sum('attended'), invited > 0 ? sum('attended') / invited : null]);
  total.font = { bold: true };
  total.getCell(12).numFmt = '0.0%';
  total.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
  const p = input.participation;
  const rate = p.rate === null ? '—' : `${Math.round(p.rate * 1000) / 10}%`;
  const note = ws.addRow([`会员参与率：${rate}（期间内至少参加一次活动的会员 ${p.attended} 人 / 应参加会员 ${p.eligible} 人）。应到、实到为人次。`]);
  ws.mergeCells(note.number, 1, note.number, LEDGER_COLUMNS.length);
  note.alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A person on an activity's attendance list. */
export interface AttendanceRow {
  name: string;
  groupName: string | null;
  department: string | null;
  status: RegistrationStatus | null;
  attendedAt: Date | null;
  source: AttendanceSource | null;
}

const ATTENDANCE_COLUMNS: readonly LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 12 },
  { header: '工会小组', width: 14 },
  { header: '部门', width: 16 },
  { header: '报名状态', width: 10 },
  { header: '是否出勤', width: 10 },
  { header: '签到方式', width: 12 },
  { header: '签到时间', width: 18 },
];

/** An activity's attendance: everyone invited, signed up or present, with how and when they checked in. */
export async function attendanceXlsx(title: string, timeLabel: string, hasSignup: boolean, rows: readonly AttendanceRow[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addLedgerSheet(wb, '出勤名单', clean(`${title} 出勤名单（${timeLabel}）`), ATTENDANCE_COLUMNS, { titleHeight: 28 });
  ws.getColumn(8).alignment = { horizontal: 'left' };
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      cellText(r.name),
      cellText(r.groupName),
      cellText(r.department),
      r.status ? REGISTRATION_STATUS_LABELS[r.status] : hasSignup ? '未报名' : '无需报名',
      r.attendedAt ? '是' : '否',
      r.source ? ATTENDANCE_SOURCE_LABELS[r.source] : null,
      r.attendedAt ? shanghaiMinute(r.attendedAt) : null,
    ]);
  });
  const present = rows.filter((r) => r.attendedAt).length;
  ws.addRow([`共 ${rows.length} 人，出勤 ${present} 人`]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- The sign-in sheet ----

const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1417, right: 1417 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const SIGNIN_COLUMNS = [900, 2200, 2600, TEXT_WIDTH - 900 - 2200 - 2600];
const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '宋体' };
const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };
/** Rows tall enough to sign in by hand (about 1 cm). */
const SIGN_ROW_HEIGHT = 580;
/** Empty numbered rows at the end for people who come without being on the list. */
const SPARE_ROWS = 3;

/** What a printed 签到表 shows. */
export interface SigninSheet {
  orgName: string;
  title: string;
  timeLabel: string;
  place: string;
  organiserName: string | null;
  people: { name: string; groupName: string | null }[];
}

function line(text: string, options: { size: number; font: IFontAttributesProperties; isBold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number }) {
  return new Paragraph({
    alignment: options.alignment ?? AlignmentType.LEFT,
    spacing: { after: options.after ?? 60, line: 360, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text: clean(text), font: options.font, size: options.size, bold: options.isBold })],
  });
}

function signinCell(text: string, width: number, isHeader = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: isHeader ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    margins: { left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: clean(text), font: isHeader ? HEITI : SONGTI, size: 24, bold: isHeader })],
      }),
    ],
  });
}

/**
 * 签到表 as a .docx for Word and WPS: A4 portrait, the activity's name, time, place and organiser, then a table
 * 序号 | 姓名 | 工会小组 | 签名 whose header row repeats on every page, rows that never split across pages,
 * a few spare rows, and a line for the count present.
 */
export async function signinSheetDocx(s: SigninSheet): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 480, rule: HeightRule.ATLEAST },
    children: ['序号', '姓名', '工会小组', '签名'].map((h, i) => signinCell(h, SIGNIN_COLUMNS[i], true)),
  });
  const rows = [
    ...s.people.map((p, i) => [String(i + 1), p.name, p.groupName ?? '', '']),
    ...Array.from({ length: SPARE_ROWS }, (_, i) => [String(s.people.length + i + 1), '', '', '']),
  ].map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        height: { value: SIGN_ROW_HEIGHT, rule: HeightRule.ATLEAST },
        children: cells.map((c, i) => signinCell(c, SIGNIN_COLUMNS[i])),
      }),
  );
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: SIGNIN_COLUMNS,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
  const doc = new Document({
    title: clean(`${s.title}签到表`),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: SONGTI, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          line(s.orgName, { size: 24, font: SONGTI, alignment: AlignmentType.CENTER }),
          line(`${s.title}签到表`, { size: 36, font: HEITI, isBold: true, alignment: AlignmentType.CENTER, after: 200 }),
          line(`时间：${s.timeLabel}`, { size: 24, font: SONGTI }),
          line(`地点：${s.place || '—'}`, { size: 24, font: SONGTI }),
          line(`组织者：${s.organiserName ?? '—'}`, { size: 24, font: SONGTI, after: 200 }),
          table,
          line(`应到 ${s.people.length} 人　　实到 ______ 人　　组织者签字：____________`, { size: 24, font: SONGTI, alignment: AlignmentType.RIGHT, after: 0 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---- The use cases ----

const collator = new Intl.Collator('zh');
/** Rows already in name order, grouped by union group in pinyin order (数学组 before 语文组); people without a group last. */
const byGroupThenName = <T extends { groupName: string | null }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.groupName === b.groupName ? 0 : a.groupName === null ? 1 : b.groupName === null ? -1 : collator.compare(a.groupName, b.groupName)));

async function auditExport(ctx: Ctx, orgId: string, e: { action: string; entityId?: string; label: string; rows: number; extra?: Record<string, { to: unknown }> }) {
  await ctx.db.transaction((tx) =>
    writeAudit(tx, {
      orgId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: e.action,
      entityType: e.entityId ? 'activity' : 'activity_export',
      entityId: e.entityId ?? null,
      entityLabel: e.label,
      changes: { rows: { to: e.rows }, ...e.extra },
    }),
  );
}

/** GET /activities/ledger.xlsx: the 活动台账 of the period (default the current school year); audited. */
export async function exportLedger(ctx: Ctx, q: { from?: string; to?: string }): Promise<ExportFile> {
  const org = activityOrg(ctx, 'activity.manage');
  const period = statsPeriod(q);
  const orgName = await orgNameOf(ctx.db, org.id);
  const held = await heldActivityFigures(ctx.db, org.id, period);
  const participation = await participationOf(ctx.db, org.id, period);
  const texts = await audienceTexts(ctx.db, org.id, held.map((a) => a.audience));
  const file = await ledgerXlsx({ orgName, period, participation, activities: held.map((a, i) => ({ ...a, audienceText: texts[i] })) });
  await auditExport(ctx, org.id, {
    action: 'activity.ledgerExported',
    label: `活动台账 ${period.from} 至 ${period.to}，${held.length} 项`,
    rows: held.length,
    extra: { from: { to: period.from }, to: { to: period.to } },
  });
  return { file, contentType: XLSX_TYPE, fileName: `${fileNamePart(orgName)}活动台账-${period.from}至${period.to}.xlsx` };
}

/** GET /activities/:id/attendance.xlsx; audited. */
export async function exportAttendance(ctx: Ctx, id: string): Promise<ExportFile> {
  const { org, activity: a } = await loadActivity(ctx, id, 'activity.manage');
  // Everyone invited by the audience, signed up or present (the organiser's roster), by group and name.
  const roster = await rosterRows(ctx.db, org.id, { id: a.id, audience: a.audience as Audience });
  const rows = byGroupThenName(roster.map((r) => ({ ...r, source: r.attendanceSource, attendedAt: r.attendedAt ? new Date(r.attendedAt) : null })));
  const file = await attendanceXlsx(a.title, activityTimeLabel(new Date(a.startsAt), new Date(a.endsAt)), a.signupOpensAt !== null, rows);
  await auditExport(ctx, org.id, { action: 'activity.attendanceExported', entityId: a.id, label: a.title, rows: rows.length });
  return { file, contentType: XLSX_TYPE, fileName: `${fileNamePart(a.title)}-出勤名单.xlsx` };
}

/**
 * GET /activities/:id/signin-sheet.docx: the confirmed registrants, or everyone invited when the activity takes
 * no sign-up, by group and name; audited.
 */
export async function exportSigninSheet(ctx: Ctx, id: string): Promise<ExportFile> {
  const { org, activity: a } = await loadActivity(ctx, id, 'activity.manage');
  const hasSignup = a.signupOpensAt !== null;
  const listed = hasSignup
    ? await ctx.db
        .select({ name: members.name, groupName: orgs.name })
        .from(activityRegistrations)
        .innerJoin(members, eq(members.id, activityRegistrations.memberId))
        .leftJoin(orgs, eq(orgs.id, members.groupId))
        .where(and(eq(activityRegistrations.activityId, a.id), eq(activityRegistrations.status, 'confirmed')))
        .orderBy(asc(members.pinyinKey), asc(members.id))
    : await ctx.db
        .select({ name: members.name, groupName: orgs.name })
        .from(members)
        .leftJoin(orgs, eq(orgs.id, members.groupId))
        .where(audienceCondition(org.id, a.audience as Audience))
        .orderBy(asc(members.pinyinKey), asc(members.id));
  const people = byGroupThenName(listed);
  const file = await signinSheetDocx({
    orgName: await orgNameOf(ctx.db, org.id),
    title: a.title,
    timeLabel: activityTimeLabel(new Date(a.startsAt), new Date(a.endsAt)),
    place: a.place,
    organiserName: a.organiserName,
    people,
  });
  await auditExport(ctx, org.id, { action: 'activity.signinSheetExported', entityId: a.id, label: a.title, rows: people.length });
  return { file, contentType: DOCX_TYPE, fileName: `${fileNamePart(a.title)}-签到表.docx` };
}
