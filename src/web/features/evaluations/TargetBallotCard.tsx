import { Card, Input, Radio, Tag, Typography } from 'antd';
import { EVALUATION_LIMITS, type EvaluationDetail } from '../../../contracts/evaluations';
import { isRatingComplete, type RatingDraft } from './evaluation-format';

/** One row of grade buttons, as wide as the card so that a thumb finds each one. */
function GradeRow({ label, grades, value, onChange, testId }: { label: string; grades: string[]; value: number | null; onChange: (grade: number) => void; testId: string }) {
  return (
    <div className="uh-ev-grade-row">
      <div className="uh-ev-grade-label">{label}</div>
      <Radio.Group
        block
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={value ?? undefined}
        onChange={(ev) => onChange(ev.target.value as number)}
        options={grades.map((g, i) => ({ value: i, label: g }))}
        className="uh-ev-grades"
        aria-label={label}
        data-testid={testId}
      />
    </div>
  );
}

/**
 * The ballot for one target on the voter's phone: a grade for each dimension, the overall grade and, where allowed, a
 * comment. The head says when this person is done, so that a long ballot shows what is left.
 */
export function TargetBallotCard({
  evaluation: e,
  index,
  target,
  rating,
  onChange,
}: {
  evaluation: Pick<EvaluationDetail, 'dimensions' | 'grades' | 'overallGrades' | 'allowComments'>;
  index: number;
  target: EvaluationDetail['targets'][number];
  rating: RatingDraft;
  onChange: (rating: RatingDraft) => void;
}) {
  const isDone = isRatingComplete(rating, e.dimensions.length);
  return (
    <Card
      size="small"
      className={`uh-ev-target${isDone ? ' uh-ev-target-done' : ''}`}
      data-testid="ballot-target"
      data-target-name={target.name}
      title={
        <div className="uh-ev-target-head">
          <span className="uh-ev-target-name">
            {index + 1}. {target.name}
          </span>
          <Typography.Text type="secondary" className="uh-ev-target-post">
            {target.post}
          </Typography.Text>
        </div>
      }
      extra={isDone ? <Tag color="success">已完成</Tag> : <Tag>未完成</Tag>}
    >
      {e.dimensions.map((d, i) => (
        <GradeRow
          key={d}
          label={d}
          grades={e.grades}
          value={rating.grades[i] ?? null}
          onChange={(g) => onChange({ ...rating, grades: rating.grades.map((x, j) => (j === i ? g : x)) })}
          testId={`ballot-dimension-${i}`}
        />
      ))}
      <div className="uh-ev-overall">
        <GradeRow label="总体评价" grades={e.overallGrades} value={rating.overall} onChange={(g) => onChange({ ...rating, overall: g })} testId="ballot-overall" />
      </div>
      {e.allowComments ? (
        <Input.TextArea
          value={rating.comment}
          onChange={(ev) => onChange({ ...rating, comment: ev.target.value })}
          maxLength={EVALUATION_LIMITS.commentMax}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={`对${target.name}的意见建议（选填）`}
          aria-label={`对${target.name}的意见建议`}
          className="uh-ev-comment"
          data-testid="ballot-comment"
        />
      ) : null}
    </Card>
  );
}
