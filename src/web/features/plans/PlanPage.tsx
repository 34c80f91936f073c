import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Result, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import { PERIOD_KIND_LABELS } from '../../../contracts/plans';
import { api, ApiError } from '../../lib/api';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { formatChineseDate, isPastPeriod, periodRangeText } from './period';
import { PlanCopyModal } from './PlanCopyModal';
import { PlanFormModal } from './PlanFormModal';
import { PlanGoals } from './PlanGoals';
import { PlanSchedule } from './PlanSchedule';
import { PlanSections } from './PlanSections';
import { usePlan } from './use-plans';
import './plans.css';

type Dialog = 'edit' | 'copy' | null;
const TABS = ['text', 'goals', 'schedule'] as const;

/**
 * One plan: its title, period and date line; the text (计划正文), the goals with their live values (目标) and
 * the month-by-month schedule (工作安排), each editable by those who may; 导出 Word and 复制为新计划.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const isPhone = useIsPhone();
  const plan = usePlan(id);
  const remove = useMutation({
    mutationFn: () => api.send('DELETE', `/plans/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      void client.invalidateQueries({ queryKey: ['calendar', 'items'] });
      message.success('计划已删除，其中的事项仍保留在行事历中');
      navigate('/plans', { replace: true });
    },
    onError: (e) => message.error(e.message),
  });
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'text';

  if (plan.isPending) return <PageLoading />;
  if (plan.error) {
    if (plan.error instanceof ApiError && plan.error.status === 404) {
      return (
        <Result
          status="404"
          title="未找到该计划"
          subTitle="这份计划不存在、已被删除，或不属于您当前的组织。"
          extra={
            <Link to="/plans">
              <Button type="primary">返回工作计划</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={plan.error} />;
  }

  const p = plan.data;
  const isPast = isPastPeriod(p.periodEnd, todayInShanghai());
  const actions = (
    <Flex wrap gap={8}>
      {p.can.manage ? (
        <Button type="primary" onClick={() => setDialog('edit')} data-testid="plan-edit">
          编辑
        </Button>
      ) : null}
      <Button href={api.url(`/plans/${p.id}/export.docx`)} data-testid="plan-export">
        导出 Word
      </Button>
      {p.can.manage ? (
        <Button onClick={() => setDialog('copy')} data-testid="plan-copy">
          复制为新计划
        </Button>
      ) : null}
      {p.can.manage ? (
        <Popconfirm
          title="删除这份计划？"
          description="正文和目标一并删除；工作安排中的事项仍保留在行事历中。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => remove.mutateAsync()}
        >
          <Button danger data-testid="plan-delete">
            删除
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );

  return (
    <div>
      <Link to="/plans" style={{ display: 'inline-block', marginBottom: 8 }}>
        ← 工作计划
      </Link>
      <PageHeader
        title={<span data-testid="plan-title">{p.title}</span>}
        subtitle={
          <Flex vertical gap={2}>
            <span>
              <Tag style={{ marginInlineEnd: 6 }}>{PERIOD_KIND_LABELS[p.periodKind]}</Tag>
              {periodRangeText(p.periodStart, p.periodEnd)}
              {isPast ? <Tag style={{ marginInlineStart: 6 }}>往期</Tag> : null}
            </span>
            {p.planDate ? <span>落款日期：{formatChineseDate(p.planDate)}</span> : null}
          </Flex>
        }
        extra={actions}
      />
      <Card styles={{ body: { padding: isPhone ? '4px 12px 12px' : undefined } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'text' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'text', label: '计划正文', children: <PlanSections plan={p} /> },
            { key: 'goals', label: `目标（${p.goals.length}）`, children: <PlanGoals plan={p} /> },
            { key: 'schedule', label: `工作安排（${p.items.length}）`, children: <PlanSchedule plan={p} /> },
          ]}
          data-testid="plan-tabs"
        />
        {p.copiedFromId ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            本计划复制自<Link to={`/plans/${p.copiedFromId}`}>往期计划</Link>。
          </Typography.Paragraph>
        ) : null}
      </Card>
      <PlanFormModal open={dialog === 'edit'} plan={p} onClose={() => setDialog(null)} />
      <PlanCopyModal plan={dialog === 'copy' ? p : null} onClose={() => setDialog(null)} />
    </div>
  );
}
