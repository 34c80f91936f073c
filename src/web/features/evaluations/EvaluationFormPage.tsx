import { useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Switch } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { EVALUATION_LIMITS, type EvaluationDetail } from '../../../contracts/evaluations';
import { api } from '../../lib/api';
import { DateTimeInput, ErrorAlert, PageHeader, PageLoading, useFormError } from '../../components';
import { nowInShanghai } from '../activity-admin/activity-time';
import { evaluationBodyOf, evaluationFormValuesOf, type EvaluationFormValues } from './evaluation-form-values';
import { LabelListField, TargetsField } from './EvaluationListFields';
import { VotersField } from './VotersField';
import { useEvaluation, useRefreshEvaluations } from './use-evaluations';
import './evaluations.css';

/** The form itself, mounted once its starting values (a new one, or the draft) are known. */
function EvaluationForm({ evaluation, knownNames }: { evaluation: EvaluationDetail | null; knownNames?: Record<string, string> }) {
  const [form] = Form.useForm<EvaluationFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const refresh = useRefreshEvaluations();
  const isNew = evaluation === null;
  const initial = useRef(evaluationFormValuesOf(evaluation, nowInShanghai())).current;
  const save = useMutation({
    mutationFn: (v: EvaluationFormValues) =>
      isNew ? api.send<EvaluationDetail>('POST', '/evaluations', evaluationBodyOf(v)) : api.send<EvaluationDetail>('PATCH', `/evaluations/${evaluation.id}`, evaluationBodyOf(v)),
    onSuccess: (saved) => {
      void refresh();
      message.success(isNew ? '测评已保存为草稿，检查无误后即可发布' : '已保存');
      navigate(`/evaluations/${saved.id}`);
    },
    onError: (e) => {
      formError.onError(e);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  });
  return (
    <Form<EvaluationFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      scrollToFirstError
      onFinish={(v) => {
        formError.clear();
        save.mutate(v);
      }}
      className="uh-ev-form"
      data-testid="evaluation-form"
    >
      {formError.alert}
      <Card size="small" title="基本信息">
        <Form.Item name="title" label="测评名称" rules={[{ required: true, whitespace: true, message: '请填写测评名称' }]}>
          <Input maxLength={EVALUATION_LIMITS.titleMax} placeholder="如 2026年度学校领导班子民主测评" data-testid="evaluation-title" />
        </Form.Item>
        <Form.Item name="description" label="说明" extra="参评人员在测评页面顶部看到这段话">
          <Input.TextArea maxLength={EVALUATION_LIMITS.descriptionMax} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如 请根据各位领导本年度的工作表现，实事求是地作出评价。" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="opensAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
              <DateTimeInput label="开始时间" testId="evaluation-opens-at" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="closesAt"
              label="结束时间"
              dependencies={['opensAt']}
              rules={[
                { required: true, message: '请选择结束时间' },
                ({ getFieldValue }) => ({
                  validator: async (_, v: EvaluationFormValues['closesAt']) => {
                    const opens = getFieldValue('opensAt') as EvaluationFormValues['opensAt'];
                    if (v && opens && !v.isAfter(opens)) throw new Error('结束时间应晚于开始时间');
                  },
                }),
              ]}
              extra="到时自动结束，结束后才能查看结果"
            >
              <DateTimeInput label="结束时间" testId="evaluation-closes-at" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="测评对象">
        <TargetsField />
      </Card>
      <Card size="small" title="测评内容">
        <Flex vertical gap={16}>
          <LabelListField
            name="dimensions"
            title="测评项目"
            itemLabel="测评项目名称"
            min={0}
            max={EVALUATION_LIMITS.dimensionsMax}
            maxLength={EVALUATION_LIMITS.dimensionLabelMax}
            extra="每位测评对象按这些项目分别评价"
          />
          <LabelListField
            name="grades"
            title="评价等次"
            itemLabel="等次名称"
            min={EVALUATION_LIMITS.gradesMin}
            max={EVALUATION_LIMITS.gradesMax}
            maxLength={EVALUATION_LIMITS.gradeLabelMax}
            extra="从好到差排列"
          />
          <LabelListField
            name="overallGrades"
            title="总体评价等次"
            itemLabel="等次名称"
            min={EVALUATION_LIMITS.gradesMin}
            max={EVALUATION_LIMITS.gradesMax}
            maxLength={EVALUATION_LIMITS.gradeLabelMax}
            extra="从好到差排列"
          />
          <Form.Item name="allowComments" label="意见建议" valuePropName="checked" extra="允许参评人员对每位测评对象填写意见建议（可不填）；结束后以打乱的顺序列出" style={{ marginBottom: 0 }}>
            <Switch checkedChildren="收集" unCheckedChildren="不收集" data-testid="evaluation-allow-comments" />
          </Form.Item>
        </Flex>
      </Card>
      <Card size="small" title="参评人员">
        <VotersField knownNames={knownNames} />
        <Form.Item
          name="minGroupSize"
          label="分组统计最少人数"
          rules={[{ required: true, message: '请填写最少分组人数' }]}
          extra={`结果按教师、职员、工勤等分组统计时，参评人数少于此数的分组不单独列出，以免推断出个人的评价；总参评人数少于此数时不显示任何统计。默认 5 人。`}
        >
          <InputNumber min={EVALUATION_LIMITS.minGroupMin} max={EVALUATION_LIMITS.minGroupMax} precision={0} suffix="人" inputMode="numeric" style={{ width: 140 }} data-testid="evaluation-min-group" />
        </Form.Item>
      </Card>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="evaluation-save">
          {isNew ? '保存草稿' : '保存'}
        </Button>
        <Link to={isNew ? '/evaluations' : `/evaluations/${evaluation.id}`}>
          <Button>取消</Button>
        </Link>
      </Flex>
    </Form>
  );
}

/** The draft's 指定人员 named by the detail itself, so that the picker shows names, not "已选人员". */
function EditForm({ evaluation }: { evaluation: EvaluationDetail }) {
  const knownNames = Object.fromEntries((evaluation.voterList ?? []).map((p) => [p.id, p.name]));
  return <EvaluationForm evaluation={evaluation} knownNames={knownNames} />;
}

/**
 * 新建测评 (/evaluations/new) and 编辑测评 (/evaluations/:id/edit, a draft only): title and description, the window,
 * targets, dimensions and grade scales (prefilled with the defaults), comments, voters and the group minimum. Saving
 * keeps a draft; publishing is on the evaluation's page.
 */
export function EvaluationFormPage() {
  const { id = '' } = useParams();
  const detail = useEvaluation(id);
  const back = <Link to={id ? `/evaluations/${id}` : '/evaluations'}>‹ {id ? '返回测评' : '民主测评'}</Link>;
  if (!id) {
    return (
      <div className="uh-ev-page">
        {back}
        <PageHeader title="新建测评" subtitle="先保存为草稿，检查无误后发布；发布后参评人员会收到通知" />
        <EvaluationForm evaluation={null} />
      </div>
    );
  }
  if (detail.isPending) return <PageLoading />;
  return (
    <div className="uh-ev-page">
      {back}
      <PageHeader title="编辑测评" subtitle={detail.data?.title} />
      {detail.error ? <ErrorAlert error={detail.error} /> : null}
      {detail.data && detail.data.status !== 'draft' ? <Alert type="info" showIcon title="测评已发布，不能再修改。" /> : null}
      {detail.data?.status === 'draft' ? <EditForm evaluation={detail.data} /> : null}
    </div>
  );
}
