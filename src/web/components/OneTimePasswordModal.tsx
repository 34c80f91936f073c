import { Alert, Button, Modal, Typography } from 'antd';

/** What the one-time password modal shows: whose account, and the password the server returned. */
export interface OneTimePassword {
  /** e.g. "已为 张三 开通账号" or "已重置 张三 的密码". */
  title: string;
  password: string;
  /** How the person logs in, e.g. their phone number; omitted when unknown. */
  login?: string | null;
}

/**
 * Shows a temporary password the server returned once (new account, reset, new chair). The server keeps
 * only its hash, so the modal says plainly that it will not be shown again.
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  return (
    <Modal
      open={value !== null}
      title={value?.title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      {value ? (
        <>
          {value.login ? (
            <Typography.Paragraph>
              登录账号：<Typography.Text strong>{value.login}</Typography.Text>
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph>
            临时密码：
            <Typography.Text strong code copyable={{ text: value.password, tooltips: ['复制', '已复制'] }} style={{ fontSize: 18 }}>
              {value.password}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title="此密码只显示这一次"
            description="关闭后无法再次查看，请当面或通过可靠渠道告知本人。本人首次登录后需要修改密码。"
          />
        </>
      ) : null}
    </Modal>
  );
}
