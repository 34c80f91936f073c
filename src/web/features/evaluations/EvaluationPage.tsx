import { App, Button, Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { EVALUATION_PHASE_LABELS, type EvaluationDetail } from '../../../contracts/evaluations';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage, PageHeader, PageLoading } from '../../components';
import { BallotPage } from './BallotPage';
import { participationPercent, PHASE_COLORS, windowLabel } from './evaluation-format';
import { useEvaluation, useEvaluationAction } from './use-evaluations';
import './evaluations.css';

/** The organisers' buttons for the evaluation's phase: edit, delete and publish a draft; end it early; the results. */
function Actions({ evaluation: e }: { evaluation: EvaluationDetail }) {
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const act = useEvaluationAction(e.id);
  const run = (action: 'publish' | 'close' | 'delete', done: string) =>
    act.mutateAsync(action).then(
      () => {
        message.success(done);
        if (action === 'delete') navigate('/evaluations');
      },
      (err: unknown) => void modal.warning({ title: '未能完成', content: errorMessage(err) }),
    );
  const confirmPublish = () =>
    modal.confirm({
      title: `发布“${e.title}”？`,
      content: `发布后按“${e.votersLabel}”确定参评名单，名单和测评内容都不能再修改；参评人员会收到通知，到开始时间即可在手机上测评。`,
      okText: '发布',
      cancelText: '再检查一下',
      onOk: () => run('publish', '已发布，参评人员已收到通知'),
    });
  const confirmClose = () =>
    modal.confirm({
      title: '现在结束测评？',
      content: `结束后不能再提交测评${e.cast !== null && e.eligible !== null ? `（目前已参评 ${e.cast} / ${e.eligible} 人）` : ''}，结果随即生成。`,
      okText: '结束测评',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => run('close', '测评已结束'),
    });
  const confirmDelete = () =>
    modal.confirm({
      title: `删除草稿“${e.title}”？`,
      content: '删除后不能恢复。',
      okText: '删除',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => run('delete', '草稿已删除'),
    });
  const vote =
    e.can.vote ? (
      <Link to={`/evaluations/${e.id}/vote`}>
        <Button type="primary" data-testid="evaluation-go-vote">
          去测评
        </Button>
      </Link>
    ) : null;
  switch (e.phase) {
    case 'draft':
      return (
        <Flex gap={8} wrap>
          <Button type="primary" onClick={confirmPublish} data-testid="evaluation-publish">
            发布
          </Button>
          <Link to={`/evaluations/${e.id}/edit`}>
            <Button data-testid="evaluation-edit">编辑</Button>
          </Link>
          <Button danger onClick={confirmDelete} data-testid="evaluation-delete">
            删除
          </Button>
        </Flex>
      );
    case 'scheduled':
    case 'open':
      return (
        <Flex gap={8} wrap>
          {vote}
          <Button danger onClick={confirmClose} data-testid="evaluation-close">
            提前结束
          </Button>
        </Flex>
      );
    case 'closed':
      return (
        <Flex gap={8} wrap>
          {e.can.seeResults ? (
            <Link to={`/evaluations/${e.id}/results`}>
              <Button type="primary" data-testid="evaluation-results">
                查看结果
              </Button>
            </Link>
          ) : null}
          {e.can.seeResults ? <Button href={api.url(`/evaluations/${e.id}/report.docx`)}>下载报告</Button> : null}
        </Flex>
      );
  }
}

/** 应参评 / 已参评 and the bar; a draft says when the roll will be fixed. */
function Participation({ evaluation: e }: { evaluation: EvaluationDetail }) {
  if (e.eligible === null || e.cast === null) {
    return (
      <Card size="small" title="参评情况">
        <Typography.Text type="secondary">发布时按“{e.votersLabel}”确定参评名单。</Typography.Text>
      </Card>
    );
  }
  const note =
    e.phase === 'open' ? '每 10 秒自动刷新。只统计人数，不显示谁已参评、谁未参评。' : e.phase === 'scheduled' ? '测评尚未开始。' : '测评已结束。';
  return (
    <Card size="small" title="参评情况" data-testid="evaluation-participation">
      <Row gutter={[12, 12]}>
        <Col xs={8}>
          <Statistic title="应参评" value={e.eligible} suffix="人" />
        </Col>
        <Col xs={8}>
          <Statistic title="已参评" value={e.cast} suffix="人" />
        </Col>
        <Col xs={8}>
          <Statistic title="未参评" value={Math.max(0, e.eligible - e.cast)} suffix="人" />
        </Col>
      </Row>
      <Progress percent={participationPercent(e.cast, e.eligible)} />
      <Typography.Text type="secondary">{note}</Typography.Text>
    </Card>
  );
}

/** What is being evaluated and by whom, as the voters will see it. */
function Summary({ evaluation: e }: { evaluation: EvaluationDetail }) {
  return (
    <Card size="small" title="测评内容">
      {e.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Typography.Paragraph> : null}
      <dl className="uh-ev-facts">
        <dt>测评时间</dt>
        <dd>{windowLabel(e)}</dd>
        <dt>参评人员</dt>
        <dd data-testid="evaluation-voters-label">{e.votersLabel}</dd>
        <dt>测评对象</dt>
        <dd>
          {e.targets.map((t) => (
            <div key={t.key}>
              {t.name}
              <Typography.Text type="secondary"> · {t.post}</Typography.Text>
            </div>
          ))}
        </dd>
        {e.dimensions.length > 0 ? (
          <>
            <dt>测评项目</dt>
            <dd>
              {e.dimensions.join('、')}
              <div className="uh-ev-muted">等次：{e.grades.join(' / ')}</div>
            </dd>
          </>
        ) : null}
        <dt>总体评价</dt>
        <dd>{e.overallGrades.join(' / ')}</dd>
        <dt>意见建议</dt>
        <dd>{e.allowComments ? '收集（可不填）' : '不收集'}</dd>
        <dt>分组统计</dt>
        <dd>参评人数不足 {e.minGroupSize} 人的分组不单独列出</dd>
      </dl>
    </Card>
  );
}

/** The organisers' page of one evaluation. */
function ManageView({ evaluation: e }: { evaluation: EvaluationDetail }) {
  return (
    <div className="uh-ev-page">
      <Link to="/evaluations">‹ 民主测评</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="evaluation-title-text">{e.title}</span>
            <Tag color={PHASE_COLORS[e.phase]} data-testid="evaluation-phase">
              {EVALUATION_PHASE_LABELS[e.phase]}
            </Tag>
            {e.me.hasVoted ? <Tag color="success">我已提交</Tag> : null}
          </Flex>
        }
        subtitle={windowLabel(e)}
        extra={<Actions evaluation={e} />}
      />
      <Flex vertical gap={16}>
        <Participation evaluation={e} />
        <Summary evaluation={e} />
      </Flex>
    </div>
  );
}

/**
 * One evaluation (/evaluations/:id): for the organisers its summary, the participation (live while open) and the
 * actions of its phase; anyone else lands on the ballot.
 */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const detail = useEvaluation(id, true);
  if (detail.isPending) return <PageLoading />;
  if (detail.error) {
    return (
      <div className="uh-ev-page">
        <Link to="/evaluations">‹ 民主测评</Link>
        <PageHeader title="民主测评" />
        <ErrorAlert error={detail.error} />
      </div>
    );
  }
  if (!detail.data.can.manage) return <BallotPage />;
  return <ManageView evaluation={detail.data} />;
}
