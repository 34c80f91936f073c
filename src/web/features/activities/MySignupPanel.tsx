import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Modal, Tooltip, Typography } from 'antd';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { errorMessage } from '../../components';
import { formatMoment, isActiveRegistration } from './activity-format';
import type { ActivityDetail, RegistrationView } from './activity-types';
import { MyStatusTags } from './ActivityCard';
import { SignupFormModal } from './SignupFormModal';
import { useCancelSignUp, useSignUp } from './use-activities';

/** What my standing means, in a sentence. */
function statusExplanation(a: ActivityDetail): string | null {
  const me = a.me;
  if (me?.attendedAt) return `您已于 ${formatMoment(me.attendedAt)} 签到。`;
  switch (me?.status) {
    case 'confirmed':
      return a.phase === 'ended' ? null : '您已报名，请按时参加。';
    case 'waitlisted':
      return `您在候补名单第 ${me.waitlistPosition ?? '—'} 位。有人取消报名时将按顺序自动递补，递补成功会通知您。`;
    case 'pending':
      return '报名已提交，等待组织者审核，审核结果会通知您。';
    case 'rejected':
      return '您的报名未通过组织者审核。';
    default:
      return null;
  }
}

/** Why 取消报名 is greyed out: the deadline has passed (cancelDeadline, or the start when there is none). */
function cancelRefusal(a: ActivityDetail, now: Date): string {
  const deadline = a.cancelDeadline ?? a.startsAt;
  if (Date.parse(deadline) <= now.getTime()) return `已过取消截止时间（${formatMoment(deadline)}），如不能参加请联系组织者。`;
  return '现在不能取消报名，如有需要请联系组织者。';
}

/** What withdrawing costs, said before the member confirms. */
function cancelConsequence(a: ActivityDetail): string {
  switch (a.me?.status) {
    case 'confirmed':
      return a.capacity === null ? '取消后如需参加，需要重新报名。' : '取消后名额会让给候补的同事，再报名时可能已经满员。';
    case 'waitlisted':
      return '退出后如需参加，需要重新报名，并排到候补名单的末尾。';
    default:
      return '撤回后如需参加，需要重新报名。';
  }
}

/** My answers to the sign-up questions, in the activity's order: "项目：混双　尺码：XL". */
function answersText(a: ActivityDetail): string | null {
  const answers = a.me?.answers ?? {};
  const parts = a.fields.filter((f) => answers[f.key]).map((f) => `${f.label}：${answers[f.key]}`);
  return parts.length ? parts.join('　') : null;
}

function cancelLabel(a: ActivityDetail): string {
  if (a.me?.status === 'waitlisted') return '退出候补';
  if (a.me?.status === 'pending') return '撤回报名';
  return '取消报名';
}

/**
 * My part in an activity: my standing (已报名 / 候补第 N 位 / 待审核 / 已签到) with its explanation, and the
 * actions the server allows — 报名 (with the sign-up form when the activity asks questions), 取消报名 (confirmed
 * first; greyed out with the reason after the deadline), 签到 (explains scanning the code on site) — or the
 * reason I cannot sign up.
 */
