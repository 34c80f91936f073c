import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, InputNumber, Row, Typography } from 'antd';
import { ELECTION_LIMITS } from '../../../contracts/elections';
import { api } from '../../lib/api';
import { ErrorAlert, errorMessage } from '../../components';
import type { Candidate, ElectionDetail, PaperBoard, Round } from './elections-types';
import { PaperBoardView } from './PaperBoardView';
import { PaperEntryForm } from './PaperEntryForm';
import { useRefreshElections } from './use-elections';

/** 打印选票: how many numbered copies (at most those due), downloaded as a Word file. */
function PrintBallots({ round }: { round: Round }) {
  const [copies, setCopies] = useState<number | null>(round.present || round.due);
  const max = Math.min(round.due, ELECTION_LIMITS.copiesMax);
  const href = copies ? api.url(`/elections/rounds/${round.id}/ballots.docx`, { copies }) : undefined;
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text>打印选票</Typography.Text>
      <InputNumber min={1} max={max} precision={0} value={copies} onChange={(v) => setCopies(typeof v === 'number' ? v : null)} suffix="份" style={{ width: 120 }} aria-label="选票份数" data-testid="print-copies" />
      <Button href={href} disabled={!href} data-testid="print-ballots">
        下载选票（Word）
      </Button>
      <Typography.Text type="secondary">选票不印编号，计票时由计票人依次编号后录入；最多 {max} 份（应到人数）</Typography.Text>
    </Flex>
  );
}

/** 发出 / 收回: the paper ballots handed out and collected, as the scrutineers counted them. */
function PaperCount({ round }: { round: Round }) {
  const { message } = App.useApp();
  const refresh = useRefreshElections();
  const [issued, setIssued] = useState<number | null>(round.paperIssued);
  const [returned, setReturned] = useState<number | null>(round.paperReturned);
  const save = useMutation({
    mutationFn: () => api.send('PUT', `/elections/rounds/${round.id}/paper-count`, { issued, returned }),
    onSuccess: () => {
      void refresh();
      message.success('发出、收回票数已保存');
    },
  });
  const isOver = issued !== null && returned !== null && returned > issued;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <label className="uh-el-inline-field">
          发出
          <InputNumber min={0} max={ELECTION_LIMITS.copiesMax} precision={0} value={issued} onChange={(v) => setIssued(typeof v === 'number' ? v : null)} suffix="张" style={{ width: 110 }} data-testid="paper-issued" />
        </label>
        <label className="uh-el-inline-field">
          收回
          <InputNumber min={0} max={ELECTION_LIMITS.copiesMax} precision={0} value={returned} onChange={(v) => setReturned(typeof v === 'number' ? v : null)} suffix="张" style={{ width: 110 }} data-testid="paper-returned" />
        </label>
        <Button onClick={() => save.mutate()} disabled={issued === null || returned === null} loading={save.isPending} data-testid="paper-count-save">
          保存
        </Button>
      </Flex>
      {isOver ? <Alert type="warning" showIcon title="收回多于发出：按规定本轮选举无效。请监票人再次清点。" /> : null}
      {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
    </Flex>
  );
}

/**
 * The paper side of an open round: print, 发出 / 收回 (managers), and for the tellers the entry form beside the
 * board of what has been entered — wide screens side by side, a phone one under the other.
 */
export function PaperSection({ election, round, candidates, board }: { election: ElectionDetail; round: Round; candidates: Candidate[]; board: { data?: PaperBoard; error: unknown } }) {
  const [picked, setPicked] = useState<{ no: number; at: number } | null>(null);
  const canEnter = election.can.enterPaper || election.can.manage;
  return (
    <Flex vertical gap={12} data-testid="paper-section">
      {election.can.manage ? (
        <Card size="small" title="纸质选票">
          <Flex vertical gap={12}>
            <PrintBallots round={round} />
            <PaperCount key={`${round.paperIssued}-${round.paperReturned}`} round={round} />
          </Flex>
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        {canEnter ? (
          <Col xs={24} xl={12}>
            <Card size="small" title="录入纸质选票">
              <PaperEntryForm round={round} candidates={candidates} board={board.data} picked={picked} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} xl={canEnter ? 12 : 24}>
          <Card size="small" title="录入情况">
            {board.error ? <ErrorAlert error={board.error} /> : null}
            {board.data ? <PaperBoardView board={board.data} canEnter={canEnter} onPick={(no) => setPicked({ no, at: Date.now() })} /> : null}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
