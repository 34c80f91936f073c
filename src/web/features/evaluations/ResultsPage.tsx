import { Alert, Button, Card, Col, Flex, Row, Statistic, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { EvaluationResults } from '../../../contracts/evaluations';
import { api } from '../../lib/api';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { formatShanghaiTime } from '../../lib/time';
import { asSentence, permilleLabel } from './evaluation-format';
import { TargetResultTable } from './TargetResultTable';
import { useEvaluation, useEvaluationResults } from './use-evaluations';
import './evaluations.css';

/** 应参评 / 实际参评 / 参评率. */
function Participation({ results: r }: { results: EvaluationResults }) {
  return (
    <Card size="small" data-testid="results-participation">
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Statistic title="应参评" value={r.eligible} suffix="人" />
        </Col>
        <Col xs={8}>
          <Statistic title="实际参评" value={r.cast} suffix="人" />
        </Col>
        <Col xs={8}>
          <Statistic title="参评率" value={permilleLabel(r.participationPermille)} />
        </Col>
      </Row>
    </Card>
  );
}

/** Every target's table, with or without the comments. */
function TargetList({ results: r, targets }: { results: EvaluationResults; targets: Parameters<typeof TargetResultTable>[0]['target'][] }) {
  return (
    <Flex vertical gap={12}>
      {targets.map((t) => (
        <TargetResultTable key={t.key} results={r} target={t} />
      ))}
    </Flex>
  );
}

/** The figures: all voters, and a tab per group large enough to be shown on its own. */
function Figures({ results: r }: { results: EvaluationResults }) {
  if (r.targets === null) {
    return (
      <Alert
        type="warning"
        showIcon
        title="参评人数过少，不显示统计结果"
        description={`本次实际参评 ${r.cast} 人，少于 ${r.minGroupSize} 人。为保护参评人员的匿名性，人数不足时不显示任何等次统计${r.allowComments ? '和意见建议' : ''}。`}
        data-testid="results-too-few"
      />
    );
  }
  const note = (
    <Typography.Text type="secondary" data-testid="results-note">
      表中每格为选择该等次的人数及其所占比例（占参评人数）。{r.hiddenGroupsNote ? asSentence(r.hiddenGroupsNote) : ''}
    </Typography.Text>
  );
  // Without comments collected there is no comment block to show (not even an empty one).
  const all = r.allowComments ? r.targets : r.targets.map(({ comments: _comments, ...t }) => t);
  // One group holding every ballot would only repeat 全体.
  const isBreakdownUseful = r.groups.length > 1 || (r.groups.length === 1 && r.groups[0].cast < r.cast);
  if (!isBreakdownUseful) {
    return (
      <Flex vertical gap={12}>
        {note}
        <TargetList results={r} targets={all} />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      {note}
      <Tabs
        items={[
          { key: 'all', label: `全体（${r.cast} 人）`, children: <TargetList results={r} targets={all} /> },
          ...r.groups.map((g) => ({
            key: g.group,
            label: `${g.label}（${g.cast} 人）`,
            children: (
              <Flex vertical gap={12}>
                <Typography.Text type="secondary">
                  {g.label}参评 {g.cast} 人的评价。{r.allowComments ? '意见建议只在“全体”中列出。' : ''}
                </Typography.Text>
                <TargetList results={r} targets={g.targets} />
              </Flex>
            ),
          })),
        ]}
      />
    </Flex>
  );
}

/**
 * 测评结果 (/evaluations/:id/results, organisers, once closed): participation, per target the count and share of each
 * grade and the comments, the groups big enough to show apart, and the report and sheet to download.
 */
export function ResultsPage() {
  const { id = '' } = useParams();
  const detail = useEvaluation(id);
  const isClosed = detail.data?.phase === 'closed';
  const results = useEvaluationResults(id, isClosed);
  const back = <Link to={`/evaluations/${id}`}>‹ 返回测评</Link>;
  if (detail.isPending || (isClosed && results.isPending)) return <PageLoading />;
  const error = detail.error ?? results.error;
  if (error || !detail.data) {
    return (
      <div className="uh-ev-page">
        {back}
        <PageHeader title="测评结果" />
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!isClosed || !results.data) {
    return (
      <div className="uh-ev-page">
        {back}
        <PageHeader title="测评结果" subtitle={detail.data.title} />
        <Alert type="info" showIcon title="测评结束后才能查看结果" description="测评进行期间不显示任何统计，以免影响参评人员的评价。" />
      </div>
    );
  }
  const r = results.data;
  return (
    <div className="uh-ev-page uh-ev-results">
      {back}
      <PageHeader
        title={<span data-testid="results-title">{r.title}</span>}
        subtitle={`测评结果 · ${formatShanghaiTime(r.closedAt, false)} 结束`}
        extra={
          <Flex gap={8} wrap>
            <Button href={api.url(`/evaluations/${id}/report.docx`)} data-testid="results-docx">
              下载结果报告（Word）
            </Button>
            <Button href={api.url(`/evaluations/${id}/results.xlsx`)} data-testid="results-xlsx">
              下载统计表（Excel）
            </Button>
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <Participation results={r} />
        <Figures results={r} />
      </Flex>
    </div>
  );
}
