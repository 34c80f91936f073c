import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, Flex, Form, Input, Modal, Row, Select, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { CONGRESS_LIMITS, type AgendaKind } from '../../../contracts/congress';
import { api } from '../../lib/api';
import { DateTimeInput, useFormError } from '../../components';
import { instantOf, shanghaiClock } from '../activity-admin/activity-time';
import { AGENDA_KIND_OPTIONS } from './congress-format';
import type { SessionDetail } from './congress-types';
import { useRefreshCongress } from './use-congress';

interface SessionFormValues {
  title: string;
  startsAt: Dayjs | null;
  place: string;
  proposalsOpenAt: Dayjs | null;
  proposalsCloseAt: Dayjs | null;
  agenda: { title: string; kind: AgendaKind; description: string }[];
}

/** The form's values as the API takes them; a blank title on a new session lets the server name it. */
function bodyOf(v: SessionFormValues, isNew: boolean) {
  const body = {
    startsAt: v.startsAt ? instantOf(v.startsAt) : undefined,
    place: v.place.trim(),
    // A window needs both ends; one end alone is left out and the server keeps the session without a window.
    proposalsOpenAt: v.proposalsOpenAt && v.proposalsCloseAt ? instantOf(v.proposalsOpenAt) : null,
    proposalsCloseAt: v.proposalsOpenAt && v.proposalsCloseAt ? instantOf(v.proposalsCloseAt) : null,
  };
  const title = v.title.trim();
  if (!isNew) return { ...body, title };
  return { ...body, ...(title ? { title } : {}), agenda: v.agenda.filter((a) => a.title.trim()) };
}

/**
 * 新建会议 / 编辑会议: time, place, title (default 第N届…第M次会议), the proposal collection window and, for a new
 * session, its agenda. A session under way or closed keeps its agenda on the manage page.
 */
export function SessionFormModal({ termId, session, defaultTitle, open, onClose }: { termId: string; session?: SessionDetail; defaultTitle?: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<SessionFormValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const isNew = !session;
  const save = useMutation({
    mutationFn: (v: SessionFormValues) =>
      isNew ? api.send<SessionDetail>('POST', `/congress/terms/${termId}/sessions`, bodyOf(v, true)) : api.send<SessionDetail>('PATCH', `/congress/sessions/${session.id}`, bodyOf(v, false)),
    onSuccess: (saved) => {
      void refresh();
      message.success(isNew ? `${saved.title}已安排` : '会议已修改');
      onClose();
      if (isNew) navigate(`/congress/sessions/${saved.id}/manage`);
    },
    onError: formError.onError,
  });
  const initialValues: SessionFormValues = session
    ? {
        title: session.title,
        startsAt: shanghaiClock(session.startsAt),
        place: session.place,
        proposalsOpenAt: session.proposalsOpenAt ? shanghaiClock(session.proposalsOpenAt) : null,
        proposalsCloseAt: session.proposalsCloseAt ? shanghaiClock(session.proposalsCloseAt) : null,
        agenda: [],
      }
    : { title: '', startsAt: null, place: '', proposalsOpenAt: null, proposalsCloseAt: null, agenda: [{ title: '学校工作报告', kind: 'report', description: '' }] };
  return (
    <Modal
      title={isNew ? '新建会议' : '编辑会议'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={isNew ? '建立' : '保存'}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'session-form-save' } as ButtonProps}
      destroyOnHidden
      width={680}
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<SessionFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="session-form"
      >
        {formError.alert}
        <Form.Item name="title" label="会议名称" extra={isNew ? '不填则按届次和会次命名' : undefined} rules={isNew ? [] : [{ required: true, whitespace: true, message: '请填写会议名称' }]}>
          <Input maxLength={CONGRESS_LIMITS.titleMax} placeholder={isNew ? defaultTitle : undefined} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="startsAt" label="会议时间" rules={[{ required: true, message: '请选择会议时间' }]}>
              <DateTimeInput label="会议时间" testId="session-starts-at" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label="会议地点">
              <Input maxLength={CONGRESS_LIMITS.placeMax} placeholder="如 学校报告厅" data-testid="session-place" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="proposalsOpenAt" label="提案征集开始" dependencies={['proposalsCloseAt']} rules={[({ getFieldValue }) => ({ validator: (_r, v) => (!v && getFieldValue('proposalsCloseAt') ? Promise.reject(new Error('请同时填写征集开始时间')) : Promise.resolve()) })]}>
              <DateTimeInput label="提案征集开始" testId="session-proposals-open" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="proposalsCloseAt"
              label="提案征集截止"
              extra="代表在此期间提交提案；截止后提交的只能作为意见建议"
              dependencies={['proposalsOpenAt']}
              rules={[({ getFieldValue }) => ({ validator: (_r, v) => (!v && getFieldValue('proposalsOpenAt') ? Promise.reject(new Error('请同时填写征集截止时间')) : Promise.resolve()) })]}
            >
              <DateTimeInput label="提案征集截止" testId="session-proposals-close" />
            </Form.Item>
          </Col>
        </Row>
        {isNew ? (
          <Form.List name="agenda">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                <Typography.Text strong>议程</Typography.Text>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="start" wrap data-testid="session-agenda-row">
                    <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
                      {i + 1}.
                    </Typography.Text>
                    <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]} style={{ marginBottom: 0, flex: '1 1 200px' }}>
                      <Input maxLength={CONGRESS_LIMITS.titleMax} placeholder="议题名称" aria-label="议题名称" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 0, width: 120 }}>
                      <Select options={AGENDA_KIND_OPTIONS} aria-label="议题类别" />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(field.name)} style={{ paddingInline: 4 }}>
                      删除
                    </Button>
                  </Flex>
                ))}
                {fields.length < CONGRESS_LIMITS.agendaMax ? (
                  <div>
                    <Button onClick={() => add({ title: '', kind: 'report', description: '' })} data-testid="session-agenda-add">
                      添加议题
                    </Button>
                  </div>
                ) : null}
              </Flex>
            )}
          </Form.List>
        ) : null}
      </Form>
    </Modal>
  );
}
