import dayjs from 'dayjs';
import { Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Switch, TimePicker, Typography } from 'antd';
import { ACTIVITY_KIND_LABELS, ACTIVITY_LIMITS } from '../../../contracts/activities';
import type { Role } from '../../../contracts/roles';
import { rolesLabel } from '../../components';
import { useCalendarItems, useOwners } from '../calendar/use-calendar';
import type { ActivityType } from './activity-admin-types';
import { AudienceFields } from './AudienceFields';
import { SignupFieldsEditor } from './SignupFieldsEditor';
import { useClubs } from './use-activity-admin';

const DATE_FORMAT = 'YYYY-MM-DD';
const CLOCK_FORMAT = 'YYYY-MM-DD HH:mm';
/** Shown with the weekday (周三) so a wrong day stands out; typed without it. */
const DAY_FORMATS = ['YYYY-MM-DD ddd', DATE_FORMAT];

interface Props {
  isNew: boolean;
  types: ActivityType[];
  /** The type the activity has now, shown even when archived. */
  currentTypeId?: string;
  knownNames?: Record<string, string>;
  /** The day the calendar items are looked up around (the activity's start). */
  aroundDay: string;
}

/** 开始 / 结束: a day and a time of day, side by side. */
function TimeRow({ label, day, time, testId }: { label: string; day: string; time: string; testId: string }) {
  return (
    <Form.Item label={label} required style={{ marginBottom: 16 }}>
      <Flex gap={8}>
        <Form.Item name={day} noStyle rules={[{ required: true, message: `请选择${label}的日期` }]}>
          <DatePicker format={DAY_FORMATS} allowClear={false} style={{ width: 170 }} aria-label={`${label}日期`} data-testid={`${testId}-date`} />
        </Form.Item>
        <Form.Item name={time} noStyle rules={[{ required: true, message: `请选择${label}的时刻` }]}>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} needConfirm={false} style={{ width: 100 }} aria-label={`${label}时刻`} data-testid={`${testId}-time`} />
        </Form.Item>
      </Flex>
    </Form.Item>
  );
}

