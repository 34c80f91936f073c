import { Form, Switch } from 'antd';
import { MemberActionModal, type ActionValues, type MemberActionProps } from './MemberActionModal';

interface Values extends ActionValues {
  keepMembership: boolean;
}

/** 办理退休: records the retirement date and whether membership is kept (保留会籍, the usual case). */
export function RetireModal(props: MemberActionProps) {
  return (
    <MemberActionModal<Values>
      {...props}
      action="retire"
      title="办理退休"
      okText="确认办理"
      testId="retire-confirm"
      dateLabel="退休日期"
      successText={`已为 ${props.member.name} 办理退休`}
      initialValues={{ keepMembership: true }}
      extraBody={(v) => ({ keepMembership: v.keepMembership })}
      fields={
        <Form.Item
          name="keepMembership"
          label="保留会籍"
          valuePropName="checked"
          extra="保留会籍的退休会员继续享受会员福利和慰问，但不参加工会选举的投票和被选举。"
        >
          <Switch />
        </Form.Item>
      }
    />
  );
}
