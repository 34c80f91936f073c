import { Form, Radio, Select, Typography } from 'antd';
import { EVALUATION_VOTER_KIND_LABELS, EVALUATION_VOTER_KINDS, type EvaluationVoterKind } from '../../../contracts/evaluations';
import { TERM_FORM_LABELS } from '../../../contracts/congress';
import { MemberSearchSelect } from '../activity-admin/MemberSearchSelect';
import { useTerms } from '../congress/use-congress';

const KIND_HINTS: Record<EvaluationVoterKind, string> = {
  term: '该届在任的教代会代表参加测评。',
  members: '在职且会籍正常的全体会员参加测评。',
  list: '只请选定的人员参加测评。',
};

/**
 * 参评人员: the representatives of a congress term, all members in employment, or a list picked from the roster.
 * The roll itself is fixed when the evaluation is published.
 */
export function VotersField({ knownNames }: { knownNames?: Record<string, string> }) {
  const form = Form.useFormInstance();
  const kind = (Form.useWatch(['voters', 'kind'], form) as EvaluationVoterKind | undefined) ?? 'term';
  const terms = useTerms();
  const termOptions = (terms.data?.items ?? []).map((t) => ({
    value: t.id,
    label: `${t.label}${t.isCurrent ? '（本届）' : ''}${t.form === 'all_staff' ? `（${TERM_FORM_LABELS.all_staff}）` : ''} · ${t.voters} 人`,
  }));
  return (
    <>
      <Form.Item name={['voters', 'kind']} label="参评范围" extra={`${KIND_HINTS[kind]}发布时按此确定参评名单，之后不再变动。`}>
        <Radio.Group optionType="button" options={EVALUATION_VOTER_KINDS.map((k) => ({ value: k, label: EVALUATION_VOTER_KIND_LABELS[k] }))} data-testid="evaluation-voters-kind" />
      </Form.Item>
      {kind === 'term' ? (
        <Form.Item name={['voters', 'termId']} label="教代会届次" rules={[{ required: true, message: '请选择教代会届次' }]}>
          <Select
            options={termOptions}
            loading={terms.isPending}
            placeholder="选择届次"
            notFoundContent={terms.error ? terms.error.message : <Typography.Text type="secondary">本单位还没有建立教代会届次，可改选“全体在职会员”或“指定人员”</Typography.Text>}
            data-testid="evaluation-voters-term"
          />
        </Form.Item>
      ) : null}
      {kind === 'list' ? (
        <Form.Item name={['voters', 'memberIds']} label="选择参评人员" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择 1 名参评人员' }]}>
          <MemberSearchSelect isMultiple knownNames={knownNames} testId="evaluation-voters-members" />
        </Form.Item>
      ) : null}
    </>
  );
}
