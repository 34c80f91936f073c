import { Alert, Button, Empty, Select, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { standingText } from './congress-format';
import type { SessionSummary, TermList } from './congress-types';
import { SessionCard } from './SessionCard';
import { useTerm, useTerms } from './use-congress';
import './congress.css';

/** The term shown: the one asked for in the address, else the current one, else the newest. */
const chosenTerm = (list: TermList, asked: string | null) => list.items.find((t) => t.id === asked) ?? list.items.find((t) => t.isCurrent) ?? list.items[0];

function SessionSection({ title, sessions }: { title: string; sessions: SessionSummary[] }) {
  if (sessions.length === 0) return null;
  return (
    <section style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <div className="uh-card-list uh-cg-list">
        {sessions.map((s) => (
          <SessionCard key={s.id} session={s} to={`/congress/sessions/${s.id}`} />
        ))}
      </div>
    </section>
  );
}

/**
 * 教代会 (/congress), for every member of the union and first for representatives on their phones: the term, my
 * standing in it, the session under way or coming, and the past sessions with their results.
 */
export function CongressPage() {
  const [params, setParams] = useSearchParams();
  const terms = useTerms();
  const term = terms.data ? chosenTerm(terms.data, params.get('term')) : undefined;
  const detail = useTerm(term?.id);
  if (terms.isPending) return <PageLoading />;
  if (terms.error) {
    return (
      <div>
        <PageHeader title="教代会" />
        <ErrorAlert error={terms.error} />
      </div>
    );
  }
  const manage = terms.data.canManage ? (
    <Link to="/congress/admin">
      <Button>教代会管理</Button>
    </Link>
  ) : null;
  if (!term) {
    return (
      <div>
        <PageHeader title="教代会" extra={manage} />
        <Empty description="本单位还没有建立教代会届次" />
      </div>
    );
  }
  const sessions = detail.data?.sessions ?? [];
  const coming = sessions.filter((s) => s.status !== 'closed').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = sessions.filter((s) => s.status === 'closed').sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const termPicker =
    terms.data.items.length > 1 ? (
      <Select
        value={term.id}
        onChange={(id: string) => setParams({ term: id }, { replace: true })}
        options={terms.data.items.map((t) => ({ value: t.id, label: t.isCurrent ? `${t.label}（本届）` : t.label }))}
        style={{ minWidth: 220 }}
        aria-label="届次"
      />
    ) : null;
  return (
    <div className="uh-cg-page">
      <PageHeader
        title={<span data-testid="congress-term-label">{term.label}</span>}
        subtitle={`任期 ${term.startsOn} 至 ${term.endsOn}（${term.years} 年）`}
        extra={
          termPicker || manage ? (
            <>
              {termPicker}
              {manage}
            </>
          ) : undefined
        }
      />
      <Alert type={term.me.isVoter ? 'success' : 'info'} showIcon title={standingText(term.me, term.form)} data-testid="congress-standing" />
      {detail.error ? <ErrorAlert error={detail.error} style={{ marginTop: 16 }} /> : null}
      {detail.isPending ? <PageLoading minHeight={160} /> : null}
      <SessionSection title={coming.some((s) => s.status === 'open') ? '正在召开' : '即将召开'} sessions={coming} />
      <SessionSection title="往次会议" sessions={past} />
      {detail.data && sessions.length === 0 ? <Empty style={{ marginTop: 24 }} description="本届还没有安排会议" /> : null}
    </div>
  );
}
