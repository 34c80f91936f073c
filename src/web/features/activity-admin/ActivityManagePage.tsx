import { useState } from 'react';
import { Alert, Button, Descriptions, Dropdown, Flex, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../lib/api';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import type { ActivityDetail } from './activity-admin-types';
import { activityTimeLabel, momentLabel, spanLabel } from './activity-time';
import { ActivityFigures } from './ActivityFigures';
import { ActivityFiles } from './ActivityFiles';
import { CancelActivityModal } from './CancelActivityModal';
import { PhaseTag } from './PhaseTag';
import { RosterPanel } from './RosterPanel';
import { useActivity } from './use-activity-admin';
import './activity-admin.css';

/** 报名 line of the summary: the window, the capacity and whether sign-ups are reviewed. */
function signupText(a: ActivityDetail): string {
  if (!a.signupOpensAt || !a.signupClosesAt) return '无需报名';
  const parts = [spanLabel(a.signupOpensAt, a.signupClosesAt), a.capacity ? `限 ${a.capacity} 人` : '不限人数'];
  if (a.needsApproval) parts.push('需审核');
  if (a.cancelDeadline) parts.push(a.cancelDeadline === a.signupClosesAt ? '报名截止前可取消' : `${momentLabel(a.cancelDeadline)} 前可取消`);
  return parts.join('；');
}

/** The organiser's buttons: print, export, the check-in screen, edit and cancel (a menu for the rarer ones on a phone). */
function ManageActions({ activity, onCancel }: { activity: ActivityDetail; onCancel: () => void }) {
  const isPhone = useIsPhone();
  const isCancelled = activity.status === 'cancelled';
  const sheet = api.url(`/activities/${activity.id}/signin-sheet.docx`);
  const attendance = api.url(`/activities/${activity.id}/attendance.xlsx`);
  const screen = (
    <Link key="screen" to={`/activities/${activity.id}/screen`} target="_blank">
      <Button type="primary" disabled={isCancelled} data-testid="activity-open-screen">
        签到大屏
      </Button>
    </Link>
  );
  const edit = (
    <Link key="edit" to={`/activities/${activity.id}/edit`}>
      <Button disabled={isCancelled} data-testid="activity-edit">
        编辑
      </Button>
    </Link>
  );
  if (isPhone) {
    return (
      <Flex gap={8} wrap>
        {screen}
        {edit}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'sheet', label: <a href={sheet}>打印签到表</a> },
              { key: 'xlsx', label: <a href={attendance}>导出出勤</a> },
              ...(isCancelled ? [] : [{ key: 'cancel', danger: true, label: '取消活动', onClick: onCancel }]),
            ],
          }}
        >
          <Button data-testid="activity-more">更多</Button>
        </Dropdown>
      </Flex>
    );
  }
  return (
    <Flex gap={8} wrap>
      {screen}
      <Button href={sheet} data-testid="activity-signin-sheet">
        打印签到表
      </Button>
      <Button href={attendance} data-testid="activity-export-attendance">
        导出出勤
      </Button>
      {edit}
      {isCancelled ? null : (
        <Button danger onClick={onCancel} data-testid="activity-cancel">
          取消活动
        </Button>
      )}
    </Flex>
  );
}

/** 活动管理 (/activities/:id/manage): the activity at a glance, its figures, the roster with attendance, photos and files. */
export function ActivityManagePage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const activity = useActivity(id);
  const [isCancelling, setCancelling] = useState(false);
  if (activity.isPending) return <PageLoading />;
  if (activity.error) {
    return (
      <div>
        <PageHeader title="活动管理" />
        <ErrorAlert error={activity.error} />
      </div>
    );
  }
  const a = activity.data;
  if (!a.can.manage) {
    return (
      <div>
        <PageHeader title={a.title} />
        <Alert type="warning" showIcon title="您没有管理本活动的权限。" action={<Link to={`/activities/${a.id}`}>查看活动</Link>} />
      </div>
    );
  }
  return (
    <div>
      <PageHeader
        title={<span data-testid="activity-manage-title">{a.title}</span>}
        subtitle={`${activityTimeLabel(a.startsAt, a.endsAt)}${a.place ? ` · ${a.place}` : ''}`}
        extra={<ManageActions activity={a} onCancel={() => setCancelling(true)} />}
      />
      {a.status === 'cancelled' ? (
        <Alert type="error" showIcon title="本活动已取消" description={a.cancelReason ? `原因：${a.cancelReason}` : undefined} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex vertical gap={16}>
        <ActivityFigures activity={a} />
        <Descriptions
          size="small"
          column={isPhone ? 1 : 2}
          bordered={!isPhone}
          className="uh-act-summary"
          items={[
            {
              key: 'type',
              label: '类型',
              children: (
                <Flex gap={6} wrap>
                  <Tag style={{ marginInlineEnd: 0 }}>{a.typeName}</Tag>
                  <PhaseTag phase={a.phase} />
                </Flex>
              ),
            },
            { key: 'audience', label: '参加对象', children: a.audienceLabel },
            { key: 'signup', label: '报名', children: signupText(a) },
            { key: 'organiser', label: '组织者', children: a.organiserName ?? '—' },
            ...(a.fields.length ? [{ key: 'fields', label: '报名填写', children: a.fields.map((f) => (f.type === 'choice' ? `${f.label}（${f.options.join('/')}）` : f.label)).join('；') }] : []),
            ...(a.clubName ? [{ key: 'club', label: '兴趣小组', children: a.clubName }] : []),
          ]}
        />
        <RosterPanel activity={a} />
        <ActivityFiles activity={a} canEdit={a.status !== 'cancelled'} />
      </Flex>
      <CancelActivityModal activity={a} open={isCancelling} onClose={() => setCancelling(false)} />
    </div>
  );
}
