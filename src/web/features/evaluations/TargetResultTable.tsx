import { Card, Typography } from 'antd';
import type { EvaluationResults, GradeTally } from '../../../contracts/evaluations';
import { permilleLabel } from './evaluation-format';

type TargetResult = NonNullable<EvaluationResults['targets']>[number];

/** The most frequent grade of a row, shown in bold (none when every count is 0). */
const topOf = (t: GradeTally) => {
  const max = Math.max(0, ...t.counts);
  return max === 0 ? -1 : t.counts.indexOf(max);
};

/** One row: the item's name, then count and share of each grade; shorter scales leave their last cells empty. */
function TallyRow({ label, tally, width, isOverall }: { label: string; tally: GradeTally; width: number; isOverall?: boolean }) {
  const top = topOf(tally);
  return (
    <tr className={isOverall ? 'uh-ev-overall-row' : undefined}>
      <th scope="row">{label}</th>
      {Array.from({ length: width }, (_, i) =>
        i < tally.counts.length ? (
          <td key={i} className={i === top ? 'uh-ev-top' : undefined}>
            <span className="uh-ev-count">{tally.counts[i]}</span>
            <span className="uh-ev-share">{permilleLabel(tally.permille[i] ?? 0)}</span>
          </td>
        ) : (
          <td key={i} />
        ),
      )}
    </tr>
  );
}

/** A header row of grade names, padded to the table's width. */
function GradeHead({ first, grades, width }: { first: string; grades: string[]; width: number }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      {Array.from({ length: width }, (_, i) => (
        <th key={i} scope="col">
          {grades[i] ?? ''}
        </th>
      ))}
    </tr>
  );
}

/**
 * The figures of one target: a row per dimension under the grade names, then 总体评价 under its own grade names; each
 * cell the number of voters and their share. The comments follow (in the random order the server gives them).
 */
export function TargetResultTable({ results: r, target: t }: { results: Pick<EvaluationResults, 'dimensions' | 'grades' | 'overallGrades'>; target: Omit<TargetResult, 'comments'> & { comments?: string[] } }) {
  const width = Math.max(r.grades.length, r.overallGrades.length);
  return (
    <Card
      size="small"
      className="uh-ev-result"
      data-testid="result-target"
      data-target-name={t.name}
      title={
        <div className="uh-ev-target-head">
          <span className="uh-ev-target-name">{t.name}</span>
          <Typography.Text type="secondary" className="uh-ev-target-post">
            {t.post}
          </Typography.Text>
        </div>
      }
    >
      <div className="uh-ev-table-wrap">
        <table className="uh-ev-table">
          {r.dimensions.length > 0 ? (
            <tbody>
              <GradeHead first="测评项目" grades={r.grades} width={width} />
              {r.dimensions.map((d, i) => (
                <TallyRow key={d} label={d} tally={t.dimensions[i]} width={width} />
              ))}
            </tbody>
          ) : null}
          <tbody>
            <GradeHead first="" grades={r.overallGrades} width={width} />
            <TallyRow label="总体评价" tally={t.overall} width={width} isOverall />
          </tbody>
        </table>
      </div>
      {t.comments ? (
        <div className="uh-ev-comments" data-testid="result-comments">
          <Typography.Text strong>意见建议（{t.comments.length} 条）</Typography.Text>
          {t.comments.length === 0 ? (
            <Typography.Text type="secondary">无</Typography.Text>
          ) : (
            <ul>
              {t.comments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Card>
  );
}
