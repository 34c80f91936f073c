import { EVALUATION_LIMITS, type BallotInput } from '../../contracts/evaluations.js';

/**
 * Checking one evaluation ballot before it is stored (DOMAIN.md §4 "Evaluation"): every target rated exactly once,
 * a grade for every dimension and an overall grade, comments only where the evaluation collects them. Messages name
 * the target, since a voter rating ten leaders needs to know which one is unfinished.
 */

/** What a ballot is checked against; a target's name, when given, is used in the messages. */
export interface EvaluationBallotDefinition {
  targets: readonly { key: string; name?: string }[];
  dimensions: readonly string[];
  grades: readonly string[];
  overallGrades: readonly string[];
  allowComments: boolean;
}

/** A comment kept from a ballot, for one target. */
export interface EvaluationComment {
  targetKey: string;
  body: string;
}

/** The checked ballot ready to store, or the errors to show on the form. */
export type BallotValidation =
  | { ok: true; ratings: number[][]; comments: EvaluationComment[] }
  | { ok: false; errors: { path: string; message: string }[] };

const isIndex = (value: unknown, length: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/**
 * Checks a ballot: `ratings` come out in the definition's target order, each [dimension grades…, overall grade];
 * `comments` keeps the non-empty ones, trimmed. Errors point at the rating (`ratings.2.grades.1`) and name the target:
 * "请完成对 张三 的评价", "请为 张三 的「民主作风」选择等次".
 */
export function validateBallot(def: EvaluationBallotDefinition, input: BallotInput): BallotValidation {
  const errors: { path: string; message: string }[] = [];
  const nameOf = (index: number) => def.targets[index].name ?? `第 ${index + 1} 名测评对象`;
  const indexOfKey = new Map(def.targets.map((t, i) => [t.key, i]));
  const ratingOf = new Map<number, number>();

  input.ratings.forEach((rating, r) => {
    const at = `ratings.${r}`;
    const t = indexOfKey.get(rating.targetKey);
    if (t === undefined) {
      errors.push({ path: `${at}.targetKey`, message: `第 ${r + 1} 项评价的测评对象不在本次测评中` });
      return;
    }
    const name = nameOf(t);
    if (ratingOf.has(t)) {
      errors.push({ path: `${at}.targetKey`, message: `对 ${name} 的评价重复了` });
      return;
    }
    ratingOf.set(t, r);
    if (rating.grades.length > def.dimensions.length) {
      errors.push({ path: `${at}.grades`, message: `${name} 的测评项目有 ${def.dimensions.length} 项，提交了 ${rating.grades.length} 项` });
    }
    def.dimensions.forEach((dimension, d) => {
      const grade = rating.grades[d];
      if (grade === undefined) errors.push({ path: `${at}.grades.${d}`, message: `请为 ${name} 的「${dimension}」选择等次` });
      else if (!isIndex(grade, def.grades.length)) errors.push({ path: `${at}.grades.${d}`, message: `${name} 的「${dimension}」等次无效` });
    });
    if (rating.overall === undefined || rating.overall === null) errors.push({ path: `${at}.overall`, message: `请选择 ${name} 的总体评价` });
    else if (!isIndex(rating.overall, def.overallGrades.length)) errors.push({ path: `${at}.overall`, message: `${name} 的总体评价等次无效` });
    const comment = (rating.comment ?? '').trim();
    if (comment !== '' && !def.allowComments) {
      errors.push({ path: `${at}.comment`, message: `本次测评不收集意见建议，请删去对 ${name} 的意见` });
    } else if (comment.length > EVALUATION_LIMITS.commentMax) {
      errors.push({ path: `${at}.comment`, message: `对 ${name} 的意见建议不能超过 ${EVALUATION_LIMITS.commentMax} 个字` });
    }
  });
  def.targets.forEach((_, t) => {
    if (!ratingOf.has(t)) errors.push({ path: 'ratings', message: `请完成对 ${nameOf(t)} 的评价` });
  });
  if (errors.length > 0) return { ok: false, errors };

  const ratings: number[][] = [];
  const comments: EvaluationComment[] = [];
  def.targets.forEach((target, t) => {
    const rating = input.ratings[ratingOf.get(t)!];
    ratings.push([...rating.grades, rating.overall]);
    const body = (rating.comment ?? '').trim();
    if (body !== '') comments.push({ targetKey: target.key, body });
  });
  return { ok: true, ratings, comments };
}
