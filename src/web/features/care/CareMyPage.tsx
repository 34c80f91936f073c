import { App, Button, Card, Empty, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { BENEFIT_FORM_LABELS, CAMPAIGN_STATUS_LABELS, RECEIPT_SOURCE_LABELS } from '../../../contracts/care';
import { errorMessage, ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { formatShanghaiTime } from '../../lib/time';
import { useMe } from '../../lib/session';
import { CareEventCard } from './CareEventCard';
import { MyHardshipSection } from './MyHardshipSection';
import type { CareMy } from './care-types';
import { useCareMy, useConfirmReceipt } from './use-care';
import './care.css';

type MyCampaign = CareMy['campaigns'][number];

/** One festival gift: what it is, and 签收 with one big button while it is being handed out. */
export function ReceiptCard({ campaign: c }: { campaign: MyCampaign }) {
  const { message } = App.useApp();
  const confirm = useConfirmReceipt();
  const isPhone = useIsPhone();
  const what = c.goods ? (c.form === 'goods' ? c.goods : `${c.goods}（${BENEFIT_FORM_LABELS[c.form]}）`) : BENEFIT_FORM_LABELS[c.form];
  return (
    <Card size="small" data-testid="care-receipt" data-campaign-title={c.title}>
      <div className="uh-care-receipt">
        <div className="uh-care-card-top">
          <div className="uh-care-name">{c.title}</div>
          {c.receivedAt ? (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              已签收
            </Tag>
          ) : (
            <Tag color={c.status === 'distributing' ? 'orange' : undefined} style={{ marginInlineEnd: 0 }}>
              {c.status === 'distributing' ? '待签收' : CAMPAIGN_STATUS_LABELS[c.status]}
            </Tag>
          )}
        </div>
        <Typography.Text>慰问品：{what}</Typography.Text>
        {c.receivedAt ? (
          <Typography.Text type="secondary" data-testid="care-receipt-done">
            {c.source ? RECEIPT_SOURCE_LABELS[c.source] : '已签收'}于 {formatShanghaiTime(c.receivedAt, false)}
          </Typography.Text>
        ) : null}
        {c.canConfirm ? (
          <>
            <Typography.Text type="secondary">领到慰问品后，请点下面的按钮签收。</Typography.Text>
            <Button
              type="primary"
              size="large"
              block={isPhone}
              style={isPhone ? undefined : { alignSelf: 'flex-start', minWidth: 240 }}
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(c.id, {
                  onSuccess: () => void message.success('已签收，谢谢！'),
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
              data-testid="care-receipt-confirm"
            >
              我已领取，签收
            </Button>
          </>
        ) : null}
      </div>
    </Card>
  );
}

/**
 * 我的慰问 (/care/my): the festival gifts to 签收 (one big button each) and those received; my own care events
 * with their visits; 登记我的情况 to tell the union about an illness, a birth, a bereavement; and, only for a member
 * who has one, their own hardship file (困难职工档案).
 */
export function CareMyPage() {
  const me = useMe();
  const hasMember = !!me.data?.user.memberId;
  const my = useCareMy(hasMember);
  const header = (
    <PageHeader
      title="我的慰问"
      subtitle="节日慰问品签收，以及工会对您的慰问"
      extra={
        hasMember ? (
          <Link to="/care/events/new">
            <Button data-testid="care-register-own">登记我的情况</Button>
          </Link>
        ) : null
      }
    />
  );
  if (!hasMember) {
    return (
      <>
        {header}
        <Card>
          <Empty description="您的账号没有关联会员档案，这里没有可显示的内容。" />
        </Card>
      </>
    );
  }
  if (my.isPending) return <>{header}<PageLoading /></>;
  if (my.error) return <>{header}<ErrorAlert error={my.error} /></>;

  const toConfirm = my.data.campaigns.filter((c) => c.canConfirm);
  const others = my.data.campaigns.filter((c) => !c.canConfirm);
  return (
    <div className="uh-care-page">
      {header}
      <div className="uh-care-panel">
        {toConfirm.map((c) => (
          <ReceiptCard key={c.id} campaign={c} />
        ))}
        {toConfirm.length === 0 ? (
          <Typography.Text type="secondary" data-testid="care-nothing-to-confirm">
            目前没有待签收的节日慰问品。
          </Typography.Text>
        ) : null}
      </div>
      {others.length ? (
        <>
          <Typography.Title level={5} className="uh-care-section-title">
            节日慰问
          </Typography.Title>
          <div className="uh-card-list">
            {others.map((c) => (
              <ReceiptCard key={c.id} campaign={c} />
            ))}
          </div>
        </>
      ) : null}
      <Typography.Title level={5} className="uh-care-section-title">
        我的慰问事由
      </Typography.Title>
      {my.data.events.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有登记过慰问事由。生病住院、生育、家中变故时，可点“登记我的情况”告诉工会。" />
        </Card>
      ) : (
        <div className="uh-card-list" data-testid="care-my-events">
          {my.data.events.map((e) => (
            <CareEventCard key={e.id} event={e} showMember={false} />
          ))}
        </div>
      )}
      <MyHardshipSection />
    </div>
  );
}
