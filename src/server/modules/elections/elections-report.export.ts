import { Document, Packer, type Paragraph, type Table } from 'docx';
import { and, eq } from 'drizzle-orm';
import { ELECTION_POSITION_LABELS, type RoundOutcome } from '../../../contracts/elections.js';
import { chineseDate } from '../../../domain/calendar-dates.js';
import { ageOn, todayInShanghai } from '../../../domain/dates.js';
import { normaliseName } from '../../../domain/election/index.js';
import { members } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { ExportFile } from '../activities/activities.export.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { chineseNumber } from '../congress/congress.presenter.js';
import { auditActor, loadElection } from './elections.access.js';
import { clean, DOCX_TYPE, fileNamePart, HEITI, MARGIN, PAGE, para, simpleTable, SONGTI, TEXT_WIDTH } from './elections.docx.js';
import { meetingLabel, winnersOf } from './elections.presenter.js';
import { candidatesOf, officialsOf, rollCounts, roundsOf, sessionTitles, type RoundRow } from './elections.repository.js';

/*
 * 选举结果报告单: what a parent union asks of a grassroots election — the election and its meeting, 应到 / 实到, each
 * round's ballots (发出、收回、有效、无效) and every candidate's votes, the winners with gender and age, the women among
 * them, and the officials' signatures.
 */

/** A winner as the report lists them. */
export interface ReportWinner {
  name: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  yes: number;
  round: number;
}

/** Everything the report prints. */
export interface ElectionReport {
  orgName: string;
  title: string;
  positionLabel: string;
  seats: number;
  candidateCount: number;
  meeting: string;
  day: string;
  due: number;
  present: number;
  channels: string;
  rounds: { number: number; seats: number; outcome: RoundOutcome }[];
  winners: ReportWinner[];
  scrutineers: string[];
  counters: string[];
}

