import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Popconfirm, Row, Table, Typography, type TableColumnsType } from 'antd';
import { ELECTION_LIMITS, OFFICIAL_ROLE_LABELS } from '../../../contracts/elections';
import { api } from '../../lib/api';
import { errorMessage, useFormError, useIsPhone } from '../../components';
import { MemberSearchSelect } from '../activity-admin/MemberSearchSelect';
import type { Candidate, ElectionDetail } from './elections-types';
import { useRefreshElections } from './use-elections';

const GENDER_LABELS: Record<string, string> = { M: '男', F: '女' };

/** 添加候选人: a member of the union and a short note for the ballot (post or department). */
function AddCandidateForm({ election }: { election: ElectionDetail }) {
  const [form] = Form.useForm<{ memberId: string | null; note: string }>();
  const formError = useFormError(form);
  const { message } = App.useApp();
  const refresh = useRefreshElections();
  const add = useMutation({
    mutationFn: (v: { memberId: string | null; note: string }) => api.send('POST', `/elections/${election.id}/candidates`, { memberId: v.memberId, note: v.note ?? '' }),
    onSuccess: () => {
      void refresh();
      message.success('候选人已添加');
      form.resetFields();
    },
    onError: formError.onError,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ memberId: null, note: '' }}
      onFinish={(v) => {
        formError.clear();
        add.mutate(v);
      }}
      className="uh-el-add-candidate"
      data-testid="candidate-add"
    >
      {formError.alert}
      <Row gutter={12} align="bottom">
        <Col xs={24} md={10}>
          <Form.Item name="memberId" label="添加候选人" rules={[{ required: true, message: '请选择候选人' }]}>
            <MemberSearchSelect testId="candidate-member" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="note" label="简介（印在选票上，可不填）">
            <Input maxLength={ELECTION_LIMITS.noteMax} placeholder="如：语文组教师" data-testid="candidate-note" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item>
            <Button type="primary" htmlType="submit" block loading={add.isPending} data-testid="candidate-add-save">
              添加
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** 候选人: in surname stroke order as the server gives them; added and removed while the election is a draft. */
function CandidatesCard({ election: e }: { election: ElectionDetail }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const refresh = useRefreshElections();
  const isDraft = e.status === 'draft';
  const remove = useMutation({
    mutationFn: (c: Candidate) => api.send('DELETE', `/elections/candidates/${c.id}`),
    onSuccess: (_r, c) => {
      void refresh();
      message.success(`已移除候选人 ${c.name}`);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const columns: TableColumnsType<Candidate> = [
    { key: 'no', title: '序', width: 44, render: (_v, _c, i) => i + 1 },
    { key: 'name', title: '姓名', render: (_v, c) => <strong>{c.name}</strong> },
    ...(isPhone ? [] : [{ key: 'gender', title: '性别', width: 60, render: (_v: unknown, c: Candidate) => (c.gender ? (GENDER_LABELS[c.gender] ?? c.gender) : '—') }]),
    { key: 'note', title: '简介', render: (_v, c) => c.note || <span className="uh-el-muted">—</span> },
    ...(isDraft
      ? [
          {
            key: 'remove',
            title: '',
            width: 64,
            render: (_v: unknown, c: Candidate) => (
              <Popconfirm title={`移除候选人 ${c.name}？`} okText="移除" cancelText="取消" onConfirm={() => remove.mutate(c)}>
                <Button type="link" danger size="small" loading={remove.isPending && remove.variables?.id === c.id}>
                  移除
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={`候选人（${e.candidates.length} 人）`} extra={<span className="uh-el-muted">按姓氏笔画排序</span>} data-testid="candidates-card">
      <Flex vertical gap={12}>
        <Alert type={isDraft && !e.startRefusal ? 'success' : 'info'} showIcon title={e.candidateRule} description={isDraft && !e.startRefusal ? '候选人人数符合要求，可以开始选举。' : undefined} data-testid="candidate-rule" />
        {e.candidates.length ? (
          <Table<Candidate> rowKey="id" size="small" columns={columns} dataSource={e.candidates} pagination={false} data-testid="candidate-table" />
        ) : (
          <Empty description="还没有候选人" />
        )}
        {isDraft ? <AddCandidateForm election={e} /> : <Typography.Text type="secondary">选举已开始，候选人不能再更改。</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** 监票人、计票人: chosen from people who are not candidates (the server refuses a candidate, naming them). */
function OfficialsCard({ election: e }: { election: ElectionDetail }) {
  const { message } = App.useApp();
  const refresh = useRefreshElections();
  const ids = (role: 'scrutineer' | 'counter') => e.officials.filter((o) => o.role === role).map((o) => o.memberId);
  const [scrutineers, setScrutineers] = useState<string[]>(() => ids('scrutineer'));
  const [counters, setCounters] = useState<string[]>(() => ids('counter'));
  const knownNames = Object.fromEntries(e.officials.map((o) => [o.memberId, o.name]));
  const save = useMutation({
    mutationFn: () => api.send('PUT', `/elections/${e.id}/officials`, { scrutineers, counters }),
    onSuccess: () => {
      void refresh();
      message.success('监票人、计票人已保存');
    },
  });
  const isClosed = e.status === 'closed';
  const saved = (role: 'scrutineer' | 'counter') => e.officials.filter((o) => o.role === role).map((o) => o.name).join('、') || '未指定';
  return (
    <Card size="small" title="监票人、计票人" data-testid="officials-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">监票人、计票人不能是候选人。计票人可以录入纸质选票，每张纸质选票须由两个不同的人各录入一次。</Typography.Text>
        {isClosed ? (
          <>
            <div>
              {OFFICIAL_ROLE_LABELS.scrutineer}：{saved('scrutineer')}
            </div>
            <div>
              {OFFICIAL_ROLE_LABELS.counter}：{saved('counter')}
            </div>
          </>
        ) : (
          <>
            <label className="uh-el-field">
              <span>{OFFICIAL_ROLE_LABELS.scrutineer}</span>
              <MemberSearchSelect isMultiple value={scrutineers} onChange={(v) => setScrutineers((v as string[] | null) ?? [])} knownNames={knownNames} testId="officials-scrutineers" />
            </label>
            <label className="uh-el-field">
              <span>{OFFICIAL_ROLE_LABELS.counter}</span>
              <MemberSearchSelect isMultiple value={counters} onChange={(v) => setCounters((v as string[] | null) ?? [])} knownNames={knownNames} testId="officials-counters" />
            </label>
            {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} data-testid="officials-error" /> : null}
            <div>
              <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} data-testid="officials-save">
                保存
              </Button>
            </div>
          </>
        )}
      </Flex>
    </Card>
  );
}

/** 候选人与工作人员: the candidates with the 差额 rule, and the scrutineers and counters. */
export function SetupPanel({ election }: { election: ElectionDetail }) {
  return (
    <Flex vertical gap={16}>
      <CandidatesCard election={election} />
      <OfficialsCard key={election.officials.map((o) => o.memberId + o.role).join()} election={election} />
    </Flex>
  );
}
