import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { FIELD_LABELS } from '../../contracts/members.js';
import { PLAN_FIELD_LABELS } from '../../contracts/plans.js';
import { ACTIVITY_FIELD_LABELS, CLUB_FIELD_LABELS } from '../../contracts/activities.js';
import { CARE_FIELD_LABELS, HARDSHIP_FIELD_LABELS } from '../../contracts/care.js';
import { PROPOSAL_FIELD_LABELS } from '../../contracts/proposals.js';
import { CONGRESS_FIELD_LABELS } from '../../contracts/congress.js';
import { EVALUATION_FIELD_LABELS } from '../../contracts/evaluations.js';
import { ELECTION_FIELD_LABELS } from '../../contracts/elections.js';
import type { ErrorBody, FieldProblem } from '../../contracts/errors.js';
import { ERROR_MESSAGES } from '../../contracts/errors.js';
import { AppError } from './app-error.js';

/** Activity requests name their fields first: an activity type's `name` or `kind` is not a member's. */
const isActivityRequest = (url: string) => /^\/api\/v1\/(activities|activity-types)(\/|\?|$)/.test(url);
const isClubRequest = (url: string) => /^\/api\/v1\/clubs(\/|\?|$)/.test(url);
/** Care and hardship requests: a visit's `amountFen`, a policy's `name` or `kind` are care fields. */
const isCareRequest = (url: string) => /^\/api\/v1\/(care|hardship)(\/|\?|$)/.test(url);
/** Hardship requests: an assistance record's `amountFen` is 帮扶金额, a household member's `name` is 姓名. */
const isHardshipRequest = (url: string) => /^\/api\/v1\/hardship(\/|\?|$)/.test(url);
/** Proposal requests: a proposal's `title` is 案由, a reply's `text` is 答复内容. */
const isProposalRequest = (url: string) => /^\/api\/v1\/proposals(\/|\?|$)/.test(url);
/** Congress requests: a vote's `yes`, a constituency's `name`, a term's `number` are congress fields. */
const isCongressRequest = (url: string) => /^\/api\/v1\/congress(\/|\?|$)/.test(url);
/** Evaluation requests: a target's `name` is 测评对象姓名, `grades` are 评价等次. */
const isEvaluationRequest = (url: string) => /^\/api\/v1\/evaluations(\/|\?|$)/.test(url);

/** Election requests: `seats` is 应选名额; a mark's path ends in a candidate's id (the field is the ballot). */
const isElectionRequest = (url: string) => /^\/api\/v1\/elections(\/|\?|$)/.test(url);

function labelFor(path: string, url = ''): string {
  if (isElectionRequest(url)) {
    const parts = path.split('.');
    const named = parts.includes('marks') ? 'marks' : parts.filter((p) => !/^\d+$/.test(p)).pop() ?? path;
    return ELECTION_FIELD_LABELS[named] ?? named;
  }
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  if (isProposalRequest(url)) return PROPOSAL_FIELD_LABELS[last] ?? FIELD_LABELS[last] ?? last;
  if (isCongressRequest(url)) return CONGRESS_FIELD_LABELS[last] ?? FIELD_LABELS[last] ?? last;
  if (isEvaluationRequest(url)) return EVALUATION_FIELD_LABELS[last] ?? last;
  if (isHardshipRequest(url)) return HARDSHIP_FIELD_LABELS[last] ?? CARE_FIELD_LABELS[last] ?? last;
  if (isCareRequest(url)) return CARE_FIELD_LABELS[last] ?? FIELD_LABELS[last] ?? last;
  if (isClubRequest(url)) return CLUB_FIELD_LABELS[last] ?? ACTIVITY_FIELD_LABELS[last] ?? FIELD_LABELS[last] ?? last;
  if (isActivityRequest(url)) return ACTIVITY_FIELD_LABELS[last] ?? FIELD_LABELS[last] ?? PLAN_FIELD_LABELS[last] ?? last;
  return FIELD_LABELS[last] ?? PLAN_FIELD_LABELS[last] ?? ACTIVITY_FIELD_LABELS[last] ?? last;
}

/** Turns zod issues into field problems with Chinese messages that name the field (`url`: the request's, for the labels). */
export function problemsFromZod(issues: { path: PropertyKey[]; message: string }[], url?: string): FieldProblem[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    const label = labelFor(path, url);
    const message = i.message.includes(label) || !path ? i.message : `${label}：${i.message}`;
    return { path, message };
  });
}

