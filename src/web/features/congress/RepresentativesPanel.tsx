import { useState } from 'react';
import { Alert, Button, Card, Dropdown, Flex, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { REPRESENTATIVE_CATEGORY_LABELS, REPRESENTATIVE_KIND_LABELS, REPRESENTATIVE_STATUS_LABELS } from '../../../contracts/congress';
import { ErrorAlert, PageLoading, useIsPhone } from '../../components';
import { blocksOf } from './congress-format';
import type { Representative, TermDetail } from './congress-types';
import { CompositionCard } from './CompositionCard';
import { AddRepresentativeModal, ConstituencyModal, EndRepresentativeModal, ReplaceRepresentativeModal } from './RepresentativeModals';
import { useRepresentatives } from './use-congress';

const GENDER_LABELS = { M: '男', F: '女' } as const;

/** 正式 / 特邀 / 列席 (the last two only), category and 中层以上 as tags. */
function RepTags({ rep }: { rep: Representative }) {
  return (
    <span className="uh-cg-tags">
      {rep.kind === 'representative' ? null : <Tag color="purple">{REPRESENTATIVE_KIND_LABELS[rep.kind]}</Tag>}
      <Tag>{REPRESENTATIVE_CATEGORY_LABELS[rep.category]}</Tag>
      {rep.isLeader ? <Tag color="orange">中层以上</Tag> : null}
    </span>
  );
}

/** 当选 and, for a replaced, recalled or departed mandate, when and why it ended and who followed. */
function MandateText({ rep }: { rep: Representative }) {
  const parts = [`${rep.electedOn} 当选`];
  if (rep.replacesName) parts.push(`接替 ${rep.replacesName}`);
  if (rep.status !== 'active') {
    parts.push(`${rep.endedOn ?? ''} ${REPRESENTATIVE_STATUS_LABELS[rep.status]}${rep.replacedByName ? `（由 ${rep.replacedByName} 接任）` : ''}${rep.endReason ? `，原因：${rep.endReason}` : ''}`);
  }
  return <span className="uh-cg-rep-meta">{parts.join('；')}</span>;
}

const personText = (rep: Representative) => [rep.groupName, rep.gender ? GENDER_LABELS[rep.gender] : null, rep.age !== null ? `${rep.age} 岁` : null].filter(Boolean).join(' · ');

/**
 * 代表 (a term's first tab): the composition checks with their numbers, the representatives by constituency with
 * category and leader flags, 补选替换 and 罢免 / 离任 for each, ended mandates on request, and the history of changes.
 */
export function RepresentativesPanel({ term }: { term: TermDetail }) {
  const isPhone = useIsPhone();
  const list = useRepresentatives(term.id);
  const [isEndedShown, setEndedShown] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const [isAddingConstituency, setAddingConstituency] = useState(false);
  const [replacing, setReplacing] = useState<Representative | null>(null);
  const [ending, setEnding] = useState<Representative | null>(null);

  if (term.form === 'all_staff') {
    return <Alert type="info" showIcon title={`教职工大会由全体在职、会籍正常的会员参加（目前 ${term.voters} 人），不设代表和代表团。`} />;
  }
  if (list.isPending) return <PageLoading minHeight={200} />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const { items, composition, history, canManage } = list.data;
  const blocks = blocksOf(term.constituencies, items, isEndedShown);
  const endedCount = items.filter((r) => r.status !== 'active').length;

  const actions = (rep: Representative) =>
    canManage && rep.status === 'active' ? (
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'replace', label: '补选替换', onClick: () => setReplacing(rep) },
            { key: 'end', label: '罢免 / 离任', danger: true, onClick: () => setEnding(rep) },
          ],
        }}
      >
        <Button size="small" data-testid="rep-actions">
          变动
        </Button>
      </Dropdown>
    ) : null;
  const nameCell = (rep: Representative) => (
    <Flex vertical gap={2}>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong className={rep.status === 'active' ? undefined : 'uh-cg-ended'}>
          {rep.name}
        </Typography.Text>
        {rep.status === 'active' ? null : <Tag>{REPRESENTATIVE_STATUS_LABELS[rep.status]}</Tag>}
      </Flex>
      <span className="uh-cg-rep-meta">{personText(rep)}</span>
      {isPhone ? (
        <>
          <RepTags rep={rep} />
          <MandateText rep={rep} />
        </>
      ) : null}
    </Flex>
  );
  const columns: TableColumnsType<Representative> = isPhone
    ? [
        { key: 'name', title: '代表', render: (_v, rep) => nameCell(rep) },
        { key: 'actions', width: 72, render: (_v, rep) => actions(rep) },
      ]
    : [
        { key: 'name', title: '姓名', width: 200, render: (_v, rep) => nameCell(rep) },
        { key: 'tags', title: '类别', width: 200, render: (_v, rep) => <RepTags rep={rep} /> },
        { key: 'mandate', title: '任职', render: (_v, rep) => <MandateText rep={rep} /> },
        { key: 'actions', title: '', width: 80, render: (_v, rep) => actions(rep) },
      ];

  return (
    <Flex vertical gap={16}>
      {composition ? <CompositionCard composition={composition} /> : null}
      <Flex gap={8} wrap align="center" justify="space-between">
        {canManage ? (
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => setAdding(true)} data-testid="rep-add-open">
              登记代表
            </Button>
            <Button onClick={() => setAddingConstituency(true)} data-testid="constituency-add-open">
              新增代表团
            </Button>
          </Flex>
        ) : (
          <span />
        )}
        {endedCount > 0 ? (
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch size="small" checked={isEndedShown} onChange={setEndedShown} data-testid="rep-show-ended" />
            显示已替换、罢免、离任的 {endedCount} 人
          </label>
        ) : null}
      </Flex>
      {blocks.map((b) => (
        <Card key={b.id ?? 'none'} size="small" title={`${b.name}（${b.items.filter((r) => r.status === 'active').length} 人）`} styles={{ body: { padding: 0 } }} data-testid="constituency-block">
          <Table<Representative> rowKey="id" size="small" columns={columns} dataSource={b.items} pagination={false} locale={{ emptyText: '暂无代表' }} />
        </Card>
      ))}
      <Card size="small" title="代表变动记录" data-testid="rep-history">
        {history.length === 0 ? (
          <Typography.Text type="secondary">本届还没有补选、罢免或离任</Typography.Text>
        ) : (
          <ul className="uh-cg-history">
            {history.map((h) => (
              <li key={`${h.representativeId}-${h.kind}`}>
                <span className="uh-cg-history-day">{h.on}</span>
                <span>{h.text}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <AddRepresentativeModal termId={term.id} constituencies={term.constituencies} open={isAdding} onClose={() => setAdding(false)} />
      <ConstituencyModal termId={term.id} open={isAddingConstituency} onClose={() => setAddingConstituency(false)} />
      <ReplaceRepresentativeModal rep={replacing} constituencies={term.constituencies} onClose={() => setReplacing(null)} />
      <EndRepresentativeModal rep={ending} onClose={() => setEnding(null)} />
    </Flex>
  );
}
