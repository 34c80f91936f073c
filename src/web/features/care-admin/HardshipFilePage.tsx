import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { formatYuan } from '../../lib/money';
import { useCan } from '../../lib/session';
import { formatShanghaiTime } from '../../lib/time';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import type { HardshipFileDetail } from './care-admin-types';
import { assistanceColumns } from './AssistanceTab';
import { AssistanceFormModal } from './AssistanceFormModal';
import { HardshipActions } from './HardshipActions';
import { HardshipEvidence } from './HardshipEvidence';
import { HardshipLevelTag, HardshipStatusTag } from './HardshipTags';
import { useHardshipFile } from './use-care-admin';
import './care-admin.css';

/** 困难程度: the level, how it was reached in words, and the per-capita computation with its figures. */
function LevelCard({ f }: { f: HardshipFileDetail }) {
  const canEditPolicy = useCan('care.manage');
  return (
    <Card size="small" title="困难程度评定" data-testid="hardship-level-card">
      <Flex vertical gap={10}>
        <Flex align="center" gap={10} wrap>
          <HardshipLevelTag level={f.level} />
          <Typography.Text className="uh-care-level-line" data-testid="hardship-level-reason">
            {f.levelReason}
          </Typography.Text>
        </Flex>
        <div className="uh-care-level">
          <Typography.Text type="secondary">
            人均月收入 =（家庭年可支配收入 {formatYuan(f.annualIncomeFen)} − 刚性支出 {formatYuan(f.unavoidableCostsFen)}）÷ 12 个月 ÷ {f.householdSize} 人 ={' '}
          </Typography.Text>
          <Typography.Text strong>{formatYuan(f.perCapitaMonthlyFen)}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            低于低保线为深度困难；低于低保线的 2 倍为相对困难；因灾因意外，或刚性支出超过年收入 80% 的为意外致困。
          </Typography.Text>
        </div>
        {f.povertyLineFen === null ? (
          <Alert
            type="warning"
            showIcon
            title={`登记 ${f.year} 年度低保线后，才能评定深度困难和相对困难`}
            action={
              canEditPolicy ? (
                <Link to="/care/policy">
                  <Button size="small">登记低保线</Button>
                </Link>
              ) : undefined
            }
          />
        ) : null}
      </Flex>
    </Card>
  );
}

/** 困难职工档案 (/hardship/:id): the file, its level explained, household, evidence, assistance, approval and review. */
export function HardshipFilePage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const query = useHardshipFile(id);
  const [isAdding, setAdding] = useState(false);
  if (query.isPending) return <PageLoading />;
  if (query.error) {
    return (
      <div>
        <PageHeader title="困难职工档案" extra={<Link to="/hardship">返回困难帮扶</Link>} />
        <ErrorAlert error={query.error} />
      </div>
    );
  }
  const f = query.data;
  // Evidence and assistance can be added while the keeper may still act on the file (closing is allowed until closed).
  const isOpenForKeeper = f.can.close;
  return (
    <div>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="hardship-title">
              {f.member.name} · {f.year}年
            </span>
            <HardshipStatusTag status={f.status} />
          </Flex>
        }
        subtitle={`困难职工档案${f.member.groupName ? ` · ${f.member.groupName}` : ''}`}
        extra={
          <Flex gap={8} wrap>
            <HardshipActions file={f} />
            <Link to="/hardship">
              <Button>返回列表</Button>
            </Link>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        {f.isReviewDue ? <Alert type="warning" showIcon title={`已到年度复核时间（复核日期 ${f.reviewDueOn}）`} description="按新一年的家庭情况建立复核档案，或在已脱困时销档。" /> : null}
        {f.status === 'closed' ? <Alert type="info" showIcon title="本档案已销档" description={f.closedReason ? `原因：${f.closedReason}` : undefined} /> : null}
        <LevelCard f={f} />
        <Descriptions
          size="small"
          column={isPhone ? 1 : 2}
          bordered={!isPhone}
          items={[
            { key: 'size', label: '家庭人口', children: `${f.householdSize} 人` },
            { key: 'accident', label: '因灾因意外致困', children: f.isAccident ? '是' : '否' },
            { key: 'income', label: '家庭年可支配收入', children: formatYuan(f.annualIncomeFen) },
            { key: 'costs', label: '刚性支出（年）', children: formatYuan(f.unavoidableCostsFen) },
            { key: 'reasons', label: '致困原因', span: isPhone ? 1 : 2, children: f.reasons || '—' },
            {
              key: 'approved',
              label: '审批',
              children: f.approvedBy ? `${f.approvedBy} 于 ${f.approvedAt ? formatShanghaiTime(f.approvedAt, false) : ''} 批准` : '尚未批准',
            },
            {
              key: 'review',
              label: '复核日期',
              children: f.reviewDueOn ? (
                <Flex gap={6} align="center" wrap>
                  {f.reviewDueOn}
                  {f.isReviewDue ? <Tag color="red">待复核</Tag> : null}
                  {f.reassessedInYear ? <Typography.Text type="secondary">已建立 {f.reassessedInYear} 年复核档案</Typography.Text> : null}
                </Flex>
              ) : (
                '—'
              ),
            },
          ]}
        />
        <Card size="small" title={`家庭成员（${f.household.length} 人登记）`}>
          <Table
            rowKey={(h) => `${h.name}:${h.relation}`}
            size="small"
            pagination={false}
            dataSource={f.household}
            columns={[
              { key: 'name', title: '姓名', dataIndex: 'name' },
              { key: 'relation', title: '关系', dataIndex: 'relation' },
              { key: 'note', title: '备注', render: (_v, h) => h.note || '—' },
            ]}
            locale={{ emptyText: '未登记家庭成员' }}
          />
        </Card>
        <HardshipEvidence file={f} canUpload={isOpenForKeeper} />
        <Card
          size="small"
          title={`帮扶记录（合计 ${formatYuan(f.assistanceFen)}）`}
          extra={
            isOpenForKeeper ? (
              <Button size="small" onClick={() => setAdding(true)} data-testid="hardship-assistance-add">
                登记帮扶
              </Button>
            ) : null
          }
          styles={{ body: { padding: isPhone ? 0 : undefined } }}
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={f.assistance}
            columns={assistanceColumns(isPhone, false)}
            locale={{ emptyText: '还没有帮扶记录' }}
          />
        </Card>
      </Flex>
      {isOpenForKeeper ? (
        <AssistanceFormModal open={isAdding} onClose={() => setAdding(false)} fileOf={{ fileId: f.id, memberId: f.member.id, memberName: f.member.name }} />
      ) : null}
    </div>
  );
}
