import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { TERM_FORM_LABELS } from '../../../contracts/congress';
import { api } from '../../lib/api';
import { ErrorAlert, PageHeader, PageLoading, useFormError } from '../../components';
import { nextSessionTitle } from './congress-format';
import type { TermDetail } from './congress-types';
import { RepresentativesPanel } from './RepresentativesPanel';
import { SessionCard } from './SessionCard';
import { SessionFormModal } from './SessionFormModal';
import { PolicyFields } from './TermFormModal';
import { useRefreshCongress, useTerm } from './use-congress';
import './congress.css';

const TABS = ['representatives', 'sessions', 'policy'] as const;
type TermTab = (typeof TABS)[number];

/** 会议: the term's sessions, newest first, each opening its manage page; 新建会议. */
function SessionsPanel({ term }: { term: TermDetail }) {
  const [isCreating, setCreating] = useState(false);
  const sessions = [...term.sessions].sort((a, b) => b.number - a.number);
  return (
    <Flex vertical gap={12}>
      {term.can.manage ? (
        <div>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="session-create">
            新建会议
          </Button>
        </div>
      ) : null}
      {sessions.length === 0 ? <Empty description="本届还没有安排会议（每学年至少召开一次）" /> : null}
      <div className="uh-card-list uh-cg-list">
        {sessions.map((s) => (
          <SessionCard key={s.id} session={s} to={`/congress/sessions/${s.id}/manage`} />
        ))}
      </div>
      <SessionFormModal termId={term.id} defaultTitle={nextSessionTitle(term.label, sessions[0]?.number ?? 0)} open={isCreating} onClose={() => setCreating(false)} />
    </Flex>
  );
}

/** 政策: the composition percentages, co-signers and the reply weeks of the term. */
function PolicyPanel({ term }: { term: TermDetail }) {
  const [form] = Form.useForm<TermDetail['policy']>();
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: (v: TermDetail['policy']) => api.send<TermDetail>('PATCH', `/congress/terms/${term.id}`, v),
    onSuccess: () => {
      void refresh();
      message.success('本届规则已保存');
    },
    onError: formError.onError,
  });
  return (
    <Card size="small" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {term.form === 'congress' ? '代表构成比例用于核对代表名单（不达标时提示，不阻止登记）；' : ''}附议人数和答复期限用于本届提案。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={term.policy}
        disabled={!term.can.manage}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="term-policy"
      >
        {formError.alert}
        <PolicyFields form={term.form} />
        {term.can.manage ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="term-policy-save">
            保存
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

/** 届次 (/congress/terms/:id): 代表 (composition, by constituency, changes), 会议, 政策. */
export function TermPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const term = useTerm(id);
  const asked = params.get('tab') as TermTab | null;
  if (term.isPending) return <PageLoading />;
  if (term.error) {
    return (
      <div>
        <PageHeader title="届次" />
        <ErrorAlert error={term.error} />
      </div>
    );
  }
  const t = term.data;
  const tab: TermTab = asked && TABS.includes(asked) ? asked : t.form === 'congress' ? 'representatives' : 'sessions';
  return (
    <div>
      <Link to="/congress/admin">‹ 全部届次</Link>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="term-title">{t.label}</span>
            {t.isCurrent ? <Tag color="red">本届</Tag> : null}
          </Flex>
        }
        subtitle={`${TERM_FORM_LABELS[t.form]} · 任期 ${t.startsOn} 至 ${t.endsOn}（${t.years} 年）· ${t.form === 'congress' ? '正式代表' : '表决人员'} ${t.voters} 人`}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'representatives', label: t.form === 'congress' ? '代表' : '参会人员', children: <RepresentativesPanel term={t} /> },
          { key: 'sessions', label: `会议（${t.sessions.length}）`, children: <SessionsPanel term={t} /> },
          { key: 'policy', label: '规则', children: <PolicyPanel term={t} /> },
        ]}
      />
    </div>
  );
}
