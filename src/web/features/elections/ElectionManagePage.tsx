import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Statistic, Tabs, Tag, Tooltip } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ELECTION_POSITION_LABELS, ELECTION_STATUS_LABELS } from '../../../contracts/elections';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage, PageHeader, PageLoading, useIsPhone } from '../../components';
import { ElectionFormModal } from './ElectionFormModal';
import { ELECTION_STATUS_COLORS, roundLabel } from './election-format';
import type { ElectionDetail } from './elections-types';
import { RollPanel } from './RollPanel';
import { RoundsPanel } from './RoundsPanel';
import { SetupPanel } from './SetupPanel';
import { useElection, useRefreshElections } from './use-elections';
import './elections.css';

const TABS = ['setup', 'attendance', 'rounds'] as const;
type ManageTab = (typeof TABS)[number];

/** The organiser's buttons: edit, delete, 开始选举 (refused with the reason), 结束选举, the result report. */
function Actions({ election: e, onEdit }: { election: ElectionDetail; onEdit: () => void }) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshElections();
  const act = useMutation({
    mutationFn: (what: 'start' | 'close' | 'delete') => (what === 'delete' ? api.send('DELETE', `/elections/${e.id}`) : api.send('POST', `/elections/${e.id}/${what}`)),
    onSuccess: (_r, what) => {
      void refresh();
      message.success({ start: '选举已开始，选举人名单已确定', close: '选举已结束', delete: '选举已删除' }[what]);
      if (what === 'delete') navigate('/elections');
    },
    onError: (err) => modal.warning({ title: '未能完成', content: errorMessage(err) }),
  });
  const confirm = (what: 'start' | 'close' | 'delete') =>
    modal.confirm({
      title: { start: `开始${e.title}？`, close: `结束${e.title}？`, delete: `删除${e.title}？` }[what],
      content: {
        start: `开始后确定选举人名单（应到人数），候选人不能再更改。${e.meeting.kind === 'members' ? '然后在“出席”中登记到会人员。' : '出席按教代会会议签到计。'}`,
        close: e.elected.length ? `当选：${e.elected.map((w) => w.name).join('、')}。结束后不能再投票。` : '目前没有人当选。结束后不能再投票。',
        delete: '筹备中的选举删除后不能恢复。',
      }[what],
      okText: { start: '开始选举', close: '结束选举', delete: '删除' }[what],
      cancelText: '取消',
      okButtonProps: { danger: what !== 'start' },
      onOk: () => act.mutateAsync(what).catch(() => undefined),
    });
  const hasOpen = e.rounds.some((r) => r.status === 'open');
  return (
    <Flex gap={8} wrap>
      <Link to={`/elections/${e.id}`}>
        <Button data-testid="election-voter-link">选举人页面</Button>
      </Link>
      {e.status === 'draft' && e.can.manage ? (
        <>
          <Button onClick={onEdit} data-testid="election-edit">
            编辑
          </Button>
          <Button danger onClick={() => confirm('delete')} data-testid="election-delete">
            删除
          </Button>
          <Tooltip title={e.startRefusal ?? undefined}>
            <Button type="primary" disabled={!!e.startRefusal} onClick={() => confirm('start')} data-testid="election-start">
              开始选举
            </Button>
          </Tooltip>
        </>
      ) : null}
      {e.status === 'running' && e.can.manage ? (
        <Tooltip title={hasOpen ? '请先为正在进行的一轮计票' : undefined}>
          <Button danger disabled={hasOpen} onClick={() => confirm('close')} data-testid="election-close">
            结束选举
          </Button>
        </Tooltip>
      ) : null}
      {e.status === 'closed' ? (
        <Button type="primary" href={api.url(`/elections/${e.id}/report.docx`)} data-testid="election-report">
          下载选举结果报告单
        </Button>
      ) : null}
    </Flex>
  );
}

/** 应到 / 实到, rounds and those elected so far. */
function Figures({ election: e }: { election: ElectionDetail }) {
  if (!e.attendance) return null;
  return (
    <Card size="small" data-testid="election-figures">
      <Row gutter={[12, 12]}>
        <Col xs={8} md={4}>
          <Statistic title="应到" value={e.attendance.due} suffix="人" />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="实到" value={e.attendance.present} suffix="人" />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="当选" value={e.elected.length} suffix={`/ ${e.seats}`} />
        </Col>
        <Col xs={24} md={12}>
          <div className="uh-el-elected-line" data-testid="election-elected">
            {e.elected.length ? e.elected.map((w) => `${w.name}（${roundLabel(w.round)} ${w.yes} 票）`).join('、') : '尚无人当选'}
          </div>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * 选举管理 (/elections/:id/manage): candidates and officials, the roll and attendance, and the rounds with paper
 * entry and counting. A counter (计票人) who is not a manager sees only the rounds, to enter paper ballots.
 */
export function ElectionManagePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const election = useElection(id);
  const [isEditing, setEditing] = useState(false);
  const isPhone = useIsPhone();
  if (election.isPending) return <PageLoading />;
  if (election.error) {
    return (
      <div>
        <PageHeader title="选举管理" />
        <ErrorAlert error={election.error} />
      </div>
    );
  }
  const e = election.data;
  if (!e.can.manage && !e.can.enterPaper) {
    return <Result status="403" title="没有权限" subTitle="选举的组织人员和计票人才能打开此页。" extra={<Link to={`/elections/${e.id}`}>返回选举页面</Link>} />;
  }
  const tabs = e.can.manage ? TABS : (['rounds'] as const);
  const asked = params.get('tab') as ManageTab | null;
  const fallback: ManageTab = e.status === 'draft' ? 'setup' : e.rounds.length === 0 ? 'attendance' : 'rounds';
  const tab: ManageTab = asked && (tabs as readonly string[]).includes(asked) ? asked : (tabs as readonly string[]).includes(fallback) ? fallback : 'rounds';
  const openRound = e.rounds.find((r) => r.status === 'open');
  const items = [
    { key: 'setup', label: `${isPhone ? '候选人' : '候选人与工作人员'}（${e.candidates.length}）`, children: <SetupPanel election={e} /> },
    { key: 'attendance', label: e.attendance ? `出席 ${e.attendance.present}/${e.attendance.due}` : '出席', children: <RollPanel election={e} /> },
    { key: 'rounds', label: `${isPhone ? '投票' : '投票与计票'}（${openRound ? (isPhone ? '进行中' : `${roundLabel(openRound.number)}进行中`) : e.rounds.length}）`, children: <RoundsPanel election={e} /> },
  ].filter((i) => (tabs as readonly string[]).includes(i.key));
  return (
    <div className="uh-el-page uh-el-manage">
      <Link to="/elections">‹ 选举</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="election-manage-title">{e.title}</span>
            <Tag color={ELECTION_STATUS_COLORS[e.status]}>{ELECTION_STATUS_LABELS[e.status]}</Tag>
          </Flex>
        }
        subtitle={[ELECTION_POSITION_LABELS[e.position], `应选 ${e.seats} 名`, e.meetingLabel, [e.online ? '手机投票' : null, e.paper ? '纸质选票' : null].filter(Boolean).join(' + ')].join(' · ')}
        extra={<Actions election={e} onEdit={() => setEditing(true)} />}
      />
      <Flex vertical gap={16}>
        {e.status === 'draft' && e.startRefusal ? <Alert type="warning" showIcon title={`还不能开始选举：${e.startRefusal}`} data-testid="election-start-refusal" /> : null}
        <Figures election={e} />
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} />
      </Flex>
      {e.can.manage && e.status === 'draft' ? <ElectionFormModal election={e} open={isEditing} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
