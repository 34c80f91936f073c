import { useState } from 'react';
import { Button, Empty, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { TERM_FORM_LABELS } from '../../../contracts/congress';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import type { TermListItem } from './congress-types';
import { TermFormModal } from './TermFormModal';
import { useTerms } from './use-congress';
import './congress.css';

/** One term: 本届 or not, the form, the dates, voters and sessions; the card opens the term. */
function TermCard({ term: t }: { term: TermListItem }) {
  return (
    <Link to={`/congress/terms/${t.id}`} className="uh-card" data-testid="term-card">
      <span className="uh-cg-tags">
        {t.isCurrent ? <Tag color="red">本届</Tag> : null}
        <Tag>{TERM_FORM_LABELS[t.form]}</Tag>
        <Tag>{t.years} 年</Tag>
      </span>
      <div className="uh-card-title">{t.label}</div>
      <dl className="uh-facts">
        <dt>任期</dt>
        <dd>
          {t.startsOn} 至 {t.endsOn}
        </dd>
        <dt>{t.form === 'congress' ? '正式代表' : '表决人员'}</dt>
        <dd>{t.voters} 人</dd>
        <dt>会议</dt>
        <dd>{t.sessionCount} 次</dd>
      </dl>
    </Link>
  );
}

/** 教代会管理 (/congress/admin): the union's terms, newest first, and 新建一届. */
export function CongressAdminPage() {
  const terms = useTerms();
  const [isCreating, setCreating] = useState(false);
  const create = (
    <Button type="primary" onClick={() => setCreating(true)} data-testid="term-create">
      新建一届
    </Button>
  );
  return (
    <div>
      <PageHeader
        title="教代会管理"
        subtitle="届次、代表、会议、出勤与表决"
        extra={
          <>
            <Link to="/congress">
              <Button>代表视图</Button>
            </Link>
            {create}
          </>
        }
      />
      {terms.isPending ? <PageLoading /> : null}
      {terms.error ? <ErrorAlert error={terms.error} /> : null}
      {terms.data && terms.data.items.length === 0 ? <Empty description="还没有建立教代会届次。每届任期 3 年或 5 年，规模较小的学校可召开教职工大会。">{create}</Empty> : null}
      {terms.data && terms.data.items.length > 0 ? (
        <div className="uh-card-list uh-cg-list">
          {terms.data.items.map((t) => (
            <TermCard key={t.id} term={t} />
          ))}
        </div>
      ) : null}
      <TermFormModal open={isCreating} onClose={() => setCreating(false)} />
    </div>
  );
}
