import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { PROPOSAL_LIMITS, type ProposalFile } from '../../../contracts/proposals.js';
import { proposalAssignments, proposalFiles, proposalReplies } from '../../db/schema/index.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { readUpload } from '../../http/files.js';
import { writeAudit } from '../audit/audit.writer.js';
import { checkUpload } from '../activities/activities.files.js';
import { loadProposal } from './proposals.access.js';
import { lockProposal } from './proposals.repository.js';

/*
 * Attachments of a proposal (the proposer's, while it is a draft) and of a reply (the lead department's, until the
 * reply is rated), kept in the database as bytes like activity files: PDF, Office documents, images.
 */

const MB = 1024 * 1024;
const TOO_LARGE = `附件不能超过 ${PROPOSAL_LIMITS.fileMaxBytes / MB} MB`;

/** The one file of a multipart upload (field `file`), refused past the attachment limit while it is read. */
export const readProposalUpload = (req: FastifyRequest) => readUpload(req, { maxBytes: PROPOSAL_LIMITS.fileMaxBytes, tooLarge: () => TOO_LARGE });

type Upload = () => Promise<{ fileName: string; data: Buffer }>;
type Locked = NonNullable<Awaited<ReturnType<typeof lockProposal>>>;

/**
 * Keeps a checked file (at most PROPOSAL_LIMITS.filesMax per proposal); audited. `stillOpen` repeats the state check
 * under the proposal's row lock, so a file cannot slip in after a concurrent submit or rating (409 with its reason).
 */
async function store(
  ctx: Ctx,
  unionId: string,
  p: { id: string; title: string },
  reply: { id: string; round: number } | null,
  read: Upload,
  stillOpen: (locked: Locked) => string | null,
): Promise<ProposalFile> {
  const upload = await read();
  const file = checkUpload('attachment', upload.fileName, upload.data);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, unionId, p.id);
    if (!locked) throw notFound('提案');
    const closed = stillOpen(locked);
    if (closed) throw new AppError('CONFLICT', closed);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`proposal_files:${p.id}`}))`);
    const [{ n }] = await tx.select({ n: count() }).from(proposalFiles).where(eq(proposalFiles.proposalId, p.id));
    if (Number(n) >= PROPOSAL_LIMITS.filesMax) throw fieldError('file', `每件提案最多上传 ${PROPOSAL_LIMITS.filesMax} 个附件`);
    const [row] = await tx
      .insert(proposalFiles)
      .values({ proposalId: p.id, orgId: unionId, replyId: reply?.id ?? null, name: file.name, mime: file.mime, size: upload.data.length, data: upload.data, uploadedBy: ctx.actor.userId })
      .returning({ id: proposalFiles.id, name: proposalFiles.name, mime: proposalFiles.mime, size: proposalFiles.size });
    await writeAudit(tx, {
      orgId: unionId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'proposal.fileAdded',
      entityType: 'proposal',
      entityId: p.id,
      entityLabel: p.title,
      changes: { file: { to: file.name }, size: { to: upload.data.length }, ...(reply ? { replyRound: { to: reply.round } } : {}) },
    });
    return { ...row, replyRound: reply?.round ?? null };
  });
}

/** POST /proposals/:id/files: the proposer's attachment to their draft; the upload is read after the checks. */
export async function addProposalFile(ctx: Ctx, id: string, read: Upload): Promise<ProposalFile> {
  const { scope, proposal } = await loadProposal(ctx, id);
  if (!scope.memberIds.includes(proposal.proposerMemberId)) throw forbidden('只有提案人可以上传提案附件');
  if (proposal.status !== 'draft') throw new AppError('CONFLICT', '提案已提交，不能再上传附件');
  return store(ctx, scope.union.id, proposal, null, read, (l) => (l.status === 'draft' ? null : '提案已提交，不能再上传附件'));
}

/** POST /proposals/:id/replies/:round/files: the lead department's attachment to its reply, until the reply is rated. */
export async function addReplyFile(ctx: Ctx, id: string, round: number, read: Upload): Promise<ProposalFile> {
  const { scope, proposal } = await loadProposal(ctx, id);
  const [lead] = await ctx.db
    .select({ role: proposalAssignments.role })
    .from(proposalAssignments)
    .where(and(eq(proposalAssignments.proposalId, id), eq(proposalAssignments.round, round), eq(proposalAssignments.handlerUserId, ctx.actor.userId), eq(proposalAssignments.role, 'lead')));
  if (!lead || !scope.isHandler) throw forbidden('只有主办部门可以上传答复附件');
  const [reply] = await ctx.db.select({ id: proposalReplies.id }).from(proposalReplies).where(and(eq(proposalReplies.proposalId, id), eq(proposalReplies.round, round)));
  if (!reply) throw notFound('答复');
  if (proposal.status !== 'replied' || proposal.round !== round) throw new AppError('CONFLICT', '答复已评价，不能再上传附件');
  return store(ctx, scope.union.id, proposal, { id: reply.id, round }, read, (l) => (l.status === 'replied' && l.round === round ? null : '答复已评价，不能再上传附件'));
}

/** GET /proposals/:id/files/:fileId: for whoever may read the proposal. */
export async function readProposalFile(ctx: Ctx, id: string, fileId: string) {
  const { scope } = await loadProposal(ctx, id);
  const [row] = await ctx.db
    .select({ name: proposalFiles.name, mime: proposalFiles.mime, data: proposalFiles.data })
    .from(proposalFiles)
    .where(and(eq(proposalFiles.id, fileId), eq(proposalFiles.proposalId, id), eq(proposalFiles.orgId, scope.union.id)))
    .limit(1);
  if (!row) throw notFound('文件');
  return { ...row, data: Buffer.from(row.data) };
}

/** DELETE /proposals/:id/files/:fileId: the proposer removes an attachment of their draft; audited. */
export async function deleteProposalFile(ctx: Ctx, id: string, fileId: string): Promise<void> {
  const { scope, proposal } = await loadProposal(ctx, id);
  if (!scope.memberIds.includes(proposal.proposerMemberId)) throw forbidden('只有提案人可以删除提案附件');
  if (proposal.status !== 'draft') throw new AppError('CONFLICT', '提案已提交，不能再删除附件');
  await ctx.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, scope.union.id, id);
    if (!locked || locked.status !== 'draft') throw new AppError('CONFLICT', '提案已提交，不能再删除附件');
    const [row] = await tx
      .delete(proposalFiles)
      .where(and(eq(proposalFiles.id, fileId), eq(proposalFiles.proposalId, id), isNull(proposalFiles.replyId)))
      .returning({ name: proposalFiles.name });
    if (!row) throw notFound('文件');
    await writeAudit(tx, {
      orgId: scope.union.id,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'proposal.fileRemoved',
      entityType: 'proposal',
      entityId: id,
      entityLabel: proposal.title,
      changes: { file: { from: row.name } },
    });
  });
}
