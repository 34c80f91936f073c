import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../app.js';
import {
  cosignDecisionSchema,
  cosignerCandidatesSchema,
  proposalCreateSchema,
  proposalDetailSchema,
  proposalFileSchema,
  proposalListQuerySchema,
  proposalListSchema,
  proposalMySchema,
  proposalPatchSchema,
  proposalRateSchema,
  proposalSubmitSchema,
  proposalWithdrawSchema,
  sessionQuerySchema,
} from '../../../contracts/proposals.js';
import { ctxOf } from '../../http/context.js';
import { sendStoredFile } from '../../http/files.js';
import { cosignProposal, createProposal, submitProposal, updateProposal, withdrawProposal } from './proposal-drafts.service.js';
import { rateProposal } from './proposal-replies.service.js';
import { cosignerCandidates, getProposal, listProposals, myProposals } from './proposal-views.service.js';
import { addProposalFile, deleteProposalFile, readProposalFile, readProposalUpload } from './proposals.files.js';

export const proposalParams = z.object({ id: z.string().uuid('提案无效') });
const fileParams = proposalParams.extend({ fileId: z.string().uuid('文件无效') });

/** A representative's proposals on the phone: drafting, co-signing, submitting, withdrawing, attachments, rating; reading. */
export async function proposalRoutes(app: FastifyInstance, { database }: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['proposals'];

  api.get('/proposals/my', { schema: { tags, summary: '我的提案：是否为本届代表、各次会议的征集时间、我提出的、待我附议的、我附议的、待我评价的', response: { 200: proposalMySchema } } }, async (req) =>
    myProposals(ctxOf(req, database)),
  );
  api.get(
    '/proposals/cosigner-candidates',
    { schema: { tags, summary: '可选的附议人：该次会议所属届次的代表（不含本人）', querystring: sessionQuerySchema, response: { 200: cosignerCandidatesSchema } } },
    async (req) => cosignerCandidates(ctxOf(req, database), req.query.sessionId),
  );
  api.get(
    '/proposals',
    { schema: { tags, summary: '提案列表：提案工作委员会看到草稿以外的全部；其他人看到自己的和交办给本部门的', querystring: proposalListQuerySchema, response: { 200: proposalListSchema } } },
    async (req) => listProposals(ctxOf(req, database), req.query),
  );
  api.post(
    '/proposals',
    { schema: { tags, summary: '起草提案（本届代表；同时邀请附议人确认）', body: proposalCreateSchema, response: { 201: proposalDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createProposal(ctxOf(req, database), req.body)),
  );
  api.get('/proposals/:id', { schema: { tags, summary: '提案详情与可进行的操作', params: proposalParams, response: { 200: proposalDetailSchema } } }, async (req) =>
    getProposal(ctxOf(req, database), req.params.id),
  );
  api.patch(
    '/proposals/:id',
    { schema: { tags, summary: '修改草稿（提案人）；内容改动后已确认的附议人需重新确认', params: proposalParams, body: proposalPatchSchema, response: { 200: proposalDetailSchema } } },
    async (req) => updateProposal(ctxOf(req, database), req.params.id, req.body),
  );
  api.post(
    '/proposals/:id/cosign',
    { schema: { tags, summary: '附议人确认或谢绝附议', params: proposalParams, body: cosignDecisionSchema, response: { 200: proposalDetailSchema } } },
    async (req) => cosignProposal(ctxOf(req, database), req.params.id, req.body.decision),
  );
  api.post(
    '/proposals/:id/submit',
    {
      schema: {
        tags,
        summary: '提交：征集期内且附议人足够时作为提案；否则 409 说明原因，asOpinion 为真时作为意见建议提交',
        params: proposalParams,
        body: proposalSubmitSchema,
        response: { 200: proposalDetailSchema },
      },
    },
    async (req) => submitProposal(ctxOf(req, database), req.params.id, req.body.asOpinion),
  );
  api.post(
    '/proposals/:id/withdraw',
    { schema: { tags, summary: '撤回（提案人，审查前）', params: proposalParams, body: proposalWithdrawSchema, response: { 200: proposalDetailSchema } } },
    async (req) => withdrawProposal(ctxOf(req, database), req.params.id, req.body.reason),
  );
  api.post(
    '/proposals/:id/rate',
    { schema: { tags, summary: '评价答复：提案人的评价决定办结或第二轮办理；附议人、联名提案人的评价一并记录', params: proposalParams, body: proposalRateSchema, response: { 200: proposalDetailSchema } } },
    async (req) => rateProposal(ctxOf(req, database), req.params.id, req.body),
  );

  api.post(
    '/proposals/:id/files',
    { schema: { tags, summary: '上传提案附件（multipart：file；提案人，草稿）', consumes: ['multipart/form-data'], params: proposalParams, response: { 201: proposalFileSchema } } },
    async (req, reply) => reply.status(201).send(await addProposalFile(ctxOf(req, database), req.params.id, () => readProposalUpload(req))),
  );
  api.get('/proposals/:id/files/:fileId', { schema: { tags, summary: '查看提案或答复的附件', params: fileParams } }, async (req, reply) =>
    sendStoredFile(reply, await readProposalFile(ctxOf(req, database), req.params.id, req.params.fileId)),
  );
  api.delete('/proposals/:id/files/:fileId', { schema: { tags, summary: '删除草稿的附件（提案人）', params: fileParams } }, async (req, reply) => {
    await deleteProposalFile(ctxOf(req, database), req.params.id, req.params.fileId);
    return reply.status(204).send();
  });
}
