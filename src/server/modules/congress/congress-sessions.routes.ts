import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  agendaItemInputSchema,
  agendaItemPatchSchema,
  attendanceInputSchema,
  attendanceResultSchema,
  attendanceRosterSchema,
  ballotSchema,
  congressCheckinCodeSchema,
  congressCheckinResultSchema,
  congressCheckinSchema,
  hallScreenSchema,
  paperTallySchema,
  sessionCreateSchema,
  sessionDetailSchema,
  sessionPatchSchema,
  voteCreateSchema,
  voteDetailSchema,
  voteSchema,
} from '../../../contracts/congress.js';
import { ctxOf } from '../../http/context.js';
import { encodeRfc5987 } from '../activities/activities.files.js';
import { originOf } from '../activities/activities.routes.js';
import { attendanceRoster, checkIn, checkinCodeFor, setAttendance } from './congress-attendance.service.js';
import { exportResolution } from './congress-resolution.export.js';
import { hallScreen } from './congress-screen.service.js';
import { addAgendaItem, createSession, getSession, moveSession, removeAgendaItem, updateAgendaItem, updateSession } from './congress-sessions.service.js';
import { castBallot, closeVote, createVote, deleteVote, enterPaperTally, getVote, openVote } from './congress-votes.service.js';

const termParams = z.object({ id: z.string().uuid('届次无效') });
const sessionParams = z.object({ id: z.string().uuid('会议无效') });
const agendaParams = z.object({ id: z.string().uuid('议题无效') });
const voteParams = z.object({ id: z.string().uuid('表决事项无效') });

