import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { ELECTION_LIMITS, electionDetailSchema, onlineBallotInputSchema, paperBoardSchema, paperCountInputSchema, paperEntryInputSchema, trackerSchema } from '../../../contracts/elections.js';
import { ctxOf } from '../../http/context.js';
import { sendDocx } from './elections.docx.js';
import { exportBallots } from './elections-ballots.export.js';
import { countElectionRound, roundTracker } from './elections-count.service.js';
import { enterPaperBallot, paperBoard, setPaperCount } from './elections-paper.service.js';
import { castOnlineBallot, openRound } from './elections-rounds.service.js';
import { getElection } from './elections-view.service.js';
import { loadRound } from './elections.access.js';

const electionParams = z.object({ id: z.string().uuid('选举编号无效') });
const roundParams = z.object({ id: z.string().uuid('投票轮次编号无效') });
const paperParams = roundParams.extend({
  no: z.coerce.number({ message: '选票编号应为整数' }).int('选票编号应为整数').min(1, '选票编号从 1 开始').max(ELECTION_LIMITS.copiesMax, `选票编号不能超过 ${ELECTION_LIMITS.copiesMax}`),
});
const copiesQuery = z.object({
  copies: z.coerce.number({ message: '打印份数应为整数' }).int('打印份数应为整数').min(1, '打印份数至少 1 份').max(ELECTION_LIMITS.copiesMax, `打印份数不能超过 ${ELECTION_LIMITS.copiesMax} 份`).optional(),
});
const receiptSchema = z.object({ receipt: z.string(), message: z.string() });

/** Rounds of an election: opening, online ballots, paper ballots (printing, counts, double entry), counting, the tracker. */
export async function electionRoundRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['elections'];

  api.post(
    '/elections/:id/rounds',
    { schema: { tags, summary: '开始下一轮投票（实到不足应到三分之二时拒绝）。返回选举详情', params: electionParams, response: { 201: electionDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      await openRound(ctx, req.params.id);
      return reply.status(201).send(await getElection(ctx, req.params.id));
    },
  );
  api.post(
    '/elections/rounds/:id/ballots',
    { schema: { tags, summary: '手机投票（选举人名单中已到会的人，每轮一次）；返回只显示一次的查验码', params: roundParams, body: onlineBallotInputSchema, response: { 201: receiptSchema } } },
    async (req, reply) => reply.status(201).send(await castOnlineBallot(ctxOf(req, database), req.params.id, req.body)),
  );
  api.get('/elections/rounds/:id/ballots.docx', { schema: { tags, summary: '打印纸质选票（Word，编号 1…份数，份数不超过应到人数）', params: roundParams, querystring: copiesQuery } }, async (req, reply) =>
    sendDocx(reply, await exportBallots(ctxOf(req, database), req.params.id, req.query.copies), 'ballots.docx'),
  );
  api.put('/elections/rounds/:id/paper-count', { schema: { tags, summary: '填写纸质选票发出、收回张数', params: roundParams, body: paperCountInputSchema, response: { 200: paperBoardSchema } } }, async (req) =>
    setPaperCount(ctxOf(req, database), req.params.id, req.body),
  );
  api.put(
    '/elections/rounds/:id/paper/:no',
    { schema: { tags, summary: '录入第 N 号纸质选票（两人分别录入核对；本人重录覆盖自己的录入）', params: paperParams, body: paperEntryInputSchema, response: { 200: paperBoardSchema } } },
    async (req) => enterPaperBallot(ctxOf(req, database), req.params.id, req.params.no, req.body),
  );
  api.get('/elections/rounds/:id/paper', { schema: { tags, summary: '纸质选票录入情况：一致、不一致（两次录入的差异）、待核对', params: roundParams, response: { 200: paperBoardSchema } } }, async (req) =>
    paperBoard(ctxOf(req, database), req.params.id),
  );
  api.post('/elections/rounds/:id/count', { schema: { tags, summary: '计票（纸质选票全部核对一致、张数相符后）。返回选举详情', params: roundParams, response: { 200: electionDetailSchema } } }, async (req) => {
    const ctx = ctxOf(req, database);
    await countElectionRound(ctx, req.params.id);
    const { election } = await loadRound(ctx, req.params.id, 'election.read');
    return getElection(ctx, election.id);
  });
  api.get('/elections/rounds/:id/tracker', { schema: { tags, summary: '选票公示：计票后每张选票（查验码或纸质编号）及其内容，可自行复核', params: roundParams, response: { 200: trackerSchema } } }, async (req) =>
    roundTracker(ctxOf(req, database), req.params.id),
  );
}
