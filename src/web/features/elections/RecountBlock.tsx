import { Alert, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Tracker } from './elections-types';
import { recountTracker, type RecountRow } from './recount';

const triple = (c: { yes: number; no: number; abstain: number } | null, isWriteIn: boolean) => (c === null ? '未公布' : isWriteIn ? `${c.yes}` : `${c.yes} / ${c.no} / ${c.abstain}`);

/**
 * 自行复核: the published ballots counted again here, in this browser, and set beside the published totals — so
 * anyone can see the count follows from the ballots.
 */
export function RecountBlock({ tracker, seats }: { tracker: Tracker; seats: number | null }) {
  const r = recountTracker(tracker, seats);
  if (tracker.outcome.isVoid && tracker.outcome.tallies.length === 0) {
    return <Alert type="info" showIcon title="本轮选举无效，未统计得票，无需复核。" />;
  }
  const columns: TableColumnsType<RecountRow> = [
    {
      key: 'name',
      title: '姓名',
      render: (_v, row) => (
        <>
          {row.name}
          {row.isWriteIn ? <Tag style={{ marginInlineStart: 6 }}>另选</Tag> : null}
        </>
      ),
    },
    { key: 'published', title: '公布', render: (_v, row) => <span className="uh-el-nowrap">{triple(row.published, row.isWriteIn)}</span> },
    { key: 'counted', title: '复核', render: (_v, row) => <span className="uh-el-nowrap">{triple(row.counted, row.isWriteIn)}</span> },
    { key: 'ok', title: '', width: 72, render: (_v, row) => (row.isMatch ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>) },
  ];
  const summary = `本页列出 ${r.ballots} 张选票，其中有效 ${r.valid} 张、无效 ${r.invalid} 张${r.isFiguresMatch ? '，与公布的票数相同' : `；公布的是有效 ${tracker.outcome.figures.valid} 张、无效 ${tracker.outcome.figures.invalid} 张`}。`;
  return (
    <Flex vertical gap={8} data-testid="recount">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        复核在您的浏览器中进行：把下面列出的每张有效选票重新数一遍——标“赞成”或在另选栏写了名字的算赞成，标“不赞成”的算不赞成，没有标记的算弃权——再与公布的得票逐人比对。
      </Typography.Paragraph>
      <Alert
        type={r.isAllMatch ? 'success' : 'error'}
        showIcon
        title={r.isAllMatch ? '复核一致：各人得票与公布结果相同' : '复核发现不一致，请向监票人反映'}
        description={
          <>
            <div>{summary}</div>
            {r.ruleProblems.length ? (
              <ul className="uh-el-blockers">
                {r.ruleProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </>
        }
        data-testid="recount-result"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        下表数字依次为 赞成 / 不赞成 / 弃权（另选他人只计赞成）。
      </Typography.Text>
      <Table<RecountRow> rowKey="key" size="small" columns={columns} dataSource={r.rows} pagination={false} data-testid="recount-table" />
    </Flex>
  );
}
