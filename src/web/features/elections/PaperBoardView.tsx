import { useState } from 'react';
import { Alert, Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useIsPhone } from '../../components';
import { PAPER_STATE_COLORS, PAPER_STATE_LABELS, paperProgressText } from './election-format';
import type { PaperBoard } from './elections-types';

type Line = PaperBoard['ballots'][number];
type View = 'all' | 'mismatch' | 'single' | 'matched';
const VIEW_LABELS: Record<View, string> = { all: '全部', mismatch: '不一致', single: '已录一次', matched: '两次一致' };

/**
 * 录入情况: each paper ballot's state — entered once, twice and matching, or not matching with each difference —
 * who entered it, whether I did, and what still stops the count. A row's button sets the entry form's number
 * (a second entry, or re-entering my reading of a mismatch).
 */
export function PaperBoardView({ board, canEnter, onPick }: { board: PaperBoard; canEnter: boolean; onPick: (no: number) => void }) {
  const [view, setView] = useState<View>(() => (board.ballots.some((b) => b.state === 'mismatch') ? 'mismatch' : 'all'));
  const counts: Record<View, number> = {
    all: board.ballots.length,
    mismatch: board.ballots.filter((b) => b.state === 'mismatch').length,
    single: board.ballots.filter((b) => b.state === 'single').length,
    matched: board.ballots.filter((b) => b.state === 'matched').length,
  };
  const isPhone = useIsPhone();
  // A second entry of someone else's ballot, or re-entering my own reading of a mismatch.
  const action = (b: Line) => {
    if (!canEnter || b.state === 'matched' || (b.state === 'mismatch') !== b.mine) return null;
    return (
      <Button size="small" onClick={() => onPick(b.no)}>
        {b.state === 'mismatch' ? '重新录入' : '第二次录入'}
      </Button>
    );
  };
  const shown = board.ballots.filter((b) => view === 'all' || b.state === view).sort((a, b) => a.no - b.no);
  const columns: TableColumnsType<Line> = [
    { key: 'no', title: isPhone ? '号' : '编号', width: isPhone ? 44 : 72, render: (_v, b) => (isPhone ? b.no : `第 ${b.no} 号`) },
    {
      key: 'state',
      title: '状态',
      width: isPhone ? 96 : 110,
      render: (_v, b) => (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={PAPER_STATE_COLORS[b.state]}>{PAPER_STATE_LABELS[b.state]}</Tag>
          {b.mine ? <span className="uh-el-muted">我已录入</span> : null}
          {isPhone ? action(b) : null}
        </Flex>
      ),
    },
    {
      key: 'detail',
      title: '录入人 / 差异',
      render: (_v, b) => (
        <Flex vertical gap={2}>
          <span>{b.enteredBy.join('、') || '—'}</span>
          {b.differences.length ? (
            <ul className="uh-el-diffs" data-testid="paper-differences">
              {b.differences.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Flex>
      ),
    },
    ...(canEnter && !isPhone ? [{ key: 'act', title: '', width: 96, render: (_v: unknown, b: Line) => action(b) }] : []),
  ];
  return (
    <Flex vertical gap={8} data-testid="paper-board">
      <Typography.Text strong data-testid="paper-progress">
        {paperProgressText(board)}
      </Typography.Text>
      {board.blockers.length ? (
        <Alert
          type="warning"
          showIcon
          title="以下问题解决后才能计票"
          description={
            <ul className="uh-el-blockers">
              {board.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
          data-testid="paper-blockers"
        />
      ) : (
        <Alert type="success" showIcon title="纸质选票录入无误，可以计票" data-testid="paper-ready" />
      )}
      <Segmented size="small" value={view} onChange={(v) => setView(v as View)} options={(Object.keys(VIEW_LABELS) as View[]).map((v) => ({ value: v, label: `${VIEW_LABELS[v]} ${counts[v]}` }))} />
      <Table<Line>
        rowKey="no"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        rowClassName={(b) => (b.state === 'mismatch' ? 'uh-el-row-mismatch' : '')}
        locale={{ emptyText: view === 'all' ? '还没有录入纸质选票' : '没有' }}
      />
    </Flex>
  );
}
