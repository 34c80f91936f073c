import { Button, Empty, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { useMe } from '../../lib/session';
import { EvaluationCard } from './EvaluationCard';
import { sortedEvaluations } from './evaluation-format';
import { useEvaluations } from './use-evaluations';
import './evaluations.css';

/**
 * 民主测评 (/evaluations): for a member on a phone, the evaluations they are asked to take part in with a clear way
 * in; for the organisers every evaluation with its participation, and 新建测评.
 */
export function EvaluationsPage() {
  const { data: me } = useMe();
  const list = useEvaluations();
  const isManager = !!me?.abilities.includes('evaluation.manage');
  const create = isManager ? (
    <Link to="/evaluations/new">
      <Button type="primary" data-testid="evaluation-new">
        新建测评
      </Button>
    </Link>
  ) : undefined;
  const subtitle = isManager ? '对领导班子和干部进行无记名测评，结束后查看结果' : '无记名测评：您的评价以匿名方式保存，任何人都无法看到您的选择';
  if (list.isPending) return <PageLoading />;
  return (
    <div className="uh-ev-page">
      <PageHeader title="民主测评" subtitle={subtitle} extra={create} />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? (
        <Empty description={isManager ? '还没有民主测评，点击“新建测评”开始设置' : '目前没有需要您参加的民主测评'} style={{ marginTop: 32 }} />
      ) : null}
      {list.data && list.data.length > 0 ? (
        <>
          <div className="uh-card-list uh-ev-list">
            {sortedEvaluations(list.data).map((e) => (
              <EvaluationCard key={e.id} evaluation={e} isManager={isManager} />
            ))}
          </div>
          {isManager ? null : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              这里列出您在参评名单中的测评。测评结果由工会在测评结束后汇总公布。
            </Typography.Paragraph>
          )}
        </>
      ) : null}
    </div>
  );
}
