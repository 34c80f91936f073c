import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PLAN_LIMITS } from '../../../contracts/plans';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { DraftItems } from './DraftItems';
import { GoalMetricFields } from './GoalMetricFields';
import { draftBody, withDraftPaths, type DraftFormValues, type DraftItem } from './plan-draft';
import type { PlanDetail } from './plan-types';
import { PeriodFields } from './PeriodFields';

/** A section's body as read from the document, folded to its first line until opened. */
function SectionBody({ name }: { name: number }) {
  const form = Form.useFormInstance();
  // The body has no field of its own: `preserve` watches it all the same.
  const body = (Form.useWatch(['sections', name, 'body'], { form, preserve: true }) as string | undefined) ?? '';
  const hasSchedule = Form.useWatch(['sections', name, 'hasSchedule'], { form, preserve: true }) as boolean | undefined;
  const [isOpen, setOpen] = useState(false);
  const text = body.trim();
  const scheduleNote = hasSchedule ? (
    <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="draft-section-schedule">
      本节的每月安排已列入下面的“工作安排”，保存后随计划导出，不在正文中重复。
    </Typography.Text>
  ) : null;
  if (!text) return scheduleNote ?? <Typography.Text type="secondary">（无正文）</Typography.Text>;
  const firstLine = text.split(/\r?\n/)[0];
  return (
    <div>
      {scheduleNote}
      {isOpen ? <div className="uh-draft-body">{text}</div> : <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>{firstLine}</Typography.Text>}
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(!isOpen)}>
        {isOpen ? '收起正文' : `展开正文（${text.length} 字）`}
      </Button>
    </div>
  );
}

interface Props {
  initialValues: DraftFormValues;
  initialItems: DraftItem[];
  /** The document's words for its period when the period was taken from them. */
  statedPhrase?: string;
  onBack: () => void;
}

/**
 * 第二步: the parsed plan to check and correct — title, period, date line, section headings, goals (text and
 * metric), the schedule by month — then 保存计划 creates it all at once (POST /plans) and opens it.
 */
export function ImportDraftStep({ initialValues, initialItems, statedPhrase, onBack }: Props) {
  const [form] = Form.useForm<DraftFormValues>();
  const formError = useFormError(form);
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [items, setItems] = useState<DraftItem[]>(initialItems);
  const [isShowingBlanks, setShowingBlanks] = useState(false);
  const period = Form.useWatch('period', form) ?? initialValues.period;
  const periodStart = period?.[0]?.format('YYYY-MM-DD') ?? '';
  const periodEnd = period?.[1]?.format('YYYY-MM-DD') ?? '';

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof draftBody>) => api.send<PlanDetail>('POST', '/plans', body),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      void client.invalidateQueries({ queryKey: ['calendar', 'items'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      message.success('计划已保存');
      navigate(`/plans/${saved.id}`);
    },
    onError: (e) => formError.onError(withDraftPaths(e, items)),
  });

  const submit = () => {
    formError.clear();
    const hasBlank = items.some((i) => !i.title.trim());
    setShowingBlanks(hasBlank);
    form
      .validateFields()
      .then(() => {
        if (hasBlank) {
          message.error('有事项没有填写内容，请填写或移除（已用红框标出）');
          return;
        }
        // All values, including the section bodies that have no field of their own.
        save.mutate(draftBody(form.getFieldsValue(true) as DraftFormValues, items));
      })
      .catch(() => message.error('还有内容需要修改，请查看标红的地方'));
  };

  return (
    <Form<DraftFormValues> form={form} layout="vertical" initialValues={initialValues}>
      <Flex vertical gap={16} data-testid="plan-draft">
        {formError.alert}
        <Card size="small" title="计划信息">
          {statedPhrase ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }} data-testid="draft-stated-period">
              期间按文中的“{statedPhrase}”设定，各月工作已排在这个期间里。
            </Typography.Paragraph>
          ) : null}
          <Form.Item name="title" label="计划标题" rules={[{ required: true, whitespace: true, message: '请填写计划标题' }]}>
            <Input maxLength={PLAN_LIMITS.titleMax} data-testid="draft-title" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <PeriodFields form={form} />
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="planDate" label="落款日期" extra="文末的日期，可不填">
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="draft-plan-date" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title="章节">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            请核对章节标题；正文按原文保存，之后可在计划页排版修改。
          </Typography.Paragraph>
          <Form.List name="sections">
            {(fields, { add, remove }) => (
              <Flex vertical gap={10}>
                {fields.map(({ key, name }) => (
                  <div key={key} className="uh-draft-row" data-testid="draft-section">
                    <Flex gap={8} align="flex-start">
                      <Form.Item name={[name, 'heading']} rules={[{ required: true, whitespace: true, message: '请填写章节标题' }]} style={{ flex: 1, marginBottom: 4 }}>
                        <Input maxLength={PLAN_LIMITS.headingMax} aria-label="章节标题" data-testid="draft-section-heading" />
                      </Form.Item>
                      <Button danger type="text" onClick={() => remove(name)} aria-label="移除此章节">
                        移除
                      </Button>
                    </Flex>
                    <SectionBody name={name} />
                  </div>
                ))}
                {fields.length === 0 ? <Typography.Text type="secondary">没有识别出章节。</Typography.Text> : null}
                <Button type="dashed" onClick={() => add({ heading: '', body: '' })} disabled={fields.length >= PLAN_LIMITS.sectionsMax}>
                  添加章节
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>

        <Card size="small" title="目标">
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            带数字的目标已尽量关联到指标；关联指标后，计划页会按实际数据显示完成情况。
          </Typography.Paragraph>
          <Form.List name="goals">
            {(fields, { add, remove }) => (
              <Flex vertical gap={10}>
                {fields.map(({ key, name }) => (
                  <div key={key} className="uh-draft-row" data-testid="draft-goal">
                    <Flex gap={8} align="flex-start">
                      <Form.Item name={[name, 'text']} rules={[{ required: true, whitespace: true, message: '请填写目标内容' }]} style={{ flex: 1, marginBottom: 8 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={PLAN_LIMITS.goalTextMax} aria-label="目标" data-testid="draft-goal-text" />
                      </Form.Item>
                      <Button danger type="text" onClick={() => remove(name)} aria-label="移除此目标" data-testid="draft-goal-remove">
                        移除
                      </Button>
                    </Flex>
                    <GoalMetricFields prefix={[name]} listName="goals" />
                  </div>
                ))}
                {fields.length === 0 ? <Typography.Text type="secondary">没有识别出目标。</Typography.Text> : null}
                <Button type="dashed" onClick={() => add({ text: '', metric: null, comparator: null, target: null })} disabled={fields.length >= PLAN_LIMITS.goalsMax}>
                  添加目标
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={`工作安排（${items.length} 项）`}>
          <DraftItems items={items} onChange={setItems} periodStart={periodStart} periodEnd={periodEnd} isShowingBlanks={isShowingBlanks} />
        </Card>

        <Flex gap={8} wrap>
          <Button type="primary" size="large" loading={save.isPending} onClick={submit} data-testid="plan-import-save">
            保存计划
          </Button>
          <Button size="large" onClick={onBack} disabled={save.isPending}>
            返回上一步
          </Button>
        </Flex>
        <Typography.Text type="secondary">点“保存计划”之前，什么都不会保存。</Typography.Text>
      </Flex>
    </Form>
  );
}
