import type { KeyboardEvent, Ref } from 'react';
import { BALLOT_MARK_LABELS, BALLOT_MARKS, type BallotMark } from '../../../contracts/elections';
import './elections-ballot.css';

/**
 * 赞成 / 不赞成 / 弃权 for one candidate as a radio group of three wide buttons; tapping the chosen one again clears
 * it (no choice counts as 弃权). `onKeyDown` lets the paper-entry form take 1 / 2 / 3 from the keyboard.
 */
export function MarkButtons({
  name,
  value,
  onChange,
  size = 'large',
  onKeyDown,
  groupRef,
  testId,
}: {
  name: string;
  value: BallotMark | undefined;
  onChange: (mark: BallotMark | undefined) => void;
  size?: 'large' | 'small';
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  groupRef?: Ref<HTMLDivElement>;
  testId?: string;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={`对 ${name} 的选择`}
      className={`uh-el-marks uh-el-marks-${size}`}
      tabIndex={onKeyDown ? 0 : undefined}
      onKeyDown={onKeyDown}
      ref={groupRef}
      data-testid={testId}
    >
      {BALLOT_MARKS.map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={value === m}
          tabIndex={onKeyDown ? -1 : 0}
          className={`uh-el-mark uh-el-mark-${m}${value === m ? ' uh-el-mark-on' : ''}`}
          onClick={() => onChange(value === m ? undefined : m)}
        >
          {BALLOT_MARK_LABELS[m]}
        </button>
      ))}
    </div>
  );
}
