import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  assignedListQuerySchema,
  assignedListSchema,
  optionalSessionQuerySchema,
  overdueListSchema,
  proposalAssignSchema,
  proposalDetailSchema,
  proposalFileSchema,
  proposalFiguresSchema,
  proposalHandlersSchema,
  proposalMergeSchema,
  proposalNoteSchema,
  proposalNoteViewSchema,
  proposalReplySchema,
  proposalReviewSchema,
  sessionQuerySchema,
} from '../../../contracts/proposals.js';
import { ctxOf } from '../../http/context.js';
import { sendExport } from '../../http/files.js';
import { proposalFiguresOf } from './proposal-figures.service.js';
import { replyToProposal } from './proposal-replies.service.js';
import { addNote, assignProposal, listHandlers, mergeProposals, reviewProposal } from './proposal-review.service.js';
import { assignedToMe, overdueProposals } from './proposal-views.service.js';
import { exportProposals } from './proposals.export.js';
import { addReplyFile, readProposalUpload } from './proposals.files.js';
import { proposalParams } from './proposals.routes.js';

const roundParams = proposalParams.extend({ round: z.coerce.number().int().min(1, '轮次无效').max(2, '轮次无效') });

/** The proposals committee (review, merge, assignment, supervision, figures, report, ledger) and the departments. */
export async function proposalHandlingRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['proposals'];

  api.post(
    '/proposals/:id/review',
    { schema: { tags, summary: '审查：立案（编号）、转为意见建议、不予立案（须说明理由）', params: proposalParams, body: proposalReviewSchema, response: { 200: proposalDetailSchema } } },
    async (req) => reviewProposal(ctxOf(req, database), req.params.id, req.body),
  );
  api.post(
    '/proposals/:id/merge',
    { schema: { tags, summary: '并案：把同一次会议的待审查提案并入本提案（本提案随之立案），原提案人成为联名提案人', params: proposalParams, body: proposalMergeSchema, response: { 200: proposalDetailSchema } } },
    async (req) => mergeProposals(ctxOf(req, database), req.params.id, req.body.sourceIds),
  );
  api.get('/proposals/handlers', { schema: { tags, summary: '可交办的承办部门账号', response: { 200: proposalHandlersSchema } } }, async (req) => listHandlers(ctxOf(req, database)));
  api.post(
    '/proposals/:id/assign',
    {
      schema: {
        tags,
        summary: '交办：主办部门、协办部门、责任领导；答复期限默认为届内规定的周数，遇周末和法定节假日顺延',
        params: proposalParams,
        body: proposalAssignSchema,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => assignProposal(ctxOf(req, database), req.params.id, req.body),
  );
  api.post(
    '/proposals/:id/notes',
    { schema: { tags, summary: '督办意见', params: proposalParams, body: proposalNoteSchema, response: { 201: proposalNoteViewSchema } } },
    async (req, reply) => reply.status(201).send(await addNote(ctxOf(req, database), req.params.id, req.body.text)),
  );
  api.get('/proposals/overdue', { schema: { tags, summary: '督办：已过答复期限仍未答复的提案', response: { 200: overdueListSchema } } }, async (req) =>
    overdueProposals(ctxOf(req, database)),
  );
  api.get(
    '/proposals/figures',
    { schema: { tags, summary: '立案率、按期答复率、办结率、满意率：按会议（默认最近一次）和承办部门', querystring: optionalSessionQuerySchema, response: { 200: proposalFiguresSchema } } },
    async (req) => proposalFiguresOf(ctxOf(req, database), req.query.sessionId),
  );
  api.get('/proposals/report.docx', { schema: { tags, summary: '提案办理情况报告（Word）', querystring: sessionQuerySchema } }, async (req, reply) =>
    sendExport(reply, await exportProposals(ctxOf(req, database), req.query.sessionId, 'report'), 'proposal-handling-report.docx'),
  );
  api.get('/proposals/ledger.xlsx', { schema: { tags, summary: '提案台账（Excel）', querystring: sessionQuerySchema } }, async (req, reply) =>
    sendExport(reply, await exportProposals(ctxOf(req, database), req.query.sessionId, 'ledger'), 'proposal-ledger.xlsx'),
  );

  api.get(
    '/proposals/assigned',
    { schema: { tags, summary: '交办给本部门的提案：open 待答复、replied 已答复、all 全部', querystring: assignedListQuerySchema, response: { 200: assignedListSchema } } },
    async (req) => assignedToMe(ctxOf(req, database), req.query.status),
  );
  api.post(
    '/proposals/:id/reply',
    { schema: { tags, summary: '答复（本轮主办部门）：结果 A–D 和答复内容', params: proposalParams, body: proposalReplySchema, response: { 200: proposalDetailSchema } } },
    async (req) => replyToProposal(ctxOf(req, database), req.params.id, req.body),
  );
  api.post(
    '/proposals/:id/replies/:round/files',
    { schema: { tags, summary: '上传答复附件（multipart：file；主办部门，评价之前）', consumes: ['multipart/form-data'], params: roundParams, response: { 201: proposalFileSchema } } },
    async (req, reply) => reply.status(201).send(await addReplyFile(ctxOf(req, database), req.params.id, req.params.round, () => readProposalUpload(req))),
  );
}
