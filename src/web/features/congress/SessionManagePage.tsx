import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Dropdown, Flex, Row, Statistic, Tabs, Tag } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { SESSION_STATUS_LABELS } from '../../../contracts/congress';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage, PageHeader, PageLoading, useIsPhone } from '../../components';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { proposalWindowLabel, SESSION_STATUS_COLORS, sessionTimeLabel } from './congress-format';
import type { SessionDetail } from './congress-types';
import { SessionFormModal } from './SessionFormModal';
import { useRefreshCongress, useSession } from './use-congress';
import { VotesPanel } from './VotesPanel';
import './congress.css';

const TABS = ['votes', 'attendance', 'agenda'] as const;
type SessionTab = (typeof TABS)[number];

/** 应到 / 实到 / 缺席 / 未签到, counted over the voters. */
function Figures({ session: s }: { session: SessionDetail }) {
  const f = s.attendance;
  const items = [
    { key: 'expected', title: '应到', value: f.expected },
    { key: 'present', title: '实到', value: f.present },
    { key: 'absent', title: '缺席', value: f.absent },
    { key: 'notYet', title: '未签到', value: f.notYet },
  ];
  return (
    <Card size="small" className="uh-cg-figures" data-testid="session-figures">
      <Row gutter={[12, 12]}>
        {items.map((i) => (
          <Col key={i.key} xs={6} md={4} data-testid={`figure-${i.key}`}>
            <Statistic title={i.title} value={i.value} suffix="人" />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** The organiser's buttons: open or close the session, the hall screen, the check-in code, the resolution, edit. */
function SessionActions({ session: s, onEdit }: { session: SessionDetail; onEdit: () => void }) {
  const { modal, message } = App.useApp();
  const isPhone = useIsPhone();
  const refresh = useRefreshCongress();
  const move = useMutation({
    mutationFn: (to: 'open' | 'close') => api.send<SessionDetail>('POST', `/congress/sessions/${s.id}/${to}`),
    onSuccess: (_r, to) => {
      void refresh();
      message.success(to === 'open' ? '会议已开始' : '会议已闭幕');
    },
    onError: (e) => modal.warning({ title: '未能完成', content: errorMessage(e) }),
  });
  const hasResult = s.votes.some((v) => v.status === 'closed');
  const confirmMove = (to: 'open' | 'close') =>
    modal.confirm({
      title: to === 'open' ? `宣布${s.title}开始？` : `宣布${s.title}闭幕？`,
      content: to === 'open' ? '开会后可以开始表决。' : '闭幕后出勤、议程和表决都不能再修改。',
      okText: to === 'open' ? '开始会议' : '闭幕',
      cancelText: '取消',
      okButtonProps: { danger: to === 'close' },
      onOk: () => move.mutateAsync(to).catch(() => undefined),
    });
  const stateButton =
    s.status === 'planned' ? (
      <Button key="open" type="primary" onClick={() => confirmMove('open')} data-testid="session-open">
        宣布开会
      </Button>
    ) : s.status === 'open' ? (
      <Button key="close" danger onClick={() => confirmMove('close')} data-testid="session-close">
        闭幕
      </Button>
    ) : null;
  const screen = (
    <Link key="screen" to={`/congress/sessions/${s.id}/screen`} target="_blank">
      <Button type={s.status === 'closed' ? 'default' : 'primary'} ghost={s.status !== 'closed'} data-testid="session-screen">
        会场大屏
      </Button>
    </Link>
  );
  const resolution = api.url(`/congress/sessions/${s.id}/resolution.docx`);
  const rare = [
    ...(s.status === 'closed' ? [] : [{ key: 'checkin', label: <Link to={`/congress/sessions/${s.id}/screen?view=checkin`} target="_blank">签到二维码</Link> }]),
    { key: 'resolution', disabled: !hasResult, label: hasResult ? <a href={resolution}>下载决议（Word）</a> : '下载决议（尚无已结束的表决）' },
    ...(s.status === 'closed' ? [] : [{ key: 'edit', label: '编辑会议', onClick: onEdit }]),
    { key: 'member', label: <Link to={`/congress/sessions/${s.id}`}>代表看到的页面</Link> },
  ];
  if (isPhone) {
    return (
      <Flex gap={8} wrap>
        {s.status === 'planned' ? stateButton : null}
        {screen}
        <Dropdown trigger={['click']} menu={{ items: rare }}>
          <Button data-testid="session-more">更多</Button>
        </Dropdown>
        {s.status === 'open' ? stateButton : null}
      </Flex>
    );
  }
  return (
    <Flex gap={8} wrap>
      {s.status === 'planned' ? stateButton : null}
      {screen}
      {s.status === 'closed' ? null : (
        <Link to={`/congress/sessions/${s.id}/screen?view=checkin`} target="_blank">
          <Button data-testid="session-checkin-screen">签到二维码</Button>
        </Link>
      )}
      <Button href={hasResult ? resolution : undefined} disabled={!hasResult} data-testid="session-resolution">
        下载决议
      </Button>
      <Dropdown trigger={['click']} menu={{ items: rare.filter((r) => r.key === 'edit' || r.key === 'member') }}>
        <Button>更多</Button>
      </Dropdown>
      {s.status === 'open' ? stateButton : null}
    </Flex>
  );
}

/** 会议管理 (/congress/sessions/:id/manage): figures and quorum, then 表决, 出勤 and 议程 in tabs. */
export function SessionManagePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useSession(id);
  const [isEditing, setEditing] = useState(false);
  if (session.isPending) return <PageLoading />;
  if (session.error) {
    return (
      <div>
        <PageHeader title="会议管理" />
        <ErrorAlert error={session.error} />
      </div>
    );
  }
  const s = session.data;
  const asked = params.get('tab') as SessionTab | null;
  const tab: SessionTab = asked && TABS.includes(asked) ? asked : s.status === 'planned' ? 'agenda' : 'votes';
  const window = proposalWindowLabel(s.proposalsOpenAt, s.proposalsCloseAt);
  return (
    <div>
      <Link to={`/congress/terms/${s.term.id}?tab=sessions`}>‹ {s.term.label}</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="session-manage-title">{s.title}</span>
            <Tag color={SESSION_STATUS_COLORS[s.status]}>{SESSION_STATUS_LABELS[s.status]}</Tag>
          </Flex>
        }
        subtitle={[sessionTimeLabel(s.startsAt), s.place, window ? `提案征集 ${window}` : null].filter(Boolean).join(' · ')}
        extra={<SessionActions session={s} onEdit={() => setEditing(true)} />}
      />
      <Flex vertical gap={16}>
        <Figures session={s} />
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'votes', label: `表决（${s.votes.length}）`, children: <VotesPanel session={s} /> },
            { key: 'attendance', label: '出勤', children: <AttendancePanel session={s} /> },
            { key: 'agenda', label: `议程（${s.agenda.length}）`, children: <AgendaPanel session={s} /> },
          ]}
        />
      </Flex>
      <SessionFormModal termId={s.term.id} session={s} open={isEditing} onClose={() => setEditing(false)} />
    </div>
  );
}
