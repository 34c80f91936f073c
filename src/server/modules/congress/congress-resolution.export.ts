import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun, type IFontAttributesProperties } from 'docx';
import { asc, eq } from 'drizzle-orm';
import { VOTE_CHANNEL_LABELS, VOTE_MODE_LABELS } from '../../../contracts/congress.js';
import { chineseDate } from '../../../domain/calendar-dates.js';
import { todayInShanghai } from '../../../domain/dates.js';
import { congressAgendaItems } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { ExportFile } from '../activities/activities.export.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { auditActor, loadSession } from './congress.access.js';
import { chineseNumber } from './congress.presenter.js';
import { attendanceCounts, votesOfSession, type VoteRow } from './congress.repository.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string) => text.replace(XML_INVALID, '');
const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);

const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1587, right: 1474 };
const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '仿宋' };
const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };

function para(text: string, o: { font?: IFontAttributesProperties; size?: number; isBold?: boolean; align?: 'center' | 'right' | 'left'; indent?: boolean; after?: number } = {}) {
  const alignment = o.align === 'center' ? AlignmentType.CENTER : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment,
    indent: o.indent ? { firstLine: 640 } : undefined,
    spacing: { after: o.after ?? 0, line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: clean(text), font: o.font ?? SONGTI, size: o.size ?? 32, bold: o.isBold })],
  });
}

/** What the resolution states about one closed vote. */
interface ResolvedItem {
  title: string;
  how: string;
  passed: boolean;
  text: string;
}

/** The 决议 as a .docx in the usual official layout: title, the meeting's figures, each item voted on, the decision. */
async function resolutionDocx(r: { orgName: string; title: string; day: string; place: string; expected: number; present: number; isAllStaff: boolean; items: ResolvedItem[] }): Promise<Buffer> {
  const who = r.isAllStaff ? '教职工' : '代表';
  const body: Paragraph[] = [
    para(`${r.title}决议`, { font: HEITI, size: 44, align: 'center', after: 200 }),
    para(`（${chineseDate(r.day)}${r.title}通过）`, { align: 'center', after: 200 }),
    para(`${r.title}于${chineseDate(r.day)}${r.place ? `在${r.place}` : ''}召开。会议应到${who} ${r.expected} 人，实到 ${r.present} 人，达到应到人数的三分之二，符合法定人数。会议按照赞成票超过全体${who}半数为通过的规则，对以下事项进行了表决：`, { indent: true }),
  ];
  r.items.forEach((item, i) => {
    body.push(para(`${chineseNumber(i + 1)}、${item.title}`, { font: HEITI, indent: true }));
    body.push(para(`表决方式：${item.how}。${item.text}`, { indent: true }));
  });
  const passed = r.items.filter((i) => i.passed).map((i) => `《${i.title}》`);
  const failed = r.items.filter((i) => !i.passed).map((i) => `《${i.title}》`);
  body.push(
    para(
      `会议决定：${passed.length > 0 ? `通过${passed.join('、')}` : ''}${passed.length > 0 && failed.length > 0 ? '；' : ''}${failed.length > 0 ? `${failed.join('、')}未获通过` : ''}。`,
      { indent: true, after: 400 },
    ),
    para(r.orgName, { align: 'right' }),
    para(chineseDate(r.day), { align: 'right' }),
  );
  const doc = new Document({
    title: clean(`${r.title}决议`),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: SONGTI, size: 32, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: body }],
  });
  return Packer.toBuffer(doc);
}

/** Closed votes in agenda order (items without an agenda item last, in creation order). */
async function closedVotesInOrder(ctx: Ctx, sessionId: string): Promise<VoteRow[]> {
  const [votes, agenda] = [await votesOfSession(ctx.db, sessionId), await ctx.db.select().from(congressAgendaItems).where(eq(congressAgendaItems.sessionId, sessionId)).orderBy(asc(congressAgendaItems.position))];
  const rank = new Map(agenda.map((a, i) => [a.id, i]));
  const at = (v: VoteRow) => (v.agendaItemId !== null ? (rank.get(v.agendaItemId) ?? agenda.length) : agenda.length);
  return votes.filter((v) => v.status === 'closed').sort((a, b) => at(a) - at(b));
}

/** GET /congress/sessions/:id/resolution.docx: every closed vote with its result; audited. */
export async function exportResolution(ctx: Ctx, sessionId: string): Promise<ExportFile> {
  const { org, session, term } = await loadSession(ctx, sessionId, 'congress.read');
  const votes = await closedVotesInOrder(ctx, session.id);
  if (votes.length === 0) throw new AppError('CONFLICT', '本次会议还没有已结束的表决，暂不能生成决议');
  const counts = await attendanceCounts(ctx.db, term, session.id);
  const present = Math.max(counts.present, ...votes.map((v) => v.present ?? 0));
  const file = await resolutionDocx({
    orgName: await orgNameOf(ctx.db, org.id),
    title: session.title,
    day: todayInShanghai(session.startsAt),
    place: session.place,
    expected: Math.max(counts.expected, ...votes.map((v) => v.base ?? 0)),
    present,
    isAllStaff: term.form === 'all_staff',
    items: votes.map((v) => ({ title: v.title, how: `${VOTE_MODE_LABELS[v.mode]}（${VOTE_CHANNEL_LABELS[v.channel]}）`, passed: v.passed === true, text: (v.result as { text: string }).text })),
  });
  await ctx.db.transaction((tx) =>
    writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'congress.session.resolutionExported', entityType: 'congress_session', entityId: session.id, entityLabel: session.title, changes: { rows: { to: votes.length } } }),
  );
  return { file, contentType: DOCX_TYPE, fileName: `${fileNamePart(session.title)}决议.docx` };
}
