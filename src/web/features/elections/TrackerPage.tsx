import { useEffect, useState } from 'react';
import { App, Card, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { normaliseReceipt, roundLabel, sequelOf } from './election-format';
import type { Tracker } from './elections-types';
import { OutcomeView } from './OutcomeView';
import { RecountBlock } from './RecountBlock';
import { useElection, useTracker } from './use-elections';
import './elections.css';

type Ballot = Tracker['ballots'][number];
const PAGE_SIZE = 50;
const ballotKey = (b: Ballot) => b.receipt ?? `p${b.paperNo}`;

/** The names a ballot gives one mark to, or "—". */
const namesWith = (b: Ballot, mark: 'yes' | 'no', candidates: Tracker['candidates']) => candidates.filter((c) => b.marks[c.id] === mark).map((c) => c.name).join('、') || '—';

/**
 * 选票公示 (/elections/rounds/:id/tracker): the round's outcome, every ballot by receipt code (online) or number
 * (paper) with what it says, a search for my receipt code, and 自行复核 — the recount done in the browser.
 */
export function TrackerPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const electionId = params.get('election') ?? '';
  const tracker = useTracker(id);
  const election = useElection(electionId);
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [found, setFound] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (found) document.querySelector(`[data-row-key="${found}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [found, page]);
  if (tracker.isPending) return <PageLoading />;
  const back = electionId ? <Link to={`/elections/${electionId}`}>‹ 返回选举</Link> : <Link to="/elections">‹ 选举</Link>;
  if (tracker.error) {
    return (
      <div>
        {back}
        <PageHeader title="选票公示" />
        <ErrorAlert error={tracker.error} />
      </div>
    );
  }
  const t = tracker.data;
  const nameById = new Map(t.candidates.map((c) => [c.id, c.name]));
  const ballots = [...t.ballots].sort((a, b) => Number(a.receipt === null) - Number(b.receipt === null) || (a.receipt ?? '').localeCompare(b.receipt ?? '') || (a.paperNo ?? 0) - (b.paperNo ?? 0));
  const search = (text: string) => {
    const code = normaliseReceipt(text);
    if (!code) return setFound(null);
    const i = ballots.findIndex((b) => b.receipt === code);
    if (i < 0) {
      setFound(null);
      return void message.warning(`没有找到查验码 ${code}：请核对输入。如确认无误，请向监票人反映。`);
    }
    setFound(code);
    setPage(Math.floor(i / PAGE_SIZE) + 1);
  };
  const columns: TableColumnsType<Ballot> = [
    {
      key: 'id',
      title: '选票',
      width: isPhone ? 104 : 130,
      render: (_v, b) => (
        <Flex vertical gap={2} align="flex-start">
          <span className={b.receipt ? 'uh-el-code' : undefined}>{b.receipt ?? `纸质第 ${b.paperNo} 号`}</span>
          {b.isVoid ? <Tag color="red">无效</Tag> : null}
          {b.receipt && b.receipt === found ? <Tag color="gold">查到的选票</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'content',
      title: '选票内容（未列出的候选人为弃权）',
      render: (_v, b) => (
        <div className="uh-el-ballot-content">
          <div>
            <span className="uh-el-label-yes">赞成</span>
            {namesWith(b, 'yes', t.candidates)}
          </div>
          <div>
            <span className="uh-el-label-no">不赞成</span>
            {namesWith(b, 'no', t.candidates)}
          </div>
          {b.writeIns.length ? (
            <div>
              <span className="uh-el-label-writein">另选</span>
              {b.writeIns.join('、')}
            </div>
          ) : null}
        </div>
      ),
    },
  ];
  return (
    <div className="uh-el-page">
      {back}
      <PageHeader title={`${roundLabel(t.roundNumber)}选票公示`} subtitle="每张选票的内容都在这里。手机选票按查验码排列，纸质选票按编号；看不出哪张票是谁投的。" />
      <Flex vertical gap={16}>
        <Card size="small" title="计票结果">
          <OutcomeView outcome={t.outcome} nameById={nameById} sequel={election.data ? sequelOf(election.data, t.roundNumber) : undefined} isStepsOpen={false} />
        </Card>
        <Card size="small" title="核对我的选票">
          <Input.Search
            size="large"
            allowClear
            enterButton="查找"
            placeholder="输入查验码，如 AB12-CD34"
            onSearch={search}
            style={{ maxWidth: 420 }}
            data-testid="tracker-search"
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {found ? `已找到 ${found}，在下方列表中以黄色标出：请核对内容是否与您所投一致。` : '投票后显示的查验码只有您自己知道。找到它，核对这张选票的内容与您所投的是否一致。'}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title="自行复核">
          <RecountBlock tracker={t} seats={t.seats} />
        </Card>
        <Card size="small" title={`全部选票（${t.ballots.length} 张）`}>
          <Table<Ballot>
            rowKey={ballotKey}
            size="small"
            columns={columns}
            dataSource={ballots}
            pagination={ballots.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, current: page, onChange: setPage, showSizeChanger: false } : false}
            rowClassName={(b) => (b.receipt && b.receipt === found ? 'uh-el-row-found' : '')}
            data-testid="tracker-ballots"
          />
        </Card>
      </Flex>
    </div>
  );
}
