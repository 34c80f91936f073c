import { useState, type HTMLAttributes } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Progress, Row, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { BENEFIT_FORM_LABELS } from '../../../contracts/care';
import { api } from '../../lib/api';
import { formatYuan } from '../../lib/money';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import type { CampaignDetail } from './care-admin-types';
import { CampaignStatusTag } from './CampaignsPage';
import { CoverageBar, rateText } from './CoverageBar';
import { NO_GROUP, RecipientsPanel } from './RecipientsPanel';
import { useCampaign, useCarePolicy, useRefreshCare } from './use-care-admin';
import './care-admin.css';

type GroupRow = CampaignDetail['groups'][number];

/** 开始发放 / 结束发放, each behind a confirmation that says what it does. */
function CampaignActions({ c }: { c: CampaignDetail }) {
  const { message, modal } = App.useApp();
  const refresh = useRefreshCare();
  const policy = useCarePolicy();
  const act = useMutation({
    mutationFn: (step: 'start' | 'close') => api.send<CampaignDetail>('POST', `/care/campaigns/${c.id}/${step}`),
    onSuccess: (_r, step) => {
      void refresh();
      message.success(step === 'start' ? '已开始发放，名单已确定' : '本次慰问已结束');
    },
    onError: (e) => message.error(e.message),
  });
  if (!c.can.manage || c.status === 'closed') return null;
  const cap = policy.data?.festivalCapPerYearFen;
  if (c.status === 'draft') {
    return (
      <Button
        type="primary"
        loading={act.isPending}
        data-testid="campaign-start"
        onClick={() =>
          modal.confirm({
            title: '开始发放？',
            content: (
              <Typography.Paragraph style={{ margin: 0 }}>
                按“{c.audienceText}”确定发放名单，之后名册变化不再影响名单。
                {cap !== null && cap !== undefined ? `本年节日慰问合计会超过每人 ${formatYuan(cap)} 上限的会员不列入名单，并注明原因。` : ''}
                有账号的会员会收到通知，领取后可在手机上签收。
              </Typography.Paragraph>
            ),
            okText: '开始发放',
            cancelText: '取消',
            onOk: () => act.mutateAsync('start'),
          })
        }
      >
        开始发放
      </Button>
    );
  }
  return (
    <Button
      loading={act.isPending}
      data-testid="campaign-close"
      onClick={() =>
        modal.confirm({
          title: '结束本次慰问？',
          content: `结束后会员不能再签收，也不能再代为确认领取；当前覆盖率 ${rateText(c.coverage.rate)} 作为最终结果。`,
          okText: '结束',
          cancelText: '取消',
          onOk: () => act.mutateAsync('close'),
        })
      }
    >
      结束发放
    </Button>
  );
}

/** 覆盖率: received ÷ intended overall (a ring) and per union group (bars; a click filters the list below). */
function CoverageCard({ c, onPickGroup }: { c: CampaignDetail; onPickGroup: (g: string) => void }) {
  const isPhone = useIsPhone();
  const percent = c.coverage.rate === null ? 0 : Math.round(c.coverage.rate * 1000) / 10;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={9}>
        <Card size="small" style={{ height: '100%' }} data-testid="campaign-coverage">
          <Flex align="center" gap={20}>
            <Progress
              type="circle"
              percent={percent}
              format={() => rateText(c.coverage.rate)}
              size={isPhone ? 96 : 116}
              status={percent >= 100 ? 'success' : 'normal'}
              strokeColor={percent >= 100 ? undefined : '#c8102e'}
            />
            <div>
              <Typography.Title level={5} style={{ margin: 0 }}>
                覆盖率
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                应发放 {c.coverage.intended} 人，已签收 {c.coverage.received} 人
                {c.coverage.intended > c.coverage.received ? `，还差 ${c.coverage.intended - c.coverage.received} 人` : ''}
              </Typography.Paragraph>
            </div>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={15}>
        <Card size="small" title="各工会小组" style={{ height: '100%' }} data-testid="campaign-groups">
          <Table<GroupRow>
            rowKey={(g) => g.groupId ?? 'none'}
            size="small"
            pagination={false}
            dataSource={c.groups}
            onRow={(g) =>
              ({ onClick: () => onPickGroup(g.groupId === null ? NO_GROUP : g.groupName), style: { cursor: 'pointer' }, 'data-testid': 'campaign-group-row', 'data-name': g.groupName }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              { key: 'name', title: '工会小组', dataIndex: 'groupName', width: isPhone ? 96 : 160 },
              { key: 'rate', title: '覆盖率（已签收/应发放）', render: (_v, g) => <CoverageBar coverage={g.coverage} />, sorter: (a, b) => (a.coverage.rate ?? -1) - (b.coverage.rate ?? -1) },
            ]}
            locale={{ emptyText: '名单中没有人员' }}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** 节日慰问 (/care/campaigns/:id): the campaign, its coverage live, the list to tick and those left out with the reason. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const campaign = useCampaign(id);
  const [group, setGroup] = useState<string | null>(null);
  if (campaign.isPending) return <PageLoading />;
  if (campaign.error) {
    return (
      <div>
        <PageHeader title="节日慰问" extra={<Link to="/care/campaigns">返回节日慰问</Link>} />
        <ErrorAlert error={campaign.error} />
      </div>
    );
  }
  const c = campaign.data;
  return (
    <div>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="campaign-title">{c.title}</span>
            <CampaignStatusTag status={c.status} />
          </Flex>
        }
        subtitle={`${c.festival} · 每人 ${formatYuan(c.perPersonFen)} · ${BENEFIT_FORM_LABELS[c.form]}${c.goods ? `（${c.goods}）` : ''}`}
        extra={
          <Flex gap={8} wrap>
            <CampaignActions c={c} />
            <Link to="/care/campaigns">
              <Button>返回列表</Button>
            </Link>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          bordered={!isPhone}
          items={[
            { key: 'audience', label: '慰问对象', children: c.audienceText },
            { key: 'year', label: '年度', children: `${c.year}年` },
            { key: 'fund', label: '经费科目', children: c.fundCategory },
          ]}
        />
        {c.status === 'draft' ? (
          <Alert
            type="info"
            showIcon
            title="筹备中：核对慰问物品和慰问对象后，点“开始发放”确定名单"
            description="开始后有账号的会员会收到签收通知；工会小组长可为本组会员代为确认领取。"
          />
        ) : (
          <>
            <CoverageCard c={c} onPickGroup={setGroup} />
            <RecipientsPanel campaign={c} group={group} onGroupChange={setGroup} />
          </>
        )}
        {c.excluded.length ? (
          <Card size="small" title={`未列入名单（${c.excluded.length} 人）`} data-testid="campaign-excluded">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              这些会员本年的节日慰问加上本次会超过每人每年上限，本次不发放，也不计入覆盖率。
            </Typography.Paragraph>
            <Table
              rowKey="memberId"
              size="small"
              pagination={false}
              dataSource={c.excluded}
              columns={[
                { key: 'name', title: '姓名', dataIndex: 'name', width: isPhone ? 80 : 160 },
                { key: 'reason', title: '原因', dataIndex: 'reason' },
              ]}
            />
          </Card>
        ) : null}
      </Flex>
    </div>
  );
}
