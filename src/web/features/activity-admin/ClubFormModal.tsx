import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import type { ClubSummary } from './activity-admin-types';
import { MemberSearchSelect } from './MemberSearchSelect';
import { useRefreshActivities } from './use-activity-admin';

interface Values {
  name: string;
  description?: string | null;
  leaderMemberId?: string | null;
}

/** 新建兴趣小组 / 编辑兴趣小组: name, what it does, and its leader (a member of the union). */
export function ClubFormModal({ open, club, onClose, onCreated }: { open: boolean; club: ClubSummary | null; onClose: () => void; onCreated?: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const refresh = useRefreshActivities();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), description: v.description?.trim() || null, leaderMemberId: v.leaderMemberId || null };
      return club ? api.send<ClubSummary>('PATCH', `/clubs/${club.id}`, body) : api.send<ClubSummary>('POST', '/clubs', body);
    },
    onSuccess: (saved, v) => {
      void refresh();
      message.success(club ? '已保存' : `已建立兴趣小组：${v.name.trim()}`);
      onClose();
      if (!club && saved?.id) onCreated?.(saved.id);
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={club ? '编辑兴趣小组' : '新建兴趣小组'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'club-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ name: club?.name ?? '', description: club?.description ?? '', leaderMemberId: club?.leaderMemberId ?? null }}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
      >
        {formError.alert}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写兴趣小组名称' }]}>
          <Input maxLength={ACTIVITY_LIMITS.clubNameMax} placeholder="如 羽毛球俱乐部、书法兴趣小组" data-testid="club-name" />
        </Form.Item>
        <Form.Item name="description" label="简介">
          <Input.TextArea rows={3} maxLength={ACTIVITY_LIMITS.clubDescriptionMax} placeholder="活动内容、固定时间和地点" />
        </Form.Item>
        <Form.Item name="leaderMemberId" label="组长">
          <MemberSearchSelect knownNames={club?.leaderMemberId && club.leaderName ? { [club.leaderMemberId]: club.leaderName } : undefined} placeholder="搜索会员作为组长" testId="club-leader" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
