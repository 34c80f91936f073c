import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { BENEFIT_FORM_LABELS, CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../../contracts/care';
import { todayInShanghai } from '../../../domain/dates';
import { formatYuan } from '../../lib/money';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import type { CampaignSummary } from './care-admin-types';
import { CampaignFormModal } from './CampaignFormModal';
import { CoverageBar } from './CoverageBar';
import { useCampaigns, useCarePolicy } from './use-care-admin';
import './care-admin.css';

const STATUS_COLORS: Record<CampaignStatus, string> = { draft: 'blue', distributing: 'orange', closed: 'default' };

/** 筹备中 / 发放中 / 已结束. */
export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="campaign-status">
      {CAMPAIGN_STATUS_LABELS[status]}
    </Tag>
  );
}

function CampaignCard({ c }: { c: CampaignSummary }) {
  return (
    <Link to={`/care/campaigns/${c.id}`} data-testid="campaign-card" data-title={c.title}>
      <Card size="small" hoverable style={{ height: '100%' }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {c.title}
          </Typography.Text>
          <CampaignStatusTag status={c.status} />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 10px' }}>
          {c.festival} · 每人 {formatYuan(c.perPersonFen)} · {BENEFIT_FORM_LABELS[c.form]}
          {c.goods ? `（${c.goods}）` : ''}
        </Typography.Paragraph>
        {c.status === 'draft' ? (
          <Typography.Text type="secondary">尚未开始发放</Typography.Text>
        ) : (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              覆盖率（已签收/应发放）
            </Typography.Text>
            <CoverageBar coverage={c.coverage} />
          </>
        )}
      </Card>
    </Link>
  );
}

/** 节日慰问 (/care/campaigns): a year's festival campaigns with their live coverage; care.manage creates one. */
export function CampaignsPage() {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const { filters, setFilters } = useUrlFilters(['year'] as const);
  const year = Number(filters.year) || thisYear;
  const campaigns = useCampaigns(year);
  const policy = useCarePolicy();
  const [isCreating, setCreating] = useState(false);
  const canManage = campaigns.data?.canManage ?? false;
  const items = campaigns.data?.items;
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  return (
    <div>
      <PageHeader
        title="节日慰问"
        subtitle="元旦、春节、清明、劳动节、端午、中秋、国庆等节日的慰问品发放，会员在手机上签收，或由工会小组长代为确认"
        extra={
          <Flex gap={8} wrap>
            <Select
              value={year}
              onChange={(y: number) => setFilters({ year: y === thisYear ? undefined : String(y) })}
              options={years.map((y) => ({ value: y, label: `${y}年` }))}
              style={{ width: 100 }}
              aria-label="年度"
              data-testid="campaigns-year"
            />
            {canManage ? (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="campaign-create">
                新建节日慰问
              </Button>
            ) : null}
          </Flex>
        }
      />
      {campaigns.error ? <ErrorAlert error={campaigns.error} /> : null}
      {campaigns.isPending ? (
        <PageLoading />
      ) : items?.length ? (
        <Row gutter={[16, 16]}>
          {items.map((c) => (
            <Col key={c.id} xs={24} md={12} xl={8}>
              <CampaignCard c={c} />
            </Col>
          ))}
        </Row>
      ) : items ? (
        <Card>
          <Empty description={`${year}年还没有节日慰问`} />
        </Card>
      ) : null}
      {canManage ? <CampaignFormModal policy={policy.data} open={isCreating} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
