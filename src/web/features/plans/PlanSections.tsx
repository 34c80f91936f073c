import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Input, Popconfirm, Typography } from 'antd';
import { PLAN_LIMITS } from '../../../contracts/plans';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../components';
import type { PlanDetail } from './plan-types';
import { RichTextEditor } from './RichTextEditor';
import { ScheduleByMonth } from './ScheduleByMonth';
import { scheduleSectionIndex } from '../../../domain/plan-sections';

interface Draft {
  /** A key that stays with the section while it moves, so its editor moves with it. */
  key: string;
  heading: string;
  body: string;
}

let nextKey = 0;
const draftOf = (heading: string, body: string): Draft => ({ key: `s${nextKey++}`, heading, body });

/** The plan's text as it reads: each section's heading and body. */
function SectionsView({ plan }: { plan: PlanDetail }) {
  if (plan.sections.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={plan.can.manage ? '还没有正文。点“编辑正文”添加指导思想、工作目标、主要任务等章节。' : '这份计划还没有正文。'} />;
  }
  const scheduleAt = scheduleSectionIndex(plan.sections.map((s) => s.heading));
  return (
    <div data-testid="plan-sections">
      {plan.sections.map((s, i) => (
        <section key={s.id} className="uh-plan-section" data-testid="plan-section">
          <Typography.Title level={4} className="uh-plan-section-heading">
            {s.heading}
          </Typography.Title>
          {/* The server keeps only paragraphs, lists and simple marks of the editor's HTML. */}
          <div className="uh-plan-body" dangerouslySetInnerHTML={{ __html: s.body }} />
          {i === scheduleAt ? <ScheduleByMonth plan={plan} /> : null}
        </section>
      ))}
    </div>
  );
}

/**
 * 计划正文: read the sections, or (for those who may) edit them — heading and rich text each, move up and down,
 * add and delete — and save them all at once (PUT /plans/:id/sections).
 */
export function PlanSections({ plan }: { plan: PlanDetail }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [isDirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (list: Draft[]) =>
      api.send('PUT', `/plans/${plan.id}/sections`, { sections: list.map((d) => ({ heading: d.heading.trim(), body: d.body })) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['plans'] });
      message.success('正文已保存');
      setDrafts(null);
      setDirty(false);
    },
  });

  const start = () => {
    save.reset();
    setProblem(null);
    setDirty(false);
    setDrafts(plan.sections.map((s) => draftOf(s.heading, s.body)));
  };
  const change = (next: Draft[]) => {
    setDrafts(next);
    setDirty(true);
  };
  const patch = (key: string, p: Partial<Draft>) => change(drafts!.map((d) => (d.key === key ? { ...d, ...p } : d)));
  const move = (i: number, step: -1 | 1) => {
    const next = [...drafts!];
    [next[i], next[i + step]] = [next[i + step], next[i]];
    change(next);
  };
  const submit = () => {
    const blank = drafts!.findIndex((d) => !d.heading.trim());
    if (blank >= 0) {
      setProblem(`第 ${blank + 1} 节还没有标题，请填写章节标题。`);
      return;
    }
    setProblem(null);
    save.mutate(drafts!);
  };

  if (!drafts) {
    return (
      <div>
        {plan.can.manage ? (
          <Flex justify="flex-end" style={{ marginBottom: 12 }}>
            <Button onClick={start} data-testid="sections-edit">
              编辑正文
            </Button>
          </Flex>
        ) : null}
        <SectionsView plan={plan} />
      </div>
    );
  }

  return (
    <Flex vertical gap={12} data-testid="sections-editing">
      {drafts.map((d, i) => (
        <div key={d.key} className="uh-section-edit" data-testid="section-edit">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Input
              value={d.heading}
              onChange={(e) => patch(d.key, { heading: e.target.value })}
              placeholder="章节标题，如 一、指导思想"
              maxLength={PLAN_LIMITS.headingMax}
              status={problem && !d.heading.trim() ? 'error' : undefined}
              style={{ flex: '1 1 240px', fontWeight: 600 }}
              aria-label={`第 ${i + 1} 节标题`}
              data-testid="section-heading"
            />
            <Flex gap={4}>
              <Button size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" data-testid="section-up">
                上移
              </Button>
              <Button size="small" disabled={i === drafts.length - 1} onClick={() => move(i, 1)} aria-label="下移" data-testid="section-down">
                下移
              </Button>
              <Popconfirm title="删除这一节？" description="保存后才会真正删除。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => change(drafts.filter((x) => x.key !== d.key))}>
                <Button size="small" danger data-testid="section-delete">
                  删除
                </Button>
              </Popconfirm>
            </Flex>
          </Flex>
          <RichTextEditor value={d.body} onChange={(body) => patch(d.key, { body })} ariaLabel={`第 ${i + 1} 节正文`} />
        </div>
      ))}
      <Button
        type="dashed"
        block
        disabled={drafts.length >= PLAN_LIMITS.sectionsMax}
        onClick={() => change([...drafts, draftOf('', '')])}
        data-testid="section-add"
      >
        添加章节
      </Button>
      {problem ? <Alert type="error" showIcon title={problem} /> : null}
      {save.error ? <ErrorAlert error={save.error} style={{ marginBottom: 0 }} /> : null}
      <Flex gap={8} wrap>
        <Button type="primary" loading={save.isPending} onClick={submit} data-testid="sections-save">
          保存正文
        </Button>
        {isDirty ? (
          <Popconfirm title="放弃未保存的修改？" okText="放弃" cancelText="继续编辑" onConfirm={() => setDrafts(null)}>
            <Button disabled={save.isPending}>取消</Button>
          </Popconfirm>
        ) : (
          <Button onClick={() => setDrafts(null)}>取消</Button>
        )}
      </Flex>
    </Flex>
  );
}
