import { useState } from 'react';
import { Button, Empty, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ELECTION_POSITION_LABELS, ELECTION_STATUS_LABELS } from '../../../contracts/elections';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { useCan } from '../../lib/session';
import { ElectionFormModal } from './ElectionFormModal';
import { ELECTION_STATUS_COLORS } from './election-format';
import type { ElectionSummary } from './elections-types';
import { useElections } from './use-elections';
import './elections.css';

/** One election in the list: state, title, position and seats, candidates, meeting; opens the manage page for managers. */
function ElectionCard({ election: e, canManage }: { election: ElectionSummary; canManage: boolean }) {
  return (
    <Link to={canManage ? `/elections/${e.id}/manage` : `/elections/${e.id}`} className="uh-card" data-testid="election-card" data-election-title={e.title}>
      <span className="uh-el-tags">
        <Tag color={ELECTION_STATUS_COLORS[e.status]}>{ELECTION_STATUS_LABELS[e.status]}</Tag>
        {e.roundCount > 0 ? <Tag>已进行 {e.roundCount} 轮</Tag> : null}
      </span>
      <div className="uh-card-title">{e.title}</div>
      <dl className="uh-facts">
        <dt>职务</dt>
        <dd>{ELECTION_POSITION_LABELS[e.position]}</dd>
        <dt>应选</dt>
        <dd>
          {e.seats} 名 · 候选人 {e.candidateCount} 人
        </dd>
        <dt>会议</dt>
        <dd>{e.meetingLabel}</dd>
      </dl>
    </Link>
  );
}

/** 选举 (/elections): the union's elections — all of them for managers (with 新建选举), those I vote in for members. */
export function ElectionsPage() {
  const list = useElections();
  const canManage = useCan('election.manage');
  const [isCreating, setCreating] = useState(false);
  const create = canManage ? (
    <Button type="primary" onClick={() => setCreating(true)} data-testid="election-create">
      新建选举
    </Button>
  ) : null;
  const items = list.data ?? [];
  const running = items.filter((e) => e.status !== 'closed');
  const closed = items.filter((e) => e.status === 'closed');
  return (
    <div className="uh-el-page">
      <PageHeader title="选举" subtitle={canManage ? '换届选举：候选人、选举人名单、投票与计票' : '您参加的选举：投票、结果与选票公示'} extra={items.length ? create : undefined} />
      {list.isPending ? <PageLoading /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && items.length === 0 ? (
        <Empty description={canManage ? '还没有选举。新建选举后添加候选人、监票人和计票人，在会议上开始选举。' : '目前没有您参加的选举。选举开始后，选举人名单上的会员可在此投票。'}>{create}</Empty>
      ) : null}
      {running.length ? (
        <div className="uh-card-list uh-el-list" data-testid="elections-current">
          {running.map((e) => (
            <ElectionCard key={e.id} election={e} canManage={canManage} />
          ))}
        </div>
      ) : null}
      {closed.length ? (
        <>
          <h4 className="uh-el-section-title">已结束的选举</h4>
          <div className="uh-card-list uh-el-list">
            {closed.map((e) => (
              <ElectionCard key={e.id} election={e} canManage={canManage} />
            ))}
          </div>
        </>
      ) : null}
      {canManage ? <ElectionFormModal open={isCreating} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