/** Congress sessions: agenda, attendance with the rotating code, votes with quorum and outcome, the resolution, the hall screen. */
export async function congressSessionRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['congress'];
  const session = { 200: sessionDetailSchema };

  api.post(
    '/congress/terms/:id/sessions',
    { schema: { tags, summary: '新建会议（第N次会议，含议程与提案征集时间）', params: termParams, body: sessionCreateSchema, response: { 201: sessionDetailSchema } } },
    async (req, reply) => {
      const ctx = ctxOf(req, database);
      return reply.status(201).send(await getSession(ctx, await createSession(ctx, req.params.id, req.body)));
    },
  );
  api.get('/congress/sessions/:id', { schema: { tags, summary: '会议详情：议程、表决、应到/实到/缺席与法定人数、我的签到与投票', params: sessionParams, response: session } }, async (req) =>
    getSession(ctxOf(req, database), req.params.id),
  );
  api.patch('/congress/sessions/:id', { schema: { tags, summary: '修改会议（时间、地点、名称、提案征集时间）', params: sessionParams, body: sessionPatchSchema, response: session } }, async (req) => {
    const ctx = ctxOf(req, database);
    await updateSession(ctx, req.params.id, req.body);
    return getSession(ctx, req.params.id);
  });
  for (const [path, to, summary] of [
    ['open', 'open', '宣布开会（之后可以表决）'],
    ['close', 'closed', '闭幕（有表决未结束时拒绝）'],
  ] as const) {
    api.post(`/congress/sessions/:id/${path}`, { schema: { tags, summary, params: sessionParams, response: session } }, async (req) => {
      const ctx = ctxOf(req, database);
      await moveSession(ctx, req.params.id, to);
      return getSession(ctx, req.params.id);
    });
  }

  api.post('/congress/sessions/:id/agenda', { schema: { tags, summary: '增加议题', params: sessionParams, body: agendaItemInputSchema, response: { 201: sessionDetailSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req, database);
    await addAgendaItem(ctx, req.params.id, req.body);
    return reply.status(201).send(await getSession(ctx, req.params.id));
  });
  api.patch('/congress/agenda/:id', { schema: { tags, summary: '修改议题', params: agendaParams, body: agendaItemPatchSchema, response: session } }, async (req) => {
    const ctx = ctxOf(req, database);
    return getSession(ctx, await updateAgendaItem(ctx, req.params.id, req.body));
  });
  api.delete('/congress/agenda/:id', { schema: { tags, summary: '删除议题（已安排表决的不能删除）', params: agendaParams, response: session } }, async (req) => {
    const ctx = ctxOf(req, database);
    return getSession(ctx, await removeAgendaItem(ctx, req.params.id));
  });

  api.get('/congress/sessions/:id/attendance', { schema: { tags, summary: '签到名单：应到人员及出席、缺席（原因）、未签到', params: sessionParams, response: { 200: attendanceRosterSchema } } }, async (req) =>
    attendanceRoster(ctxOf(req, database), req.params.id),
  );
  api.post(
    '/congress/sessions/:id/attendance',
    { schema: { tags, summary: '工作人员登记出勤：出席、缺席（须填原因）或恢复为未签到', params: sessionParams, body: attendanceInputSchema, response: { 200: attendanceResultSchema } } },
    async (req) => setAttendance(ctxOf(req, database), req.params.id, req.body),
  );
  api.get('/congress/sessions/:id/checkin-code', { schema: { tags, summary: '会场签到码（每 30 秒更换）与二维码链接', params: sessionParams, response: { 200: congressCheckinCodeSchema } } }, async (req) =>
    checkinCodeFor(ctxOf(req, database), req.params.id, originOf(req)),
  );
  api.post('/congress/sessions/:id/checkin', { schema: { tags, summary: '代表（教职工大会为教职工）扫码签到（重复签到不产生变化）', params: sessionParams, body: congressCheckinSchema, response: { 200: congressCheckinResultSchema } } }, async (req) =>
    checkIn(ctxOf(req, database), req.params.id, req.body.code),
  );

  api.post('/congress/sessions/:id/votes', { schema: { tags, summary: '安排表决（记名或无记名；手机投票或纸质选票）', params: sessionParams, body: voteCreateSchema, response: { 201: voteDetailSchema } } }, async (req, reply) => {
    const ctx = ctxOf(req, database);
    return reply.status(201).send(await getVote(ctx, await createVote(ctx, req.params.id, req.body)));
  });
  api.get('/congress/votes/:id', { schema: { tags, summary: '表决详情（结束前只显示已投人数；记名表决结束后管理者可见每人意见）', params: voteParams, response: { 200: voteDetailSchema } } }, async (req) =>
    getVote(ctxOf(req, database), req.params.id),
  );
  api.delete('/congress/votes/:id', { schema: { tags, summary: '删除尚未开始的表决', params: voteParams } }, async (req, reply) => {
    await deleteVote(ctxOf(req, database), req.params.id);
    return reply.status(204).send();
  });
  api.post(
    '/congress/votes/:id/open',
    { schema: { tags, summary: '开始表决：实到不足应到三分之二时拒绝，并说明还需多少人到会', params: voteParams, response: { 200: voteDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await openVote(ctx, req.params.id);
      return getVote(ctx, req.params.id);
    },
  );
  api.post('/congress/votes/:id/ballots', { schema: { tags, summary: '手机投票（已签到的代表，教职工大会为已签到的教职工；每人一票）', params: voteParams, body: ballotSchema, response: { 200: voteSchema } } }, async (req) =>
    castBallot(ctxOf(req, database), req.params.id, req.body.choice),
  );
  api.post(
    '/congress/votes/:id/paper',
    { schema: { tags, summary: '录入纸质选票统计（赞成、反对、弃权合计不超过实到人数）', params: voteParams, body: paperTallySchema, response: { 200: voteDetailSchema } } },
    async (req) => {
      const ctx = ctxOf(req, database);
      await enterPaperTally(ctx, req.params.id, req.body);
      return getVote(ctx, req.params.id);
    },
  );
  api.post('/congress/votes/:id/close', { schema: { tags, summary: '结束表决：计票并按“赞成票超过全体代表（教职工大会为全体教职工）半数”判定结果', params: voteParams, response: { 200: voteDetailSchema } } }, async (req) => {
    const ctx = ctxOf(req, database);
    await closeVote(ctx, req.params.id);
    return getVote(ctx, req.params.id);
  });

  api.get('/congress/sessions/:id/resolution.docx', { schema: { tags, summary: '会议决议（Word）：每项表决及其结果', params: sessionParams } }, async (req, reply) => {
    const e = await exportResolution(ctxOf(req, database), req.params.id);
    return reply
      .header('content-type', e.contentType)
      .header('content-disposition', `attachment; filename="congress-resolution.docx"; filename*=UTF-8''${encodeRfc5987(e.fileName)}`)
      .send(e.file);
  });
  api.get('/congress/sessions/:id/screen', { schema: { tags, summary: '会场大屏：出勤实时数字、表决进度（只显示已投人数）、结束后的结果、签到码', params: sessionParams, response: { 200: hallScreenSchema } } }, async (req) =>
    hallScreen(ctxOf(req, database), req.params.id, originOf(req)),
  );
}
