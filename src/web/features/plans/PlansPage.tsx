import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { todayInShanghai } from '../../../domain/dates';
import { PERIOD_KIND_LABELS } from '../../../contracts/plans';
import { formatShanghaiTime } from '../../lib/time';
import { useCan } from '../../lib/session';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { isPastPeriod, periodLabel, periodRangeText } from './period';
import type { PlanSummary } from './plan-types';
import { PlanCopyModal } from './PlanCopyModal';
import { PlanFormModal } from './PlanFormModal';
import { usePlanList } from './use-plans';
import './plans.css';

/** One plan as a card: period, title, counts, and 复制为新计划 for those who may write plans. */
function PlanCard({ plan, today, canManage, onCopy }: { plan: PlanSummary; today: string; canManage: boolean; onCopy: () => void }) {
  const isPast = isPastPeriod(plan.periodEnd, today);
  const isCurrent = !isPast && plan.periodStart <= today;
  return (
    <Card
      size="small"
      data-testid="plan-card"
      data-plan-title={plan.title}
      title={
        <Flex gap={6} align="center" wrap>
          <Tag color={isCurrent ? 'red' : undefined} style={{ marginInlineEnd: 0 }}>
            {PERIOD_KIND_LABELS[plan.periodKind]}
          </Tag>
          <Typography.Text type={isPast ? 'secondary' : undefined}>{periodLabel(plan.periodKind, plan.periodStart, plan.periodEnd)}</Typography.Text>
          {isCurrent ? <Tag color="green" style={{ marginInlineEnd: 0 }}>进行中</Tag> : isPast ? <Tag style={{ marginInlineEnd: 0 }}>往期</Tag> : <Tag color="blue" style={{ marginInlineEnd: 0 }}>未开始</Tag>}
        </Flex>
      }
      actions={[
        <Link key="open" to={`/plans/${plan.id}`}>
          查看
        </Link>,
        ...(canManage
          ? [
              <Typography.Link key="copy" onClick={onCopy} data-testid="plan-card-copy">
                复制为新计划
              </Typography.Link>,
            ]
          : []),
      ]}
    >
      <Link to={`/plans/${plan.id}`} className="uh-plan-card-title" data-testid="plan-card-link">
        {plan.title}
      </Link>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px', fontSize: 13 }}>
        {periodRangeText(plan.periodStart, plan.periodEnd)}
      </Typography.Paragraph>
      <Flex gap={16} wrap>
        <span>
          目标 <Typography.Text strong>{plan.goalCount}</Typography.Text> 项
        </span>
        <span>
          工作安排 <Typography.Text strong>{plan.itemCount}</Typography.Text> 项
          {plan.itemCount > 0 ? <Typography.Text type="secondary">（已完成 {plan.doneCount}）</Typography.Text> : null}
        </span>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        更新于 {formatShanghaiTime(plan.updatedAt, false)}
      </Typography.Text>
    </Card>
  );
}

/** 工作计划: the union's plans, newest period first; past plans stay here to read and to copy from. */
export function PlansPage() {
  const plans = usePlanList();
  // The list says whether the user may write plans; until it answers, the session's abilities do.
  const canManageFromSession = useCan('plan.manage');
  const canManage = plans.data?.canManage ?? canManageFromSession;
  const [isCreating, setCreating] = useState(false);
  const [copying, setCopying] = useState<PlanSummary | null>(null);
  const today = todayInShanghai();

  const actions = canManage ? (
    <Flex wrap gap={8}>
      <Button type="primary" onClick={() => setCreating(true)} data-testid="plans-create">
        新建计划
      </Button>
      <Link to="/plans/import">
        <Button data-testid="plans-import">导入计划</Button>
      </Link>
    </Flex>
  ) : null;

  let body;
  if (plans.isPending) body = <PageLoading />;
  else if (plans.error) body = <ErrorAlert error={plans.error} />;
  else if (plans.data.items.length === 0) {
    body = (
      <Card>
        <Empty
          description={
            canManage
              ? '还没有工作计划。可以点“新建计划”从头写，或点“导入计划”把已有的 Word 计划或文字粘贴进来，系统会识别章节、目标和每月工作安排。'
              : '本会还没有发布工作计划。'
          }
        />
      </Card>
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        {plans.data.items.map((plan) => (
          <Col key={plan.id} xs={24} md={12} xl={8}>
            <PlanCard plan={plan} today={today} canManage={canManage} onCopy={() => setCopying(plan)} />
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <div>
      <PageHeader title="工作计划" subtitle="年初有计划，过程有检查，年终有总结" extra={actions} />
      {body}
      <PlanFormModal open={isCreating} onClose={() => setCreating(false)} />
      <PlanCopyModal plan={copying} onClose={() => setCopying(null)} />
    </div>
  );
}
