import { Tag } from 'antd';
import { SIGNUP_PHASE_LABELS, type SignupPhase } from '../../../contracts/activities';

const COLORS: Record<SignupPhase, string | undefined> = {
  none: undefined,
  not_open: 'blue',
  open: 'green',
  full: 'orange',
  closed: 'default',
  ended: 'default',
  cancelled: 'red',
};

/** Where an activity stands for sign-up: 报名中, 已满可候补, 报名已截止, 已结束, 已取消 … */
export function PhaseTag({ phase }: { phase: SignupPhase }) {
  return (
    <Tag color={COLORS[phase]} style={{ marginInlineEnd: 0 }} data-testid="activity-phase">
      {SIGNUP_PHASE_LABELS[phase]}
    </Tag>
  );
}