/** Everything an organiser fills in for an activity, in four cards: 基本信息, 参加对象, 报名, 其他. */
export function ActivityFormFields({ isNew, types, currentTypeId, knownNames, aroundDay }: Props) {
  const owners = useOwners();
  const clubs = useClubs();
  const hasSignup = Form.useWatch('hasSignup') as boolean | undefined;
  const isCapacityLimited = Form.useWatch('isCapacityLimited') as boolean | undefined;
  const isRepeating = Form.useWatch('isRepeating') as boolean | undefined;
  const typeId = Form.useWatch('typeId') as string | undefined;
  const audienceKind = Form.useWatch(['audience', 'kind']) as string | undefined;
  const around = dayjs(aroundDay);
  const calendar = useCalendarItems({
    from: around.subtract(1, 'month').startOf('month').format(DATE_FORMAT),
    to: around.add(6, 'month').endOf('month').format(DATE_FORMAT),
  });
  const typeOptions = types
    .filter((t) => !t.archived || t.id === currentTypeId)
    .map((t) => ({ value: t.id, label: t.name === ACTIVITY_KIND_LABELS[t.kind] ? t.name : `${t.name}（${ACTIVITY_KIND_LABELS[t.kind]}）` }));
  const isClubType = types.find((t) => t.id === typeId)?.kind === 'club';

  return (
    <Flex vertical gap={16}>
      <Card title="基本信息" size="small">
        <Form.Item name="typeId" label="活动类型" rules={[{ required: true, message: '请选择活动类型' }]}>
          <Select placeholder="选择活动类型" options={typeOptions} data-testid="activity-type" />
        </Form.Item>
        <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
          <Input maxLength={ACTIVITY_LIMITS.titleMax} placeholder="如 教职工羽毛球赛、“三八”节健康讲座" data-testid="activity-title" />
        </Form.Item>
        <Form.Item name="description" label="活动介绍">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={ACTIVITY_LIMITS.descriptionMax} placeholder="活动内容、安排、注意事项" data-testid="activity-description" />
        </Form.Item>
        <TimeRow label="开始时间" day="startDate" time="startTime" testId="activity-start" />
        <TimeRow label="结束时间" day="endDate" time="endTime" testId="activity-end" />
        <Form.Item name="place" label="地点">
          <Input maxLength={ACTIVITY_LIMITS.placeMax} placeholder="如 学校体育馆、报告厅" data-testid="activity-place" />
        </Form.Item>
        <Form.Item name="organiserUserId" label="组织者" extra="工会主席、委员、小组长等有职务的人">
          <Select
            allowClear
            placeholder="选择组织者"
            loading={owners.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(owners.data ?? []).map((o) => ({ value: o.userId, label: `${o.name}（${rolesLabel(o.roles.map((role) => ({ role: role as Role })))}）` }))}
            data-testid="activity-organiser"
          />
        </Form.Item>
      </Card>

      <Card title="参加对象" size="small">
        <AudienceFields knownNames={knownNames} />
        {isClubType && audienceKind !== 'club' ? (
          <Form.Item name="clubId" label="所属兴趣小组" extra="小组活动计入该兴趣小组的出勤">
            <Select allowClear placeholder="不属于兴趣小组" options={(clubs.data?.items ?? []).filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : null}
      </Card>

      <Card title="报名" size="small">
        <Form.Item name="hasSignup" label="需要报名" valuePropName="checked" extra={hasSignup ? undefined : '不需报名的活动（如全员学习）只记录签到出勤'}>
          <Switch data-testid="activity-has-signup" />
        </Form.Item>
        {hasSignup ? (
          <>
            <Form.Item label="名额" required style={{ marginBottom: 16 }}>
              <Flex gap={8} align="center" wrap>
                <Form.Item name="isCapacityLimited" noStyle>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: false, label: '不限' },
                      { value: true, label: '限定名额' },
                    ]}
                    data-testid="activity-capacity-kind"
                  />
                </Form.Item>
                {isCapacityLimited ? (
                  <Form.Item name="capacity" noStyle rules={[{ required: true, message: '请填写名额' }]}>
                    <InputNumber min={1} max={ACTIVITY_LIMITS.capacityMax} precision={0} suffix="人" style={{ width: 130 }} aria-label="名额" data-testid="activity-capacity" />
                  </Form.Item>
                ) : null}
              </Flex>
            </Form.Item>
            {isCapacityLimited ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                报满后仍可报名候补；有人取消时，候补第一位自动转为正式报名并收到通知。
              </Typography.Paragraph>
            ) : null}
            <Flex gap={12} wrap>
              <Form.Item name="signupOpensAt" label="报名开始" rules={[{ required: true, message: '请选择报名开始时间' }]} style={{ flex: '1 1 200px' }}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={CLOCK_FORMAT} style={{ width: '100%' }} data-testid="activity-signup-opens" />
              </Form.Item>
              <Form.Item name="signupClosesAt" label="报名截止" rules={[{ required: true, message: '请选择报名截止时间' }]} style={{ flex: '1 1 200px' }}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={CLOCK_FORMAT} style={{ width: '100%' }} data-testid="activity-signup-closes" />
              </Form.Item>
              <Form.Item name="cancelDeadline" label="取消截止" extra="此后不能自行取消报名" style={{ flex: '1 1 200px' }}>
                <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={CLOCK_FORMAT} style={{ width: '100%' }} placeholder="活动开始前都可取消" data-testid="activity-cancel-deadline" />
              </Form.Item>
            </Flex>
            <Form.Item name="needsApproval" valuePropName="checked">
              <Checkbox data-testid="activity-needs-approval">报名需要组织者审核</Checkbox>
            </Form.Item>
            <Form.Item label="报名时填写">
              <SignupFieldsEditor />
            </Form.Item>
          </>
        ) : null}
      </Card>

      <Card title="其他" size="small">
        {isNew ? (
          <Form.Item label="重复" style={{ marginBottom: 16 }}>
            <Flex gap={8} align="center" wrap>
              <Form.Item name="isRepeating" valuePropName="checked" noStyle>
                <Checkbox data-testid="activity-repeat">每周重复</Checkbox>
              </Form.Item>
              {isRepeating ? (
                <>
                  <span>共</span>
                  <Form.Item name="repeatCount" noStyle rules={[{ required: true, message: '请填写重复次数' }]}>
                    <InputNumber min={2} max={ACTIVITY_LIMITS.repeatMax} precision={0} style={{ width: 80 }} aria-label="重复次数" data-testid="activity-repeat-count" />
                  </Form.Item>
                  <span>次（含本次），每次同一时间，各自单独报名和签到</span>
                </>
              ) : null}
            </Flex>
          </Form.Item>
        ) : null}
        <Form.Item name="calendarItemId" label="对应行事历事项" extra="关联后，可在行事历和工作计划中看到本活动">
          <Select
            allowClear
            placeholder="不关联"
            loading={calendar.isPending}
            notFoundContent="活动前后几个月的行事历上没有事项"
            showSearch={{ optionFilterProp: 'label' }}
            options={(calendar.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.timeLabel} ${i.title}` }))}
            data-testid="activity-calendar-item"
          />
        </Form.Item>
      </Card>
    </Flex>
  );
}
