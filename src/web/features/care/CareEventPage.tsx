import { useState } from 'react';
import { Alert, Button, Card, Empty, Result, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert, PageLoading } from '../../components';
import { ApiError } from '../../lib/api';
import { formatYuan } from '../../lib/money';
import { useCan } from '../../lib/session';
import { dayText, deadlineText, roleShort } from './care-format';
import { EVIDENCE_ACCEPT, type CareEventDetail } from './care-types';
import { DueTag } from './CareEventCard';
import { CareFileList } from './CareFileList';
import { CloseEventModal } from './CloseEventModal';
import { useCareEvent } from './use-care';
import { VisitCard } from './VisitCard';
import { VisitForm } from './VisitForm';
import './care.css';

/** The facts of an event: when it happened, the deadline, who registered it, what happened, the evidence. */
function EventFacts({ event: e }: { event: CareEventDetail }) {
  return (
    <Card size="small" title="事由">
      <dl className="uh-care-facts">
        <dt>发生日期</dt>
        <dd>{dayText(e.occurredOn)}</dd>
        <dt>慰问时限</dt>
        <dd>{deadlineText(e.dueOn, e.rule.deadlineDays)}</dd>
        {e.member.groupName ? (
          <>
            <dt>所在小组</dt>
            <dd>{e.member.groupName}</dd>
          </>
        ) : null}
        <dt>登记人</dt>
        <dd>{e.reportedBy}</dd>
        {e.details ? (
          <>
            <dt>情况说明</dt>
            <dd>{e.details}</dd>
          </>
        ) : null}
      </dl>
      {e.files.length || e.can.edit ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            证明材料
          </Typography.Text>
          <CareFileList base={`/care/events/${e.id}`} files={e.files} accept={EVIDENCE_ACCEPT} canUpload={e.can.edit} uploadLabel="上传证明材料" />
        </div>
      ) : null}
    </Card>
  );
}

/**
 * 慰问事由 (/care/events/:id): the member, type and due state; the facts and evidence; the visits so far; 记录慰问
 * (the form with the suggested visitors and the rule's hint) for those who visit; 关闭事由 for those who may edit.
 */
export function CareEventPage() {
  const { id = '' } = useParams();
  const event = useCareEvent(id);
  const canReadList = useCan('care.read');
  const [isFormOpen, setFormOpen] = useState(false);
  const [isClosing, setClosing] = useState(false);
  const back = canReadList ? { to: '/care', label: '返回待慰问' } : { to: '/care/my', label: '返回我的慰问' };

  if (event.isPending) return <PageLoading />;
  if (event.error) {
    if (event.error instanceof ApiError && event.error.status === 404) {
      return (
        <Result
          status="404"
          title="慰问记录不存在"
          subTitle="这条慰问事由不存在，或不属于您当前的组织。"
          extra={
            <Link to={back.to}>
              <Button type="primary">{back.label}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={event.error} />;
  }

  const e = event.data;
  const isClosed = e.state === 'closed';
  const total = e.visits.reduce((sum, v) => sum + v.amountFen, 0);
  return (
    <div className="uh-care-page">
      <Link to={back.to}>‹ {back.label}</Link>
      <div className="uh-care-card-top" style={{ marginTop: 12 }}>
        <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="care-event-title">
          {e.member.name}
          <span className="uh-care-sub" style={{ fontSize: 16 }}>
            {e.type.name}
          </span>
        </Typography.Title>
        <span className="uh-care-tags">
          <DueTag event={e} />
        </span>
      </div>
      <div className="uh-care-panel" style={{ marginTop: 12 }}>
        {e.state === 'overdue' ? <Alert type="error" showIcon title={`已超过慰问时限（${dayText(e.dueOn!)}），请尽快安排慰问`} /> : null}
        {isClosed ? <Alert type="info" showIcon title="此事由已关闭" description={e.closedReason ? `原因：${e.closedReason}` : undefined} /> : null}
        <EventFacts event={e} />
        <Card
          size="small"
          title={e.visits.length ? `慰问记录（${e.visits.length} 次${total > 0 ? `，共 ${formatYuan(total)}` : ''}）` : '慰问记录'}
          data-testid="care-visits"
        >
          {e.visits.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={isClosed ? '没有慰问记录' : '还没有慰问记录'} />
          ) : (
            e.visits.map((v) => <VisitCard key={v.id} visit={v} canUpload={e.can.visit && !isClosed} />)
          )}
        </Card>
        {e.suggestedVisitors.length > 0 && !isClosed && e.visits.length === 0 && !isFormOpen && e.can.visit ? (
          <Typography.Text type="secondary" data-testid="care-suggested">
            建议慰问人：{e.suggestedVisitors.map((s) => `${s.name}（${roleShort(s.role)}）`).join('、')}
          </Typography.Text>
        ) : null}
        {e.can.visit && !isClosed ? (
          isFormOpen ? (
            <Card size="small" title="记录慰问" data-testid="care-visit-card">
              <VisitForm event={e} onDone={() => setFormOpen(false)} />
            </Card>
          ) : (
            <div className="uh-care-actions">
              <Button type="primary" size="large" onClick={() => setFormOpen(true)} data-testid="care-visit-open">
                {e.visits.length ? '再次记录慰问' : '记录慰问'}
              </Button>
              {e.can.edit ? (
                <Button size="large" onClick={() => setClosing(true)} data-testid="care-close">
                  关闭事由
                </Button>
              ) : null}
            </div>
          )
        ) : null}
        {!e.can.visit && e.can.edit && !isClosed ? (
          <div className="uh-care-actions">
            <Button onClick={() => setClosing(true)} data-testid="care-close">
              关闭事由
            </Button>
          </div>
        ) : null}
      </div>
      <CloseEventModal event={e} open={isClosing} onClose={() => setClosing(false)} />
    </div>
  );
}
