import { useMutation } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import {
  DEFAULT_DIFFERENTIAL_PERCENT,
  DIFFERENTIAL_POSITIONS,
  ELECTION_LIMITS,
  ELECTION_MEETING_LABELS,
  ELECTION_MEETINGS,
  ELECTION_POSITION_LABELS,
  type ElectionInput,
  type ElectionMeeting,
  type ElectionPosition,
} from '../../../contracts/elections';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { POSITION_OPTIONS } from './election-format';
import type { ElectionDetail } from './elections-types';
import { MeetingSessionSelect } from './MeetingSessionSelect';
import { useRefreshElections } from './use-elections';

interface Values {
  title: string;
  position: ElectionPosition;
  seats: number;
  differentialPercent: number;
  meetingKind: ElectionMeeting;
  sessionId: string | null;
  channels: ('online' | 'paper')[];
}

const CHANNEL_OPTIONS = [
  { value: 'online', label: '手机投票' },
  { value: 'paper', label: '纸质选票' },
];

/** ⌈seats × percent / 100⌉ in integers, as the server counts the extra candidates a 差额 election needs. */
const extraNeeded = (seats: number, percent: number) => Math.floor((seats * percent + 99) / 100);

function initialValues(e?: ElectionDetail): Values {
  if (!e) return { title: `${ELECTION_POSITION_LABELS.committee}选举`, position: 'committee', seats: 7, differentialPercent: DEFAULT_DIFFERENTIAL_PERCENT, meetingKind: 'congress', sessionId: null, channels: ['online', 'paper'] };
  return {
    title: e.title,
    position: e.position,
    seats: e.seats,
    differentialPercent: e.differentialPercent,
    meetingKind: e.meeting.kind,
    sessionId: e.meeting.kind === 'congress' ? e.meeting.sessionId : null,
    channels: [...(e.online ? (['online'] as const) : []), ...(e.paper ? (['paper'] as const) : [])],
  };
}

function toInput(v: Values): ElectionInput {
  return {
    title: v.title,
    position: v.position,
    seats: v.seats,
    differentialPercent: v.differentialPercent,
    meeting: v.meetingKind === 'congress' ? { kind: 'congress', sessionId: v.sessionId ?? '' } : { kind: 'members' },
    online: v.channels.includes('online'),
    paper: v.channels.includes('paper'),
  };
}

/** The 差额 rule for what is typed, before the server's own wording appears on the election. */
function ruleHint(position: ElectionPosition, seats: number, percent: number): string {
  if (!DIFFERENTIAL_POSITIONS.includes(position)) return `${ELECTION_POSITION_LABELS[position]}可以等额选举：候选人不少于应选名额（${seats || 0} 人）即可`;
  const extra = extraNeeded(seats || 0, percent || 0);
  return `差额选举：候选人至少 ${(seats || 0) + extra} 人（应选 ${seats || 0} 名，多出 ${seats || 0} × ${percent || 0}% 向上取整 = ${extra} 人）`;
}

/**
 * 新建选举 / 编辑选举 (a draft): name, position, seats, the meeting (a congress session or a members' meeting), the
 * ways of voting and, for a committee, the 差额 percentage.
 */
export function ElectionFormModal({ election, open, onClose }: { election?: ElectionDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const formError = useFormError(form);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshElections();
  const save = useMutation({
    mutationFn: (v: Values) => (election ? api.send<ElectionDetail>('PATCH', `/elections/${election.id}`, toInput(v)) : api.send<ElectionDetail>('POST', '/elections', toInput(v))),
    onSuccess: (saved) => {
      void refresh();
      message.success(election ? '选举已保存' : '选举已建立，请添加候选人');
      onClose();
      if (!election) navigate(`/elections/${saved.id}/manage`);
    },
    onError: formError.onError,
  });
  const position = (Form.useWatch('position', form) as ElectionPosition | undefined) ?? 'committee';
  const seats = (Form.useWatch('seats', form) as number | undefined) ?? 0;
  const percent = (Form.useWatch('differentialPercent', form) as number | undefined) ?? DEFAULT_DIFFERENTIAL_PERCENT;
  const meetingKind = (Form.useWatch('meetingKind', form) as ElectionMeeting | undefined) ?? 'congress';
  return (
    <Modal
      title={election ? '编辑选举' : '新建选举'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={election ? '保存' : '建立'}
      cancelText="取消"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'election-form-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues(election)}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        onValuesChange={(changed: Partial<Values>) => {
          // A fresh election is named after its position until the organiser types a name of their own.
          if (changed.position && !election && !form.isFieldTouched('title')) form.setFieldValue('title', `${ELECTION_POSITION_LABELS[changed.position]}选举`);
        }}
        data-testid="election-form"
      >
        {formError.alert}
        <Form.Item name="position" label="选举职务" rules={[{ required: true, message: '请选择选举的职务' }]}>
          <Select options={POSITION_OPTIONS} data-testid="election-position" />
        </Form.Item>
        <Form.Item name="title" label="选举名称" rules={[{ required: true, whitespace: true, message: '请填写选举名称' }]}>
          <Input maxLength={ELECTION_LIMITS.titleMax} placeholder="如：第五届工会委员会委员选举" data-testid="election-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="seats" label="应选名额" rules={[{ required: true, message: '请填写应选名额' }]}>
              <InputNumber min={1} max={ELECTION_LIMITS.seatsMax} precision={0} suffix="名" style={{ width: '100%' }} data-testid="election-seats" />
            </Form.Item>
          </Col>
          {DIFFERENTIAL_POSITIONS.includes(position) ? (
            <Col xs={12}>
              <Form.Item name="differentialPercent" label="差额比例" rules={[{ required: true, message: '请填写差额比例' }]}>
                <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="election-percent" />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <div className="uh-el-hint" data-testid="election-rule-hint">
          {ruleHint(position, seats, percent)}
        </div>
        <Form.Item name="meetingKind" label="选举在哪次会议上进行">
          <Radio.Group optionType="button" options={ELECTION_MEETINGS.map((m) => ({ value: m, label: ELECTION_MEETING_LABELS[m] }))} data-testid="election-meeting" />
        </Form.Item>
        {meetingKind === 'congress' ? (
          <Form.Item name="sessionId" label="教代会会议" rules={[{ required: true, message: '请选择教代会会议' }]} extra="选举人为本届正式代表，出席按会议签到计">
            <MeetingSessionSelect />
          </Form.Item>
        ) : (
          <div className="uh-el-hint">选举人为本会在册会员（保留会籍的除外）；开始选举后在“出席”中登记到会人员。</div>
        )}
        <Form.Item name="channels" label="投票方式" rules={[{ required: true, type: 'array', min: 1, message: '投票方式至少选择一种（手机或纸质选票）' }]}>
          <Checkbox.Group options={CHANNEL_OPTIONS} data-testid="election-channels" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
