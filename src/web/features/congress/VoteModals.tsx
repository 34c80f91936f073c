import { useMutation } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography, type ButtonProps } from 'antd';
import { CONGRESS_LIMITS, VOTE_CHANNEL_LABELS, VOTE_CHANNELS, VOTE_MODE_LABELS, VOTE_MODES, type VoteChannel, type VoteMode } from '../../../contracts/congress';
import { paperTallyProblem } from '../../../domain/congress/voting';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import type { SessionDetail, VoteView } from './congress-types';
import { useRefreshCongress } from './use-congress';

/** The free-title choice of the agenda select. */
const FREE = 'free';

interface VoteFormValues {
  agendaItemId: string;
  title: string;
  mode: VoteMode;
  channel: VoteChannel;
}

const MODE_HINTS: Record<VoteMode, string> = {
  named: '记名表决：结束后管理人员可查看每位代表的意见。',
  secret: '无记名表决：只记录谁已投票，不记录谁投了什么；选举和重要事项宜用无记名表决。',
};
const CHANNEL_HINTS: Record<VoteChannel, string> = {
  online: '已签到的代表在手机上投票，每人一票。',
  paper: '在会场发放纸质选票，计票后由工作人员录入赞成、反对、弃权票数。',
};

/**
 * 安排表决: on an agenda item (its title) or a free title; 记名 / 无记名, 手机 / 纸质. An election defaults to a secret
 * ballot. The vote waits as 未开始 until it is opened with a quorum.
 */
export function VoteCreateModal({ session, open, onClose }: { session: SessionDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<VoteFormValues>();
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const voted = new Set(session.votes.map((v) => v.agendaItemId));
  const first = session.agenda.find((a) => !voted.has(a.id));
  const itemId = (Form.useWatch('agendaItemId', form) as string | undefined) ?? first?.id ?? FREE;
  const mode = (Form.useWatch('mode', form) as VoteMode | undefined) ?? 'named';
  const channel = (Form.useWatch('channel', form) as VoteChannel | undefined) ?? 'online';
  const save = useMutation({
    mutationFn: (v: VoteFormValues) =>
      api.send('POST', `/congress/sessions/${session.id}/votes`, {
        agendaItemId: v.agendaItemId === FREE ? null : v.agendaItemId,
        ...(v.agendaItemId === FREE || v.title.trim() ? { title: v.title.trim() } : {}),
        mode: v.mode,
        channel: v.channel,
      }),
    onSuccess: () => {
      void refresh();
      message.success('表决事项已安排，到会人数达到三分之二后即可开始表决');
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title="安排表决"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="安排"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'vote-create-save' } as ButtonProps}
      destroyOnHidden
      width={600}
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<VoteFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ agendaItemId: first?.id ?? FREE, title: '', mode: first?.kind === 'election' ? 'secret' : 'named', channel: 'online' }}
        onValuesChange={(changed: Partial<VoteFormValues>) => {
          const item = session.agenda.find((a) => a.id === changed.agendaItemId);
          if (item) form.setFieldValue('mode', item.kind === 'election' ? 'secret' : 'named');
        }}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="vote-form"
      >
        {formError.alert}
        <Form.Item name="agendaItemId" label="议题">
          <Select
            options={[
              ...session.agenda.map((a, i) => ({ value: a.id, label: `${i + 1}. ${a.title}${voted.has(a.id) ? '（已安排表决）' : ''}` })),
              { value: FREE, label: '其他事项（填写表决事项）' },
            ]}
            data-testid="vote-agenda"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="表决事项"
          extra={itemId === FREE ? undefined : '不填则用议题名称，如“关于学校工作报告的决议”可在此填写'}
          rules={itemId === FREE ? [{ required: true, whitespace: true, message: '请填写表决事项' }] : []}
        >
          <Input maxLength={CONGRESS_LIMITS.titleMax} data-testid="vote-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="mode" label="表决方式" extra={MODE_HINTS[mode]}>
              <Radio.Group optionType="button" options={VOTE_MODES.map((m) => ({ value: m, label: VOTE_MODE_LABELS[m] }))} data-testid="vote-mode" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="channel" label="投票方式" extra={CHANNEL_HINTS[channel]}>
              <Radio.Group optionType="button" options={VOTE_CHANNELS.map((c) => ({ value: c, label: VOTE_CHANNEL_LABELS[c] }))} data-testid="vote-channel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

interface TallyValues {
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

/**
 * 录入纸质票: the tellers' three totals, checked as typed against 实到 (no more ballots than people present); the
 * result stays hidden until the vote is closed. Entering again replaces the totals.
 */
export function PaperTallyModal({ vote, present, onClose }: { vote: VoteView | null; present: number; onClose: () => void }) {
  const [form] = Form.useForm<TallyValues>();
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const values = Form.useWatch([], form) as TallyValues | undefined;
  const t = { yes: values?.yes ?? 0, no: values?.no ?? 0, abstain: values?.abstain ?? 0 };
  const shownPresent = Math.max(present, vote?.present ?? 0);
  const problem = paperTallyProblem({ present: shownPresent, ...t });
  const save = useMutation({
    mutationFn: (v: TallyValues) => api.send('POST', `/congress/votes/${vote!.id}/paper`, { yes: v.yes ?? 0, no: v.no ?? 0, abstain: v.abstain ?? 0 }),
    onSuccess: () => {
      void refresh();
      message.success('纸质选票票数已录入，结束表决后公布结果');
      onClose();
    },
    onError: formError.onError,
  });
  const tally = vote?.paperTally;
  const field = (name: keyof TallyValues, label: string) => (
    <Col span={8}>
      <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}票数` }]}>
        <InputNumber min={0} max={100000} precision={0} suffix="票" style={{ width: '100%' }} inputMode="numeric" data-testid={`paper-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      title={vote ? `录入纸质选票：${vote.title}` : '录入纸质选票'}
      open={vote !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="录入"
      okButtonProps={{ loading: save.isPending, disabled: problem !== null, 'data-testid': 'paper-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<TallyValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ yes: tally?.yes ?? null, no: tally?.no ?? null, abstain: tally?.abstain ?? null }}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="paper-form"
      >
        {formError.alert}
        <Row gutter={12}>
          {field('yes', '赞成')}
          {field('no', '反对')}
          {field('abstain', '弃权')}
        </Row>
        <Typography.Text type={problem ? 'danger' : 'secondary'} data-testid="paper-sum">
          {problem ?? `合计 ${t.yes + t.no + t.abstain} 票，实到 ${shownPresent} 人`}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
