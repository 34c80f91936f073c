import { useRef, useState, type KeyboardEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, InputNumber, Tag, Typography, type InputRef } from 'antd';
import { BALLOT_MARK_LABELS, type BallotMark } from '../../../contracts/elections';
import { api } from '../../lib/api';
import { errorMessage } from '../../components';
import { ballotMarks, cleanWriteIns, tooManyYesWarning } from './ballot-rules';
import { nextPaperNumber, PAPER_STATE_COLORS, PAPER_STATE_LABELS } from './election-format';
import type { Candidate, PaperBoard, Round } from './elections-types';
import { MarkButtons } from './MarkButtons';
import { useRefreshElections } from './use-elections';

/** The keys a teller types on a candidate's row: 1 赞成, 2 不赞成, 3 (or 0) 弃权. */
const KEY_MARKS: Record<string, BallotMark | undefined> = { '1': 'yes', y: 'yes', '2': 'no', n: 'no', '3': undefined, '0': undefined, a: undefined };

/** Write-ins typed in one box, separated by 、 ， , ; or new lines (a name may carry a space: "王 芳"). */
const splitNames = (text: string) => cleanWriteIns(text.split(/[、，,;；\n]+/));

/**
 * 录入纸质选票, made for a teller at a keyboard: the ballot number (the next one they have not entered is ready after
 * each save), then per candidate 1 / 2 / 3 for 赞成 / 不赞成 / 弃权 (the row moves on by itself; unmarked = 弃权), the
 * write-ins, 废票, and Enter to save. `picked` (a board row's 录入) sets the number from outside.
 */
export function PaperEntryForm({ round, candidates, board, picked }: { round: Round; candidates: Candidate[]; board: PaperBoard | undefined; picked: { no: number; at: number } | null }) {
  const refresh = useRefreshElections();
  const client = useQueryClient();
  const last = board?.returned ?? null;
  const [typedNo, setTypedNo] = useState<{ no: number | null; at: number } | null>(null);
  const [marks, setMarks] = useState<Record<string, BallotMark | undefined>>({});
  const [writeInText, setWriteInText] = useState('');
  const [isSpoilt, setSpoilt] = useState(false);
  const [lastSaved, setLastSaved] = useState<number | null>(null);
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const writeInRef = useRef<InputRef>(null);
  // The number shown: the last one typed or picked on the board (whichever came later), else the next one to enter.
  const chosen = [typedNo, picked].filter((x): x is { no: number | null; at: number } => x !== null).sort((a, b) => b.at - a.at)[0];
  const no = chosen ? chosen.no : nextPaperNumber(board, 0, last);
  const writeIns = splitNames(writeInText);
  const entry = { marks: isSpoilt ? {} : ballotMarks(marks, round.candidateIds), writeIns: isSpoilt ? [] : writeIns, spoilt: isSpoilt };
  const warning = isSpoilt ? null : tooManyYesWarning(entry, round.seats, candidates);
  const save = useMutation({
    mutationFn: (n: number) => api.send<PaperBoard>('PUT', `/elections/rounds/${round.id}/paper/${n}`, entry),
    onSuccess: (next, n) => {
      client.setQueryData(['elections', 'paper', round.id], next);
      void refresh();
      setLastSaved(n);
      setMarks({});
      setWriteInText('');
      setSpoilt(false);
      setTypedNo({ no: nextPaperNumber(next, n, next.returned), at: Date.now() });
      rows.current[0]?.focus();
    },
  });
  const submit = () => {
    if (no === null || save.isPending) return;
    save.mutate(no);
  };
  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key.toLowerCase();
    if (key in KEY_MARKS) {
      e.preventDefault();
      const id = candidates[i].id;
      setMarks((prev) => ({ ...prev, [id]: KEY_MARKS[key] }));
      if (i + 1 < candidates.length) rows.current[i + 1]?.focus();
      else writeInRef.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows.current[e.key === 'ArrowDown' ? Math.min(i + 1, candidates.length - 1) : Math.max(i - 1, 0)]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };
  const savedState = lastSaved === null ? undefined : board?.ballots.find((b) => b.no === lastSaved);
  return (
    <div className="uh-el-paper-entry" data-testid="paper-entry">
      <div className="uh-el-paper-no">
        <label htmlFor={`paper-no-${round.id}`}>选票编号</label>
        <InputNumber
          id={`paper-no-${round.id}`}
          min={1}
          max={5000}
          precision={0}
          size="large"
          value={no}
          onChange={(v) => setTypedNo({ no: typeof v === 'number' ? v : null, at: Date.now() })}
          onPressEnter={(e) => {
            e.preventDefault();
            rows.current[0]?.focus();
          }}
          prefix="第"
          suffix="号"
          style={{ width: 160 }}
          data-testid="paper-no"
        />
        {lastSaved !== null ? (
          <span className="uh-el-paper-saved" data-testid="paper-saved">
            已保存第 {lastSaved} 号{savedState ? <Tag color={PAPER_STATE_COLORS[savedState.state]} style={{ marginInlineStart: 6 }}>{PAPER_STATE_LABELS[savedState.state]}</Tag> : null}
          </span>
        ) : null}
      </div>
      <Typography.Text type="secondary" className="uh-el-keys">
        键盘：在候选人一行按 1 赞成、2 不赞成、3 弃权（自动跳到下一行），↑↓ 换行，Enter 保存。未标记的按弃权计。
      </Typography.Text>
      <div className={isSpoilt ? 'uh-el-paper-rows uh-el-disabled' : 'uh-el-paper-rows'}>
        {candidates.map((c, i) => (
          <div key={c.id} className="uh-el-paper-row" data-testid="paper-row" data-name={c.name}>
            <span className="uh-el-paper-name">
              <span className="uh-el-muted">{i + 1}.</span> {c.name}
            </span>
            <MarkButtons
              name={c.name}
              size="small"
              value={marks[c.id]}
              onChange={(m) => setMarks((prev) => ({ ...prev, [c.id]: m }))}
              onKeyDown={onRowKey(i)}
              groupRef={(el) => {
                rows.current[i] = el;
              }}
            />
            <span className="uh-el-paper-mark">{marks[c.id] ? BALLOT_MARK_LABELS[marks[c.id]!] : '弃权'}</span>
          </div>
        ))}
      </div>
      <div className="uh-el-paper-extra">
        <Input
          ref={writeInRef}
          value={writeInText}
          disabled={isSpoilt}
          onChange={(e) => setWriteInText(e.target.value)}
          onPressEnter={submit}
          placeholder="另选他人姓名，多人用顿号分隔"
          aria-label="另选他人"
          data-testid="paper-writeins"
        />
        <Checkbox checked={isSpoilt} onChange={(e) => setSpoilt(e.target.checked)} data-testid="paper-spoilt">
          废票（无法辨认）
        </Checkbox>
      </div>
      {warning ? <Alert type="warning" showIcon title={`${warning}，计票时为无效票`} /> : null}
      {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} data-testid="paper-error" /> : null}
      <Button type="primary" size="large" onClick={submit} disabled={no === null} loading={save.isPending} data-testid="paper-save">
        {no === null ? '收回的选票已全部录入' : `保存第 ${no} 号（Enter）`}
      </Button>
    </div>
  );
}