const GENDER = { M: '男', F: '女' } as const;
const percent = (n: number, d: number) => (d === 0 ? '—' : `${(Math.round((n * 1000) / d) / 10).toFixed(1)}%`);
const birthText = (d: string | null) => (d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月` : '—');

/** The composition of those elected, in words: how many, the vacancies, the women and their share, the mean age. */
export function compositionText(r: Pick<ElectionReport, 'seats' | 'winners' | 'day'>): string {
  const n = r.winners.length;
  const women = r.winners.filter((w) => w.gender === 'F').length;
  const ages = r.winners.flatMap((w) => (w.birthDate ? [ageOn(w.birthDate, r.day)] : []));
  const vacancies = r.seats - n;
  const mean = ages.length > 0 ? `；平均年龄 ${(ages.reduce((a, b) => a + b, 0) / ages.length).toFixed(1)} 岁` : '';
  return `应选 ${r.seats} 名，当选 ${n} 名${vacancies > 0 ? `，缺额 ${vacancies} 名` : ''}；其中女性 ${women} 名，占 ${percent(women, n)}${mean}。`;
}

function roundPart(r: ElectionReport['rounds'][number]): (Paragraph | Table)[] {
  const f = r.outcome.figures;
  const w = Math.floor(TEXT_WIDTH / 7);
  return [
    para(`第${chineseNumber(r.number)}轮投票（应选 ${r.seats} 名）`, { font: HEITI, size: 24, before: 200, after: 80 }),
    simpleTable(
      [['应到', w], ['实到', w], ['发出选票', w], ['收回选票', w], ['有效票', w], ['无效票', w], ['本轮结果', TEXT_WIDTH - 6 * w]],
      [[String(f.due), String(f.present), String(f.issued), String(f.returned), String(f.valid), String(f.invalid), r.outcome.isVoid ? '无效' : '有效']],
    ),
    para('', { after: 60 }),
    simpleTable(
      [['序号', 700], ['姓名', 2200], ['赞成', 1500], ['不赞成', 1500], ['弃权', 1500], ['结果', TEXT_WIDTH - 700 - 2200 - 4500]],
      r.outcome.tallies.map((t, i) => [String(i + 1), t.isWriteIn ? `${t.name}（另选）` : t.name, String(t.yes), String(t.no), String(t.abstain), t.elected ? '当选' : '未当选']),
      2,
    ),
    ...r.outcome.steps.filter((s) => s.kind !== 'info').map((s) => para(s.text, { size: 19, after: 20 })),
  ];
}

/** The report as a .docx. */
export async function reportDocx(r: ElectionReport): Promise<Buffer> {
  const half = TEXT_WIDTH / 4;
  const children: (Paragraph | Table)[] = [
    para(r.orgName, { align: 'center', size: 28, font: SONGTI, after: 60 }),
    para('选举结果报告单', { align: 'center', size: 40, font: HEITI, after: 240 }),
    simpleTable(
      [['项目', half], ['内容', half], ['项目', half], ['内容', half]],
      [
        ['选举名称', r.title, '选举职务', r.positionLabel],
        ['选举会议', r.meeting, '选举日期', chineseDate(r.day)],
        ['应选名额', `${r.seats} 名`, '候选人数', `${r.candidateCount} 名（${r.candidateCount > r.seats ? '差额选举' : '等额选举'}）`],
        ['应到人数', `${r.due} 人`, '实到人数', `${r.present} 人`],
        ['投票方式', r.channels, '投票轮次', `${r.rounds.length} 轮`],
      ],
    ),
    ...r.rounds.flatMap(roundPart),
    para('当选人员', { font: HEITI, size: 24, before: 240, after: 80 }),
    simpleTable(
      [['序号', 700], ['姓名', 1900], ['性别', 900], ['出生年月', 1700], ['年龄', 1000], ['得赞成票', 1500], ['当选轮次', TEXT_WIDTH - 700 - 1900 - 900 - 1700 - 1000 - 1500]],
      r.winners.map((w, i) => [
        String(i + 1),
        w.name,
        w.gender ? GENDER[w.gender] : '—',
        birthText(w.birthDate),
        w.birthDate ? String(ageOn(w.birthDate, r.day)) : '—',
        String(w.yes),
        `第${chineseNumber(w.round)}轮`,
      ]),
      2,
    ),
    para(`组成情况：${compositionText(r)}`, { before: 120, after: 240 }),
    para(`监票人（签字）：${r.scrutineers.join('、') || '____________'}`, { after: 120 }),
    para(`计票人（签字）：${r.counters.join('、') || '____________'}`, { after: 120 }),
    para('选举工作负责人（签字）：____________', { after: 360 }),
    para(`${r.orgName}（盖章）`, { align: 'right' }),
    para(chineseDate(todayInShanghai()), { align: 'right' }),
  ];
  const doc = new Document({
    title: clean(`${r.title}选举结果报告单`),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: SONGTI, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** A write-in winner's file when exactly one member of the union has that name; else gender and age stay blank. */
async function writeInMember(ctx: Ctx, orgId: string, name: string) {
  const rows = await ctx.db.select({ gender: members.gender, birthDate: members.birthDate, name: members.name }).from(members).where(and(eq(members.orgId, orgId), eq(members.name, name))).limit(2);
  return rows.length === 1 ? rows[0] : undefined;
}

/** GET /elections/:id/report.docx: once the election is closed; audited. */
export async function exportElectionReport(ctx: Ctx, id: string): Promise<ExportFile> {
  const { org, election: e } = await loadElection(ctx, id, 'election.read');
  if (e.status !== 'closed') throw new AppError('CONFLICT', '选举结束后才能生成选举结果报告单');
  const [candidates, officials, rounds] = [await candidatesOf(ctx.db, e.id), await officialsOf(ctx.db, e.id), await roundsOf(ctx.db, e.id)];
  const counted = rounds.filter((r): r is RoundRow & { outcome: RoundOutcome } => r.status === 'counted' && r.outcome !== null);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const winners: ReportWinner[] = [];
  for (const w of winnersOf(counted)) {
    const file = w.candidateId ? byId.get(w.candidateId) : await writeInMember(ctx, org.id, normaliseName(w.name));
    winners.push({ name: w.name, gender: file?.gender ?? null, birthDate: file?.birthDate ?? null, yes: w.yes, round: w.round });
  }
  const day = todayInShanghai(e.startedAt ?? e.createdAt);
  const roll = await rollCounts(ctx.db, e);
  const title = e.sessionId ? (await sessionTitles(ctx.db, [e.sessionId])).get(e.sessionId) : undefined;
  const file = await reportDocx({
    orgName: await orgNameOf(ctx.db, org.id),
    title: e.title,
    positionLabel: ELECTION_POSITION_LABELS[e.position],
    seats: e.seats,
    candidateCount: candidates.length,
    meeting: meetingLabel(e, title),
    day,
    due: roll.due,
    present: Math.max(0, ...counted.map((r) => r.present)),
    channels: [e.online ? '手机投票' : '', e.paper ? '纸质选票' : ''].filter(Boolean).join('、'),
    rounds: counted.map((r) => ({ number: r.number, seats: r.seats, outcome: r.outcome })),
    winners,
    scrutineers: officials.filter((o) => o.role === 'scrutineer').map((o) => o.name),
    counters: officials.filter((o) => o.role === 'counter').map((o) => o.name),
  });
  await ctx.db.transaction((tx) =>
    writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'election.report.exported', entityType: 'election', entityId: e.id, entityLabel: e.title, changes: { elected: { to: winners.length } } }),
  );
  return { file, contentType: DOCX_TYPE, fileName: `${fileNamePart(e.title)}选举结果报告单.docx` };
}
