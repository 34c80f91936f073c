import { useState, type HTMLAttributes } from 'react';
import { App, Card, Empty, Flex, Input, Modal, Table, Tag, Typography, Button } from 'antd';
import { Link } from 'react-router-dom';
import { PROPOSAL_LIMITS } from '../../../contracts/proposals';
import { errorMessage, ErrorAlert, PageHeader, useIsPhone } from '../../components';
import { proposalName } from './proposal-format';
import type { OverdueList } from './proposal-types';
import { useAddNote, useOverdue } from './use-proposals';
import './proposals.css';

type Overdue = OverdueList['items'][number];

/** 督办意见 on one overdue proposal, without leaving the list. */
function NoteModal({ proposal, onClose }: { proposal: Overdue; onClose: () => void }) {
  const { message } = App.useApp();
  const add = useAddNote(proposal.id);
  const [text, setText] = useState('');
  return (
    <Modal
      title={`督办：${proposalName(proposal)}`}
      open
      onCancel={onClose}
      okText="记录督办意见"
      cancelText="取消"
      okButtonProps={{ disabled: !text.trim(), loading: add.isPending }}
      onOk={() =>
        add.mutate(text.trim(), {
          onSuccess: () => {
            void message.success('已记录督办意见');
            onClose();
          },
          onError: (e) => void message.error(errorMessage(e)),
        })
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        主办：{proposal.lead?.name ?? '—'}；责任领导：{proposal.responsibleLeader ?? '—'}；已逾期 {proposal.daysOverdue} 天。督办意见承办部门可以看到。
      </Typography.Paragraph>
      <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={PROPOSAL_LIMITS.noteMax} showCount placeholder="如 已电话催办，总务处承诺本周内答复" data-testid="proposal-overdue-note" />
    </Modal>
  );
}

/**
 * 提案督办 (/proposals/overdue): assigned proposals past their reply deadline, longest overdue first, with the
 * department, the responsible leader and the notes so far; 督办 records a note (the departments are also reminded
 * automatically three days before and the day after the deadline).
 */
export function ProposalOverduePage() {
  const isPhone = useIsPhone();
  const overdue = useOverdue();
  const [noting, setNoting] = useState<Overdue | null>(null);
  const items = overdue.data?.items ?? [];
  const action = (p: Overdue) => (
    <Button size="small" onClick={() => setNoting(p)} data-testid="proposal-overdue-supervise">
      督办
    </Button>
  );
  return (
    <div>
      <PageHeader title="提案督办" subtitle="已过答复期限仍未答复的提案。承办部门在期限前 3 天和逾期次日会自动收到提醒" />
      {overdue.error ? <ErrorAlert error={overdue.error} /> : null}
      <Card size="small" styles={{ body: { padding: isPhone ? 0 : undefined } }}>
        {!overdue.isPending && items.length === 0 ? (
          <Empty description="没有逾期未答复的提案" data-testid="proposal-overdue-empty" />
        ) : (
          <Table<Overdue>
            rowKey="id"
            size="small"
            loading={overdue.isPending}
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={isPhone ? undefined : { x: 'max-content' }}
            onRow={(p) => ({ 'data-testid': 'proposal-overdue-row', 'data-title': p.title }) as HTMLAttributes<HTMLElement>}
            columns={
              isPhone
                ? [
                    {
                      key: 'p',
                      title: '提案',
                      render: (_v, p) => (
                        <Flex vertical gap={4}>
                          <Link to={`/proposals/${p.id}`}>{proposalName(p)}</Link>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            主办 {p.lead?.name ?? '—'} · {p.replyDueOn} 到期
                          </Typography.Text>
                          <Flex gap={6} align="center">
                            <Tag color="red">逾期 {p.daysOverdue} 天</Tag>
                            {action(p)}
                          </Flex>
                        </Flex>
                      ),
                    },
                  ]
                : [
                    { key: 'title', title: '提案', render: (_v, p) => <Link to={`/proposals/${p.id}`}>{proposalName(p)}</Link> },
                    { key: 'lead', title: '主办部门', render: (_v, p) => p.lead?.name ?? '—' },
                    { key: 'leader', title: '责任领导', render: (_v, p) => p.responsibleLeader ?? '—' },
                    { key: 'round', title: '轮次', render: (_v, p) => (p.round === 2 ? '第二轮' : '第一轮') },
                    { key: 'due', title: '答复期限', dataIndex: 'replyDueOn' },
                    { key: 'late', title: '逾期', align: 'right', render: (_v, p) => <Tag color="red">{p.daysOverdue} 天</Tag> },
                    { key: 'notes', title: '督办意见', align: 'right', render: (_v, p) => (p.notes ? `${p.notes} 条` : '—') },
                    { key: 'act', title: '', render: (_v, p) => action(p) },
                  ]
            }
          />
        )}
      </Card>
      {noting ? <NoteModal proposal={noting} onClose={() => setNoting(null)} /> : null}
    </div>
  );
}
