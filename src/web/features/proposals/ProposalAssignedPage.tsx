import { Card, Empty, Segmented, Tag } from 'antd';
import { useUrlFilters } from '../../lib/use-url-filters';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { ASSIGNMENT_ROLE_LABELS } from '../../../contracts/proposals';
import { ProposalCard } from './ProposalCard';
import { useAssigned } from './use-proposals';
import './proposals.css';

type Scope = 'open' | 'replied' | 'all';
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'open', label: '待答复' },
  { value: 'replied', label: '已答复' },
  { value: 'all', label: '全部' },
];
const EMPTY: Record<Scope, string> = { open: '没有待答复的提案', replied: '还没有答复过的提案', all: '还没有交办给本部门的提案' };

/**
 * 待答复提案 (/proposals/assigned), for a department (承办部门): the proposals assigned to it, the nearest deadline
 * first, marked 主办 or 协办; the lead department answers on the proposal's page.
 */
export function ProposalAssignedPage() {
  const isPhone = useIsPhone();
  const { filters, setFilters } = useUrlFilters(['status'] as const);
  const scope = (filters.status ?? 'open') as Scope;
  const list = useAssigned(scope);
  let body;
  if (list.isPending) body = <PageLoading />;
  else if (list.error) body = <ErrorAlert error={list.error} />;
  else if (list.data.items.length === 0) {
    body = (
      <Card>
        <Empty description={EMPTY[scope]} />
      </Card>
    );
  } else {
    body = (
      <div className="uh-card-list" data-testid="proposal-assigned-list">
        {list.data.items.map((p) => (
          <ProposalCard key={p.id} proposal={p} actions={<Tag color={p.myRole === 'lead' ? 'volcano' : undefined}>本部门{ASSIGNMENT_ROLE_LABELS[p.myRole]}</Tag>} />
        ))}
      </div>
    );
  }
  return (
    <div>
      <PageHeader title="待答复提案" subtitle="交办给本部门的教代会提案。由主办部门答复，协办部门配合办理" />
      <Segmented<Scope>
        value={scope}
        options={SCOPES}
        onChange={(v) => setFilters({ status: v === 'open' ? undefined : v })}
        block={isPhone}
        style={{ marginBottom: 12 }}
        data-testid="proposal-assigned-scope"
      />
      {body}
    </div>
  );
}
