import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography, type ButtonProps } from 'antd';
import { Link } from 'react-router-dom';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, ACTIVITY_LIMITS, type ActivityKind } from '../../../contracts/activities';
import { api } from '../../lib/api';
import { ErrorAlert, PageHeader, useFormError } from '../../components';
import type { ActivityType } from './activity-admin-types';
import { useActivityTypes } from './use-activity-admin';

const KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));

/** 重命名: a new name for a type; activities of that type show the new name. */
function RenameModal({ type, onClose }: { type: ActivityType | null; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const formError = useFormError(form);
  const rename = useMutation({
    mutationFn: (v: { name: string }) => api.send<ActivityType>('PATCH', `/activity-types/${type!.id}`, { name: v.name.trim() }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['activity-types'] });
      void client.invalidateQueries({ queryKey: ['activities'] });
      message.success(`已改名为：${saved?.name ?? ''}`);
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title="重命名活动类型"
      open={type !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: rename.isPending, 'data-testid': 'type-rename-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form form={form} layout="vertical" clearOnDestroy initialValues={{ name: type?.name }} onFinish={(v) => rename.mutate(v)}>
        {formError.alert}
        <Form.Item name="name" label="名称" extra="已发布的活动会显示新名称" rules={[{ required: true, whitespace: true, message: '请填写类型名称' }]}>
          <Input maxLength={ACTIVITY_LIMITS.typeNameMax} data-testid="type-rename-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 活动类型 (/activities/types): the union's list of types — rename, stop using (kept on old activities), add one. */
export function ActivityTypesPage() {
  const [form] = Form.useForm<{ name: string; kind: ActivityKind }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const formError = useFormError(form);
  const types = useActivityTypes();
  const [renaming, setRenaming] = useState<ActivityType | null>(null);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['activity-types'] }), client.invalidateQueries({ queryKey: ['activities'] })]);

  const add = useMutation({
    mutationFn: (v: { name: string; kind: ActivityKind }) => api.send<ActivityType>('POST', '/activity-types', { name: v.name.trim(), kind: v.kind }),
    onSuccess: (saved) => {
      void refresh();
      form.resetFields();
      message.success(`已添加：${saved?.name ?? ''}`);
    },
    onError: formError.onError,
  });
  const archive = useMutation({
    mutationFn: ({ type, archived }: { type: ActivityType; archived: boolean }) => api.send('PATCH', `/activity-types/${type.id}`, { archived }),
    onSuccess: (_r, { type, archived }) => {
      void refresh();
      message.success(archived ? `已停用：${type.name}` : `已恢复：${type.name}`);
    },
    onError: (e) => message.error(e.message),
  });
  const count = types.data?.length ?? 0;

  return (
    <div>
      <PageHeader
        title="活动类型"
        subtitle="发布活动时从这些类型中选择；类别决定统计口径（如“学习”计入学习次数）"
        extra={
          <Link to="/activities/admin">
            <Button>返回活动管理</Button>
          </Link>
        }
      />
      {types.error ? <ErrorAlert error={types.error} /> : null}
      <Flex vertical gap={16}>
        <Card size="small" title="添加类型">
          {formError.alert}
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'other' }}
            onFinish={(v) => {
              formError.clear();
              add.mutate(v);
            }}
            className="uh-act-inline-form"
          >
            <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写类型名称' }]}>
              <Input placeholder="名称，如 读书会" maxLength={ACTIVITY_LIMITS.typeNameMax} style={{ width: 180 }} aria-label="类型名称" data-testid="type-name" />
            </Form.Item>
            <Form.Item name="kind" label="类别">
              <Select options={KIND_OPTIONS} style={{ width: 140 }} data-testid="type-kind" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending} disabled={count >= ACTIVITY_LIMITS.typesMax} data-testid="type-add">
                添加
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Table<ActivityType>
          rowKey="id"
          size="middle"
          loading={types.isPending}
          dataSource={types.data ?? []}
          pagination={false}
          onRow={(t) => ({ 'data-testid': 'type-row', 'data-name': t.name }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'name', title: '名称', width: '30%', render: (_v, t) => (t.archived ? <Typography.Text type="secondary">{t.name}</Typography.Text> : t.name) },
            { key: 'kind', title: '统计类别', width: '25%', render: (_v, t) => ACTIVITY_KIND_LABELS[t.kind] },
            { key: 'state', title: '状态', width: '15%', render: (_v, t) => (t.archived ? <Tag>已停用</Tag> : <Tag color="green">使用中</Tag>) },
            {
              key: 'actions',
              title: '操作',
              render: (_v, t) => (
                <Flex gap={8}>
                  <Button type="link" size="small" onClick={() => setRenaming(t)} style={{ paddingInline: 0 }}>
                    重命名
                  </Button>
                  <Button type="link" size="small" onClick={() => archive.mutate({ type: t, archived: !t.archived })} style={{ paddingInline: 0 }} data-testid="type-archive">
                    {t.archived ? '恢复使用' : '停用'}
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
      <RenameModal type={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
