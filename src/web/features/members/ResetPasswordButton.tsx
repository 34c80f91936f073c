import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useT } from '../../lib/i18n';
import { api, ApiError } from '../../lib/api';
import { errorMessage, OneTimePasswordModal, type OneTimePassword } from '../../components';
import type { MemberView } from './member-types';

/** The member logs in with their phone or 工号; a masked phone is no use to read out, so 工号 then. */
function loginOf(m: MemberView): string | null {
  return m.phone && !m.phone.includes('*') ? m.phone : m.staffNo;
}

/**
 * 重置登录密码: finds the member's account, resets it, and shows the temporary password once (the server
 * keeps only its hash).
 */
export function ResetPasswordButton({ member }: { member: MemberView }) {
  const t = useT();
  const { message } = App.useApp();
  const [shown, setShown] = useState<OneTimePassword | null>(null);
  const reset = useMutation({
    mutationFn: async () => {
      const { userId } = await api.get<{ userId: string | null }>(`/members/${member.id}/account`);
      if (!userId) throw new ApiError(404, 'NOT_FOUND', '该会员还没有开通登录账号');
      return api.send<{ temporaryPassword: string }>('POST', `/users/${userId}/reset-password`);
    },
    onSuccess: ({ temporaryPassword }) =>
      setShown({ title: `已重置 ${member.name} 的登录密码`, password: temporaryPassword, login: loginOf(member) }),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <Popconfirm
        title="重置登录密码"
        description={`将为 ${member.name} 生成新的临时密码，原密码立即失效。`}
        okText="重置"
        cancelText="取消"
        onConfirm={() => reset.mutate()}
      >
        <Button loading={reset.isPending} data-testid="member-reset-password">
          {t('重置登录密码')}
        </Button>
      </Popconfirm>
      <OneTimePasswordModal value={shown} onClose={() => setShown(null)} />
    </>
  );
}