/**
 * What a unique index protects, for the rare request that loses a race past the service's own check (two
 * clicks on 保存 at once): a 409 naming the field instead of a 500.
 */
const UNIQUE_CONFLICTS: Record<string, FieldProblem> = {
  members_org_staff_no_uq: { path: 'staffNo', message: '工号已被使用' },
  members_org_id_card_uq: { path: 'idCard', message: '身份证号已登记' },
  orgs_parent_name_uq: { path: 'name', message: '同一上级下已有同名组织' },
  users_phone_uq: { path: 'phone', message: '该手机号已有账号' },
  role_assignments_uq: { path: 'role', message: '此人已担任该角色' },
  activity_types_org_name_uq: { path: 'name', message: '已有同名的活动类型' },
  care_event_types_org_name_uq: { path: 'name', message: '已有同名的事由类型' },
  proposals_session_number_uq: { path: 'number', message: '提案编号已被占用，请重试' },
  proposal_replies_round_uq: { path: 'text', message: '本轮已经答复，不能重复答复' },
  proposal_ratings_proposal_id_round_member_id_pk: { path: 'rating', message: '您已评价过本轮答复' },
  hardship_files_member_year_uq: { path: 'year', message: '该会员该年度已有困难档案' },
  congress_terms_org_number_uq: { path: 'number', message: '已有该届次' },
  congress_constituencies_term_name_uq: { path: 'name', message: '本届已有同名的代表团' },
  congress_sessions_term_number_uq: { path: 'number', message: '本届已有该次会议' },
  congress_representatives_active_uq: { path: 'memberId', message: '此人已是本届代表' },
};

/** The database error with one of the SQLSTATE codes behind an error (drivers wrap it in `cause`), if any. */
function dbError(err: unknown, codes: string[]): { constraint?: string } | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && codes.includes(e.code)) return e as { constraint?: string };
  }
  return null;
}

/** The database's unique-violation error (SQLSTATE 23505) behind an error, if that is what it is. */
const uniqueViolation = (err: unknown) => dbError(err, ['23505']);

/**
 * Text the database cannot store (a NUL character: SQLSTATE 22021 / 22P05) came from the client — in a
 * field, a search, a log-in name or a file name — so it is a 400, not a 500.
 */
const unstorableText = (err: unknown) => dbError(err, ['22021', '22P05']);

function body(e: AppError): ErrorBody {
  return { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}), ...(e.details ? { details: e.details } : {}) } };
}

/** One error model for the whole API: stable code, Chinese message, field paths; a 5xx never leaks internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = problemsFromZod(
        err.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' })),
        req.url,
      );
      appError = new AppError('VALIDATION_FAILED', fields[0]?.message ?? ERROR_MESSAGES.VALIDATION_FAILED, fields);
    } else if (err instanceof ZodError) {
      const fields = problemsFromZod(err.issues, req.url);
      appError = new AppError('VALIDATION_FAILED', fields[0]?.message, fields);
    } else if (uniqueViolation(err)) {
      const known = UNIQUE_CONFLICTS[uniqueViolation(err)!.constraint ?? ''];
      appError = new AppError('CONFLICT', known?.message, known ? [known] : undefined);
    } else if (unstorableText(err)) {
      appError = new AppError('BAD_REQUEST', '请求中含有无法保存的字符');
    } else if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      appError = new AppError('PAYLOAD_TOO_LARGE');
    } else if (err.statusCode === 429) {
      appError = new AppError('RATE_LIMITED');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, said plainly.
      const message = err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? '不支持的请求内容类型' : '请求格式有误';
      appError = new AppError('BAD_REQUEST', message);
    } else {
      req.log.error({ err }, 'unhandled error');
      appError = new AppError('INTERNAL');
    }
    if (appError.headers) reply.headers(appError.headers);
    void reply.status(appError.status).send(body(appError));
  });

}

/** 404 in the API's error shape for /api, plain text elsewhere. */
export function notFoundReply(req: FastifyRequest, reply: FastifyReply): void {
  if (req.url.startsWith('/api/') || req.url === '/api') {
    void reply.status(404).send(body(new AppError('NOT_FOUND', `接口不存在：${req.method} ${req.url.split('?')[0]}`)));
    return;
  }
  void reply.status(404).type('text/plain; charset=utf-8').send('未找到');
}
