import { Button, Card, Empty, Pagination, Segmented } from 'antd';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { useCan } from '../../lib/session';
import { ActivityCard } from './ActivityCard';
import type { ActivityScope } from './activity-types';
import { useActivityList } from './use-activities';
import './activities.css';

const SCOPES: { value: ActivityScope; label: string; path: string }[] = [
  { value: 'open', label: '近期活动', path: '/activities' },
  { value: 'mine', label: '我的活动', path: '/activities/mine' },
];

const EMPTY_TEXT: Record<ActivityScope, string> = {
  open: '目前没有向您开放的活动。工会发布新活动后会显示在这里。',
  mine: '您还没有报名或参加过活动。可以到“近期活动”里看看。',
};

/**
 * 活动: the activities open to me (/activities) or my own — signed up, wait-listed or attended
 * (/activities/mine); each card shows the sign-up phase, the seats and my standing.
 */
export function ActivitiesPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isPhone = useIsPhone();
  const scope: ActivityScope = location.pathname.replace(/\/$/, '').endsWith('/mine') ? 'mine' : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useActivityList(scope, page);
  const canManageFromSession = useCan('activity.manage');
  const canManage = list.data?.canManage ?? canManageFromSession;

  const switcher = (
    <Segmented<ActivityScope>
      value={scope}
      options={SCOPES.map((s) => ({ value: s.value, label: s.label }))}
      onChange={(value) => navigate(SCOPES.find((s) => s.value === value)!.path)}
      block={isPhone}
      data-testid="activity-scope"
      style={{ marginBottom: 12 }}
    />
  );

  let body;
  if (list.isPending) body = <PageLoading />;
  else if (list.error) body = <ErrorAlert error={list.error} />;
  else if (list.data.items.length === 0) {
    body = (
      <Card>
        <Empty description={EMPTY_TEXT[scope]} />
      </Card>
    );
  } else {
    body = (
      <>
        <div className="uh-card-list uh-mact-list" data-testid="activity-list">
          {list.data.items.map((a) => (
            <ActivityCard key={a.id} activity={a} />
          ))}
        </div>
        {list.data.total > ACTIVITY_LIMITS.pageSize ? (
          <Pagination
            style={{ marginTop: 16, justifyContent: 'center' }}
            current={page}
            pageSize={ACTIVITY_LIMITS.pageSize}
            total={list.data.total}
            simple={isPhone}
            showSizeChanger={false}
            onChange={(next) => {
              setParams(next > 1 ? { page: String(next) } : {});
              window.scrollTo({ top: 0 });
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <div>
      <PageHeader
        title="活动"
        subtitle="报名参加工会组织的活动，到场后扫码签到"
        extra={
          canManage ? (
            <Link to="/activities/new">
              <Button type="primary" data-testid="activity-create">
                发布活动
              </Button>
            </Link>
          ) : null
        }
      />
      {switcher}
      {body}
    </div>
  );
}
