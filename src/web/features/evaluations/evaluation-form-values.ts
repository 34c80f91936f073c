import type { Dayjs } from 'dayjs';
import {
  DEFAULT_DIMENSION_GRADES,
  DEFAULT_EVALUATION_DIMENSIONS,
  DEFAULT_MIN_GROUP_SIZE,
  DEFAULT_OVERALL_GRADES,
  type EvaluationDetail,
  type EvaluationInput,
  type EvaluationVoterKind,
} from '../../../contracts/evaluations';
import { instantOf, shanghaiClock } from '../activity-admin/activity-time';

/**
 * The set-up form's values. Field names follow the API's, so that a field problem the server names
 * ("targets.2.post", "voters.termId", "closesAt") lands on the field that shows it.
 */
export interface EvaluationFormValues {
  title: string;
  description: string;
  targets: { name: string; post: string }[];
  dimensions: string[];
  grades: string[];
  overallGrades: string[];
  allowComments: boolean;
  voters: { kind: EvaluationVoterKind; termId?: string; memberIds?: string[] };
  opensAt: Dayjs | null;
  closesAt: Dayjs | null;
  minGroupSize: number | null;
}

/** How long voting stays open by default: three days, to 17:00 — long enough for every teacher to find a moment. */
const DEFAULT_DAYS_OPEN = 3;

/**
 * Starting values: a draft's own, or for a new evaluation the DOMAIN.md defaults, one empty target row, and a window
 * from the next full hour to 17:00 three days later. `now` is the Shanghai wall clock.
 */
export function evaluationFormValuesOf(e: EvaluationDetail | null, now: Dayjs): EvaluationFormValues {
  if (e) {
    return {
      title: e.title,
      description: e.description,
      targets: e.targets.map((t) => ({ name: t.name, post: t.post })),
      dimensions: [...e.dimensions],
      grades: [...e.grades],
      overallGrades: [...e.overallGrades],
      allowComments: e.allowComments,
      voters: { ...e.voters },
      opensAt: shanghaiClock(e.opensAt),
      closesAt: shanghaiClock(e.closesAt),
      minGroupSize: e.minGroupSize,
    };
  }
  const opensAt = now.add(1, 'hour').startOf('hour');
  return {
    title: '',
    description: '',
    targets: [{ name: '', post: '' }],
    dimensions: [...DEFAULT_EVALUATION_DIMENSIONS],
    grades: [...DEFAULT_DIMENSION_GRADES],
    overallGrades: [...DEFAULT_OVERALL_GRADES],
    allowComments: true,
    voters: { kind: 'term' },
    opensAt,
    closesAt: opensAt.add(DEFAULT_DAYS_OPEN, 'day').hour(17).minute(0),
    minGroupSize: DEFAULT_MIN_GROUP_SIZE,
  };
}

/** The values as POST / PATCH take them: every field, times as Shanghai instants, only the chosen kind's voter field. */
export function evaluationBodyOf(v: EvaluationFormValues): Omit<EvaluationInput, 'opensAt' | 'closesAt'> & { opensAt?: string; closesAt?: string } {
  const voters: EvaluationInput['voters'] =
    v.voters.kind === 'term' ? { kind: 'term', termId: v.voters.termId ?? '' } : v.voters.kind === 'list' ? { kind: 'list', memberIds: v.voters.memberIds ?? [] } : { kind: 'members' };
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    targets: v.targets.map((t) => ({ name: (t.name ?? '').trim(), post: (t.post ?? '').trim() })),
    dimensions: v.dimensions.map((d) => (d ?? '').trim()),
    grades: v.grades.map((g) => (g ?? '').trim()),
    overallGrades: v.overallGrades.map((g) => (g ?? '').trim()),
    allowComments: v.allowComments,
    voters,
    opensAt: v.opensAt ? instantOf(v.opensAt) : undefined,
    closesAt: v.closesAt ? instantOf(v.closesAt) : undefined,
    minGroupSize: v.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  };
}
