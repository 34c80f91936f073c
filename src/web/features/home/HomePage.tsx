import { Col, Row } from 'antd';
import { ORG_KIND_LABELS } from '../../../contracts/roles';
import { ErrorAlert, PageHeader, PageLoading, rolesLabel } from '../../components';
import { useMe } from '../../lib/session';
import { CareHomeCards } from '../care/CareHomeCard';
import { HardshipReviewCard } from '../care-admin/HardshipReviewCard';
import { ChildUnionsCard } from './ChildUnionsCard';
import { useDashboard } from './dashboard';
import { GroupsCard } from './GroupsCard';
import { NoOrgNotice } from './NoOrgNotice';
import { RecentCard } from './RecentCard';
import { StatCards } from './StatCards';
import { ThisMonthCard } from './ThisMonthCard';

/** The dashboard of the current organisation: roster figures, groups or child unions, recent changes. */
export function HomePage() {
  const { data: me } = useMe();
  const org = me?.currentOrg ?? null;
  const dashboard = useDashboard(org !== null);
  if (!me) return null;
  if (!org) return <NoOrgNotice me={me} />;

  const myRoles = me.memberships.find((m) => m.org.id === org.id)?.roles ?? [];
  const header = <PageHeader title={dashboard.data?.orgName ?? org.name} subtitle={`${ORG_KIND_LABELS[org.kind]} · 我的职务：${rolesLabel(myRoles)}`} />;
  if (dashboard.isPending) return <>{header}<PageLoading /></>;
  if (dashboard.isError) return <>{header}<ErrorAlert error={dashboard.error} /></>;

  const d = dashboard.data;
  const canOpenAudit = me.abilities.includes('audit.read');
  const showsRecent = canOpenAudit || d.recent.length > 0;
  const side = org.kind === 'parent' ? <ChildUnionsCard unions={d.childUnions} /> : <GroupsCard groups={d.groups} canOpenRoster={me.abilities.includes('member.list')} />;
  return (
    <>
      {header}
      <StatCards counts={d.counts} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {d.hardshipReviewsDue ? (
          <Col xs={24}>
            <HardshipReviewCard due={d.hardshipReviewsDue} />
          </Col>
        ) : null}
        {org.kind !== 'parent' && (me.abilities.includes('care.read') || me.user.memberId) ? (
          <Col xs={24}>
            <CareHomeCards me={me} />
          </Col>
        ) : null}
        {d.thisMonth ? (
          <Col xs={24}>
            <ThisMonthCard items={d.thisMonth} />
          </Col>
        ) : null}
        <Col xs={24} lg={showsRecent ? 14 : 24}>
          {side}
        </Col>
        {showsRecent ? (
          <Col xs={24} lg={10}>
            <RecentCard events={d.recent} canOpenAudit={canOpenAudit} />
          </Col>
        ) : null}
      </Row>
    </>
  );
}
