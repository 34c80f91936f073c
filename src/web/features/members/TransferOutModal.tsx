import { Form, Input, Typography } from 'antd';
import { LIMITS } from '../../../contracts/limits';
import { MemberActionModal, type ActionValues, type MemberActionProps } from './MemberActionModal';

interface Values extends ActionValues {
  toOrgName: string;
}

/** 办理转出: the member leaves for another union; the file stays on record, marked 已转出. */
export function TransferOutModal(props: MemberActionProps) {
  return (
    <MemberActionModal<Values>
      {...props}
      action="transfer-out"
      title="办理转出"
      okText="确认转出"
      isDanger
      testId="transfer-out-confirm"
      dateLabel="转出日期"
      successText={`已为 ${props.member.name} 办理转出`}
      intro={
        <Typography.Paragraph type="secondary">转出后该会员的会籍状态变为“已转出”，档案和变动记录仍保留在本会。</Typography.Paragraph>
      }
      extraBody={(v) => ({ toOrgName: v.toOrgName.trim() })}
      fields={
        <Form.Item name="toOrgName" label="转入单位" rules={[{ required: true, whitespace: true, message: '请填写转入单位' }]}>
          <Input maxLength={LIMITS.orgNameMax} placeholder="如 示例第二中学工会" />
        </Form.Item>
      }
    />
  );
}
