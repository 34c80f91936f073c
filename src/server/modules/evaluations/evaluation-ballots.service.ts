import type { BallotInput } from '../../../contracts/evaluations.js';
import { validateBallot, type EvaluationBallotDefinition } from '../../../domain/evaluation/index.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { sealedBallotWrite } from '../ballots/ballot-box.js';
import { closeEvaluation } from './evaluation-close.service.js';
import { castStanding, insertBallot, type CastOutcome, type CastStanding } from './evaluation-cast.statements.js';
import { ALREADY_VOTED_MESSAGE, canManageEvaluations, CLOSED_MESSAGE, evaluationOrg, NO_MEMBER_FILE_MESSAGE, NOT_ON_ROLL_MESSAGE, NOT_OPEN_MESSAGE, SYSTEM_ACTOR, type Org } from './evaluations.access.js';
import type { StoredTarget } from './evaluations.repository.js';

/** What the voter is told once the ballot is in. */
export const CAST_MESSAGE = '提交成功，感谢您参加民主测评。您的评价以匿名方式保存，任何人都无法查看您的评价内容。';

/** A published evaluation's definition, as a ballot is checked against it. */
interface KnownDefinition {
  orgId: string;
  title: string;
  def: EvaluationBallotDefinition;
}

/**
 * The definitions of published evaluations this process has checked ballots against. A definition cannot change
 * once published (only drafts are edited or deleted), so every process holding it holds the same thing; knowing it
 * saves each ballot of a burst the read of the evaluation. Status, window, roll and the vote itself are always
 * checked by the database, under the evaluation's lock.
 */
const definitions = new Map<string, KnownDefinition>();
const DEFINITIONS_KEPT = 200;

function remember(s: CastStanding, orgId: string): KnownDefinition {
  const known = {
    orgId,
    title: s.title,
    def: { targets: s.targets as StoredTarget[], dimensions: s.dimensions as string[], grades: s.grades as string[], overallGrades: s.overallGrades as string[], allowComments: s.allowComments },
  };
  if (s.status === 'draft') return known;
  if (definitions.size >= DEFINITIONS_KEPT) definitions.delete(definitions.keys().next().value!);
  definitions.set(s.id, known);
  return known;
}

/** The refusal for an outcome that wrote nothing ('due' is closed first by the caller). */
function refusalOf(outcome: Exclude<CastOutcome, 'cast'>): AppError {
  switch (outcome) {
    case 'missing':
      return notFound('民主测评');
    case 'no_member':
      return forbidden(NO_MEMBER_FILE_MESSAGE);
    case 'not_eligible':
      return forbidden(NOT_ON_ROLL_MESSAGE);
    case 'already':
      return new AppError('CONFLICT', ALREADY_VOTED_MESSAGE);
    case 'not_open':
      return new AppError('CONFLICT', NOT_OPEN_MESSAGE);
    case 'due':
    case 'closed':
      return new AppError('CONFLICT', CLOSED_MESSAGE);
  }
}

/** Closes the evaluation if the refusal says its window has ended (the first request after it does), then refuses. */
async function refuse(ctx: Ctx, id: string, outcome: Exclude<CastOutcome, 'cast'>, now: Date): Promise<never> {
  if (outcome === 'due') await closeEvaluation(ctx.database, id, { actor: SYSTEM_ACTOR, now, isDue: true });
  throw refusalOf(outcome);
}

/**
 * The evaluation's definition read with the voter's standing: refusals in the order the voter should hear them
 * (not found, not yet published, closed, no member file, not on the roll, voted already, not yet open) before the
 * ballot itself is looked at.
 */
async function standingOrRefusal(ctx: Ctx, org: Org, id: string, now: Date): Promise<KnownDefinition> {
  const s = await castStanding(ctx.database, org.id, id, ctx.actor.userId);
  if (!s || (s.status === 'draft' && !canManageEvaluations(ctx, org))) throw notFound('民主测评');
  if (s.status === 'draft') throw new AppError('CONFLICT', '测评尚未发布');
  if (s.status === 'closed') return refuse(ctx, id, 'closed', now);
  if (new Date(s.closesAt) <= now) return refuse(ctx, id, 'due', now);
  if (!s.m_id) return refuse(ctx, id, 'no_member', now);
  if (!s.isOnRoll) return refuse(ctx, id, 'not_eligible', now);
  if (s.hasVoted) return refuse(ctx, id, 'already', now);
  if (now < new Date(s.opensAt)) return refuse(ctx, id, 'not_open', now);
  return remember(s, org.id);
}

/**
 * POST /evaluations/:id/ballots: the voter's one ballot. With the definition known, the ballot is checked and
 * written in one call, which re-checks everything under the evaluation's lock and keeps a second ballot out
 * whatever the concurrency (the conditional update of the roll row); the standing is read only the first time, or
 * to explain why a ballot cannot be taken. Nothing of the ballot is logged or returned, a failed write included.
 */
export async function castBallot(ctx: Ctx, id: string, input: BallotInput): Promise<{ message: string }> {
  const org = evaluationOrg(ctx, 'evaluation.read');
  const now = new Date();
  const cached = definitions.get(id);
  const known = cached?.orgId === org.id ? cached : await standingOrRefusal(ctx, org, id, now);
  const checked = validateBallot(known.def, input);
  if (!checked.ok) {
    // A refusal of the voter comes before the ballot's mistakes.
    if (known === cached) await standingOrRefusal(ctx, org, id, now);
    throw new AppError('VALIDATION_FAILED', checked.errors[0].message, checked.errors);
  }
  const outcome = await sealedBallotWrite(() =>
    insertBallot(ctx.database, {
      evaluationId: id,
      orgId: org.id,
      ratings: checked.ratings,
      comments: checked.comments,
      title: known.title,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      at: now,
    }),
  );
  if (outcome !== 'cast') return refuse(ctx, id, outcome, now);
  return { message: CAST_MESSAGE };
}
