import { Document, HeightRule, Packer, Paragraph, TableRow, type Table } from 'docx';
import { ELECTION_LIMITS } from '../../../contracts/elections.js';
import { AppError, fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { ExportFile } from '../activities/activities.export.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { chineseNumber } from '../congress/congress.presenter.js';
import { auditActor, loadRoundForTellers } from './elections.access.js';
import { cell, clean, DOCX_TYPE, fileNamePart, MARGIN, PAGE, para, ruledTable, SONGTI, TEXT_WIDTH } from './elections.docx.js';
import { candidatesOf } from './elections.repository.js';

/*
 * The paper ballots of a round (选票), as many copies as asked and all alike: no number is printed, because a number
 * handed out in the order people sign in would name the voter once the tracker publishes the ballots by number — the
 * counters write the counting number on each ballot as they take it from the box. The candidates in stroke order of the surname with a box for
 * 赞成, 不赞成 and 弃权 each, lines for write-ins (另选他人, 赞成 only), and how to fill it in. Small ballots go two to a
 * page with a cutting line between them.
 */

/** Write-in lines: one per seat (nobody may approve more people than there are seats), at most this many. */
const WRITE_IN_LINES_MAX = 10;
/** Ballots with at most this many table rows are printed two per page. */
const TWO_PER_PAGE_ROWS = 5;
const COLUMNS = [
  ['序号', 700],
  ['候选人姓名', 2000],
  ['简介', TEXT_WIDTH - 700 - 2000 - 3 * 1300],
  ['赞成', 1300],
  ['不赞成', 1300],
  ['弃权', 1300],
] as const;

/** What every copy of one round's ballot shows. */
export interface BallotSheet {
  orgName: string;
  title: string;
  roundNumber: number;
  seats: number;
  candidates: { name: string; note: string }[];
}

/** How to fill the ballot in, numbered. */
export function ballotInstructions(seats: number): string[] {
  return [
    `本次选举应选 ${seats} 名，候选人按姓氏笔画排列。`,
    '对候选人表示赞成的，在其姓名后“赞成”栏内划“○”；不赞成的，在“不赞成”栏内划“×”；弃权的，在“弃权”栏内划“△”。每名候选人只能划一种符号，不划符号的视为弃权。',
    '如另选他人，请在标有“另选”的行内写明其姓名，并在该行“赞成”栏内划“○”。',
    `赞成的人数（含另选他人）多于应选名额 ${seats} 名的，为无效票。`,
    '请用黑色或蓝色笔填写，字迹清楚；无法辨认的选票为废票。填写后请投入票箱。',
  ];
}

function ballotTable(sheet: BallotSheet): Table {
  const widths = COLUMNS.map(([, w]) => w);
  const tall = { value: 520, rule: HeightRule.ATLEAST };
  const header = new TableRow({ tableHeader: true, cantSplit: true, height: tall, children: COLUMNS.map(([h, w]) => cell(h, w, { isHeader: true })) });
  const rows = sheet.candidates.map(
    (c, i) => new TableRow({ cantSplit: true, height: tall, children: [String(i + 1), c.name, c.note, '', '', ''].map((t, k) => cell(t, widths[k], { align: k === 2 ? 'left' : 'center', size: k === 1 ? 24 : 21 })) }),
  );
  const writeIns = Array.from({ length: Math.min(sheet.seats, WRITE_IN_LINES_MAX) }, () =>
    new TableRow({
      cantSplit: true,
      height: tall,
      children: [
        cell('另选', widths[0], { align: 'center', size: 18 }),
        cell('', widths[1]),
        cell('', widths[2]),
        cell('', widths[3]),
        cell('', widths[4], { isMuted: true }),
        cell('', widths[5], { isMuted: true }),
      ],
    }),
  );
  return ruledTable(widths, [header, ...rows, ...writeIns]);
}

/** One copy: the place for the counting number, the title, the table and the instructions. */
function ballotCopy(sheet: BallotSheet, isNewPage: boolean): (Paragraph | Table)[] {
  const round = sheet.roundNumber > 1 ? `（第${chineseNumber(sheet.roundNumber)}轮投票）` : '';
  return [
    para('计票编号：________（计票时由计票人填写）', { align: 'right', size: 18, isPageBreakBefore: isNewPage }),
    para(clean(sheet.orgName), { align: 'center', size: 28, font: SONGTI, isBold: true, after: 40 }),
    para(`${sheet.title}选票${round}`, { align: 'center', size: 32, isBold: true, after: 160 }),
    ballotTable(sheet),
    para('填写说明：', { size: 19, isBold: true, before: 120, after: 20 }),
    ...ballotInstructions(sheet.seats).map((t, i) => para(`${i + 1}. ${t}`, { size: 19, after: 10 })),
  ];
}

/** The ballots as a .docx: n identical copies, one or two to a page. */
export async function ballotsDocx(sheet: BallotSheet, copies: number): Promise<Buffer> {
  const rows = sheet.candidates.length + Math.min(sheet.seats, WRITE_IN_LINES_MAX);
  const perPage = rows <= TWO_PER_PAGE_ROWS ? 2 : 1;
  const children: (Paragraph | Table)[] = [];
  for (let no = 1; no <= copies; no++) {
    const isFirstOnPage = (no - 1) % perPage === 0;
    if (!isFirstOnPage) children.push(para('- - - - - - - - - - - - - - - - - - - - 沿此线剪开 - - - - - - - - - - - - - - - - - - - -', { align: 'center', size: 16, before: 240, after: 240 }));
    children.push(...ballotCopy(sheet, isFirstOnPage && no > 1));
  }
  const doc = new Document({
    title: clean(`${sheet.title}选票`),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: SONGTI, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** GET /elections/rounds/:id/ballots.docx?copies=N: for the tellers, while the round is open; N ≤ 应到 (default 应到). */
export async function exportBallots(ctx: Ctx, roundId: string, copies: number | undefined): Promise<ExportFile> {
  const { org, round, election } = await loadRoundForTellers(ctx, roundId);
  if (!election.paper) throw new AppError('CONFLICT', '本次选举不使用纸质选票');
  if (round.status !== 'open') throw new AppError('CONFLICT', '本轮已计票，不能再打印选票');
  const n = copies ?? round.due;
  if (n > round.due) throw fieldError('copies', `打印份数不能超过应到人数 ${round.due} 人`);
  if (n > ELECTION_LIMITS.copiesMax) throw fieldError('copies', `打印份数不能超过 ${ELECTION_LIMITS.copiesMax} 份`);
  const byId = new Map((await candidatesOf(ctx.db, election.id)).map((c) => [c.id, c]));
  const sheet: BallotSheet = {
    orgName: await orgNameOf(ctx.db, org.id),
    title: election.title,
    roundNumber: round.number,
    seats: round.seats,
    candidates: (round.candidateIds as string[]).map((id) => ({ name: byId.get(id)?.name ?? '', note: byId.get(id)?.note ?? '' })),
  };
  const file = await ballotsDocx(sheet, n);
  await ctx.db.transaction((tx) =>
    writeAudit(tx, { orgId: org.id, actor: auditActor(ctx), action: 'election.ballots.printed', entityType: 'election_round', entityId: round.id, entityLabel: `${election.title} 第 ${round.number} 轮`, changes: { copies: { to: n } } }),
  );
  return { file, contentType: DOCX_TYPE, fileName: `${fileNamePart(election.title)}选票-第${round.number}轮.docx` };
}