export function MySignupPanel({ activity }: { activity: ActivityDetail }) {
  const a = activity;
  const { message, modal } = App.useApp();
  const [isFormOpen, setFormOpen] = useState(false);
  const [isCheckinHelpOpen, setCheckinHelpOpen] = useState(false);
  const signUp = useSignUp(a.id);
  const cancel = useCancelSignUp(a.id);
  const isRegistered = isActiveRegistration(a.me);
  const explanation = statusExplanation(a);
  const isFull = a.phase === 'full';

  const announce = (view: RegistrationView) => {
    if (view.status === 'waitlisted') void message.warning(view.message);
    else void message.success(view.message);
  };
  const startSignUp = () => {
    if (a.fields.length > 0) setFormOpen(true);
    else signUp.mutate({}, { onSuccess: announce, onError: (e) => void message.error(errorMessage(e)) });
  };
  const confirmCancel = () =>
    modal.confirm({
      title: a.me?.status === 'waitlisted' ? '确定退出候补吗？' : '确定取消报名吗？',
      content: cancelConsequence(a),
      okText: cancelLabel(a),
      okButtonProps: { danger: true },
      cancelText: '再想想',
      onOk: () =>
        cancel.mutateAsync().then(
          (view) => void message.success(view.message),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });

  const actions: ReactNode[] = [];
  if (a.can.signUp) {
    actions.push(
      <Button key="signup" type="primary" size="large" onClick={startSignUp} loading={signUp.isPending} data-testid="activity-signup">
        {isFull ? '报名候补' : a.me?.status === 'cancelled' || a.me?.status === 'rejected' ? '重新报名' : '报名'}
      </Button>,
    );
  }
  if (a.can.checkIn && !a.me?.attendedAt) {
    actions.push(
      <Button key="checkin" type={a.can.signUp ? 'default' : 'primary'} size="large" onClick={() => setCheckinHelpOpen(true)} data-testid="activity-checkin">
        签到
      </Button>,
    );
  }
  // Withdrawing makes sense until the activity is over, and not once one has been marked present.
  const isWithdrawable = isRegistered && !a.me?.attendedAt && a.status === 'published' && a.phase !== 'ended';
  if (isWithdrawable) {
    actions.push(
      a.can.cancel ? (
        <Button key="cancel" size="large" onClick={confirmCancel} loading={cancel.isPending} data-testid="activity-cancel-signup">
          {cancelLabel(a)}
        </Button>
      ) : (
        <Tooltip key="cancel" title={cancelRefusal(a, new Date())}>
          <Button size="large" disabled data-testid="activity-cancel-signup">
            {cancelLabel(a)}
          </Button>
        </Tooltip>
      ),
    );
  }
  const cancelNote = isWithdrawable && !a.can.cancel ? cancelRefusal(a, new Date()) : null;
  const hasStatus = !!a.me?.status || !!a.me?.attendedAt;

  // A cancelled activity says so above the panel; one without sign-up needs a plain word, not a refusal.
  const blocker = isRegistered || a.status === 'cancelled' ? null : a.phase === 'none' ? null : a.signUpBlocker;
  const noSignupNote = a.phase === 'none' && a.status === 'published' && !a.me?.attendedAt ? '本活动无需报名，请按时参加，到场后扫码签到。' : null;
  if (!hasStatus && actions.length === 0 && !blocker && !noSignupNote) return null;
  return (
    <Card size="small" title={a.phase === 'none' && !a.me?.status ? '参加方式' : '我的报名'} data-testid="activity-my-panel">
      <div className="uh-mact-panel">
        {hasStatus ? (
          <div className="uh-mact-status-line">
            <MyStatusTags activity={a} />
          </div>
        ) : null}
        {explanation ? <Typography.Text>{explanation}</Typography.Text> : null}
        {isRegistered && answersText(a) ? (
          <Typography.Text type="secondary" data-testid="activity-my-answers">
            报名信息　{answersText(a)}
          </Typography.Text>
        ) : null}
        {noSignupNote ? <Typography.Text>{noSignupNote}</Typography.Text> : null}
        {blocker ? <Alert type="info" showIcon title={blocker} data-testid="activity-blocker" /> : null}
        {a.can.signUp && a.needsApproval ? <Typography.Text type="secondary">本活动报名后需组织者审核。</Typography.Text> : null}
        {a.can.signUp && isFull ? <Typography.Text type="secondary">名额已满，现在报名将进入候补名单，有人取消时按顺序自动递补。</Typography.Text> : null}
        {actions.length ? <div className="uh-mact-actions">{actions}</div> : null}
        {cancelNote ? (
          <Typography.Text type="secondary" data-testid="activity-cancel-note">
            {cancelNote}
          </Typography.Text>
        ) : null}
      </div>
      <SignupFormModal
        activityId={a.id}
        title={a.title}
        fields={a.fields}
        initialAnswers={a.me?.answers ?? {}}
        isFull={isFull}
        open={isFormOpen}
        onClose={() => setFormOpen(false)}
        onDone={announce}
      />
      <Modal
        open={isCheckinHelpOpen}
        title="扫码签到"
        onCancel={() => setCheckinHelpOpen(false)}
        footer={
          <Button type="primary" onClick={() => setCheckinHelpOpen(false)}>
            知道了
          </Button>
        }
      >
        <Typography.Paragraph>请到活动现场，用手机相机扫描组织者屏幕上的签到二维码，打开链接后即自动签到。</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          二维码每 {ACTIVITY_LIMITS.checkinWindowSeconds} 秒更换一次，请在现场扫描，转发的截图很快就会失效。签到需要在本机登录您的账号。
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
