import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import { candidateInputSchema, electionAttendanceInputSchema, electionDetailSchema, electionInputSchema, electionSummarySchema, officialsInputSchema, rollSchema } from '../../../contracts/elections.js';
import { ctxOf } from '../../http/context.js';
import { sendDocx } from './elections.docx.js';
import { closeElection } from './elections-count.service.js';
import { exportElectionReport } from './elections-report.export.js';
import { getRoll, setElectionAttendance, startElection } from './elections-roll.service.js';
import { electionRoundRoutes } from './elections-rounds.routes.js';
import { addCandidate, createElection, deleteElection, removeCandidate, setOfficials, updateElection } from './elections-setup.service.js';
import { getElection, listElections } from './elections-view.service.js';

const electionParams = z.object({ id: z.string().uuid('选举编号无效') });
const candidateParams = z.object({ id: z.string().uuid('候选人编号无效') });

/** Elections (换届选举): setting up, the roll and attendance, closing and the result report; the rounds in their own file. */
export async function electionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { database } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['elections'];
  const detail = { 200: electionDetailSchema };

  api.get('/elections', { schema: { tags, summary: '选举列表（管理者看全部；其他人看自己在选举人名单中的）', response: { 200: z.array(electionSummarySchema) } } }, async (req) => listElections(ctxOf(req, database)));
  api.post('/elections', { schema: { tags, summary: '新建选举（筹备中）', body: electionInputSchema, response: { 201: electionDetailSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req, database);
    return reply.status(201).send(await getElection(ctx, await createElection(ctx, req.body)));
  });
  api.get('/elections/:id', { schema: { tags, summary: '选举详情：候选人（姓氏笔画）、各轮投票、当选人、我的投票资格', params: electionParams, response: detail } }, async (req) =>
    getElection(ctxOf(req, database), req.params.id),
  );
  api.patch('/elections/:id', { schema: { tags, summary: '修改选举设置（筹备中）', params: electionParams, body: electionInputSchema, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await updateElection(ctx, req.params.id, req.body);
    return getElection(ctx, req.params.id);
  });
  api.delete('/elections/:id', { schema: { tags, summary: '删除筹备中的选举', params: electionParams } }, async (req, reply) => {
    await deleteElection(ctxOf(req, database), req.params.id);
    return reply.status(204).send();
  });

  api.post(
    '/elections/:id/candidates',
    { schema: { tags, summary: '增加候选人（在职且会籍正常的会员；监票人、计票人不能作为候选人）。返回选举详情', params: electionParams, body: candidateInputSchema, response: { 201: electionDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      await addCandidate(ctx, req.params.id, req.body);
      return reply.status(201).send(await getElection(ctx, req.params.id));
    },
  );
  api.delete('/elections/candidates/:id', { schema: { tags, summary: '移除候选人（筹备中）。返回选举详情', params: candidateParams, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    return getElection(ctx, await removeCandidate(ctx, req.params.id));
  });
  api.put('/elections/:id/officials', { schema: { tags, summary: '设定监票人、计票人（不能是候选人）', params: electionParams, body: officialsInputSchema, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await setOfficials(ctx, req.params.id, req.body);
    return getElection(ctx, req.params.id);
  });

  api.post('/elections/:id/start', { schema: { tags, summary: '开始选举：核对差额要求，确定选举人名单（应到）', params: electionParams, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await startElection(ctx, req.params.id);
    return getElection(ctx, req.params.id);
  });
  api.get('/elections/:id/roll', { schema: { tags, summary: '选举人名单及到会情况', params: electionParams, response: { 200: rollSchema } } }, async (req) => getRoll(ctxOf(req, database), req.params.id));
  api.post(
    '/elections/:id/attendance',
    { schema: { tags, summary: '登记到会（会员大会；教代会会议以会议签到为准）', params: electionParams, body: electionAttendanceInputSchema, response: { 200: rollSchema } } },
    async (req) => setElectionAttendance(ctxOf(req, database), req.params.id, req.body),
  );
  api.post('/elections/:id/close', { schema: { tags, summary: '结束选举（各轮均已计票）', params: electionParams, response: detail } }, async (req) => {
    const ctx = ctxOf(req, database);
    await closeElection(ctx, req.params.id);
    return getElection(ctx, req.params.id);
  });
  api.get('/elections/:id/report.docx', { schema: { tags, summary: '选举结果报告单（Word，选举结束后）', params: electionParams } }, async (req, reply) =>
    sendDocx(reply, await exportElectionReport(ctxOf(req, database), req.params.id), 'election-report.docx'),
  );

  await electionRoundRoutes(app, deps);
}
