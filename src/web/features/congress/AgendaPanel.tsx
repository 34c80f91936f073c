import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Tag, Typography, type ButtonProps } from 'antd';
import { AGENDA_KIND_LABELS, CONGRESS_LIMITS, type AgendaKind } from '../../../contracts/congress';
import { api } from '../../lib/api';
import { errorMessage, useFormError } from '../../components';
import { AGENDA_KIND_OPTIONS } from './congress-format';
import type { SessionDetail } from './congress-types';
import { useRefreshCongress } from './use-congress';

type AgendaItem = SessionDetail['agenda'][number];
interface ItemValues {
  title: string;
  kind: AgendaKind;
  description: string;
}

/** 增加议题 / 修改议题. */
function AgendaItemModal({ sessionId, item, open, onClose }: { sessionId: string; item: AgendaItem | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ItemValues>();
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: ItemValues) => (item ? api.send('PATCH', `/congress/agenda/${item.id}`, v) : api.send('POST', `/congress/sessions/${sessionId}/agenda`, v)),
    onSuccess: () => {
      void refresh();
      message.success(item ? '议题已修改' : '议题已增加');
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={item ? '修改议题' : '增加议题'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'agenda-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<ItemValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={item ? { title: item.title, kind: item.kind, description: item.description } : { title: '', kind: 'report', description: '' }}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
      >
        {formError.alert}
        <Form.Item name="title" label="议题名称" rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}>
          <Input maxLength={CONGRESS_LIMITS.titleMax} placeholder="如 学校年度工作计划" data-testid="agenda-title" />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select options={AGENDA_KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} maxLength={CONGRESS_LIMITS.descriptionMax} placeholder="如 校长作学校年度工作报告" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 议程: the items in order, each editable and removable until the session closes (not once a vote is set up on it). */
export function AgendaPanel({ session }: { session: SessionDetail }) {
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const isClosed = session.status === 'closed';
  const remove = useMutation({
    mutationFn: (item: AgendaItem) => api.send('DELETE', `/congress/agenda/${item.id}`),
    onSuccess: () => {
      void refresh();
      message.success('议题已删除');
    },
    onError: (e) => message.warning(errorMessage(e)),
  });
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      {session.agenda.length === 0 ? <Typography.Text type="secondary">议程尚未安排</Typography.Text> : null}
      {session.agenda.map((item, i) => (
        <Card key={item.id} size="small" data-testid="agenda-item">
          <Flex gap={8} justify="space-between" align="start" wrap>
            <div style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Typography.Text strong>
                {i + 1}. {item.title}
              </Typography.Text>{' '}
              <Tag>{AGENDA_KIND_LABELS[item.kind]}</Tag>
              {item.description ? <div className="uh-cg-agenda-text">{item.description}</div> : null}
            </div>
            {isClosed ? null : (
              <Flex gap={4}>
                <Button size="small" onClick={() => setEditing(item)}>
                  修改
                </Button>
                <Popconfirm title={`删除议题“${item.title}”？`} okText="删除" cancelText="取消" onConfirm={() => remove.mutate(item)}>
                  <Button size="small" type="text" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Flex>
            )}
          </Flex>
        </Card>
      ))}
      {isClosed || session.agenda.length >= CONGRESS_LIMITS.agendaMax ? null : (
        <div>
          <Button onClick={() => setEditing('new')} data-testid="agenda-add">
            增加议题
          </Button>
        </div>
      )}
      <AgendaItemModal sessionId={session.id} item={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Flex>
  );
}
