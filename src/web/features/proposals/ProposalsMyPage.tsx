import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Empty, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage, ErrorAlert, PageHeader, PageLoading } from '../../components';
import { formatShanghaiTime } from '../../lib/time';
import { chineseNumber, windowText } from './proposal-format';
import type { ProposalMy, ProposalSession, ProposalSummary } from './proposal-types';
import { ProposalCard } from './ProposalCard';
import { useCosign, useProposalsMy } from './use-proposals';
import './proposals.css';

/** A session of the term: its date, the collection window, and 起草提案 while proposals may still come in. */
function SessionCard({ session: s, canPropose }: { session: ProposalSession; canPropose: boolean }) {
  const isClosed = !!s.proposalsCloseAt && new Date(s.proposalsCloseAt).getTime() < Date.now();
  return (
    <div className={`uh-card${s.isWindowOpen ? ' uh-prop-session-open' : ''}`} data-testid="proposal-session">
      <div className="uh-prop-card-title">{s.title}</div>
      <Typography.Text type="secondary">开会时间：{formatShanghaiTime(s.startsAt, false)}</Typography.Text>
      <Typography.Text type={s.isWindowOpen ? 'success' : 'secondary'}>{windowText(s)}</Typography.Text>
      {canPropose && s.proposalsOpenAt && !isClosed ? (
        <Link to={`/proposals/new?sessionId=${s.id}`}>
          <Button type="primary" size="large" block data-testid="proposal-new">
            起草提案
          </Button>
        </Link>
      ) : null}
    </div>
  );
}

/** 确认附议 / 不同意 under an invitation. */
function CosignButtons({ proposal }: { proposal: ProposalSummary }) {
  const { message } = App.useApp();
  const cosign = useCosign();
  const answer = (decision: 'confirm' | 'decline') =>
    cosign.mutate(
      { id: proposal.id, decision },
      {
        onSuccess: () => void message.success(decision === 'confirm' ? `已确认附议“${proposal.title}”` : '已谢绝附议'),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  const isBusy = cosign.isPending;
  return (
    <>
      <Button type="primary" onClick={() => answer('confirm')} loading={isBusy && cosign.variables?.decision === 'confirm'} disabled={isBusy} data-testid="proposal-cosign-confirm">
        确认附议
      </Button>
      <Button onClick={() => answer('decline')} loading={isBusy && cosign.variables?.decision === 'decline'} disabled={isBusy} data-testid="proposal-cosign-decline">
        不同意
      </Button>
    </>
  );
}

/** A titled group of cards with its count (red when it waits on me); nothing when empty unless `empty` says what to show. */
function Section({ title, items, empty, isUrgent = false, children, testId }: { title: string; items: unknown[]; empty?: string; isUrgent?: boolean; children: ReactNode; testId: string }) {
  if (items.length === 0 && !empty) return null;
  return (
    <section data-testid={testId}>
      <Typography.Title level={5} className="uh-prop-section-title">
        {title}
        {items.length ? <span className={isUrgent ? 'uh-prop-count uh-prop-count-urgent' : 'uh-prop-count'}>{items.length}</span> : null}
      </Typography.Title>
      {items.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        </Card>
      ) : (
        <div className="uh-card-list">{children}</div>
      )}
    </section>
  );
}

/** Why this person cannot propose, in words. */
function NotRepresentative({ my }: { my: ProposalMy }) {
  const termNumber = my.sessions[0]?.termNumber;
  return (
    <Alert
      type="info"
      showIcon
      title={termNumber ? `您不是第${chineseNumber(termNumber)}届教代会代表` : '本会还没有教代会届次'}
      description={termNumber ? '只有本届代表可以提出提案和附议。您对学校工作的意见和建议，可以请本组的代表代为提出。' : '工会设立教代会届次、选出代表后，代表可以在这里提出提案。'}
    />
  );
}

/**
 * 我的提案 (/proposals), on the phone: the sessions of the term with their collection window and 起草提案, the
 * invitations to co-sign (确认附议 / 不同意 right on the card), replies waiting for my rating, my own proposals and
 * those I co-signed.
 */
export function ProposalsMyPage() {
  const my = useProposalsMy();
  const header = <PageHeader title="我的提案" subtitle="起草提案、确认附议、查看办理进度并评价答复" />;
  if (my.isPending) return <>{header}<PageLoading /></>;
  if (my.error) return <>{header}<ErrorAlert error={my.error} /></>;
  const d = my.data;
  const rep = d.representative;
  // Sessions still ahead or still taking proposals; past ones are only history here.
  const upcoming = d.sessions.filter((s) => s.isWindowOpen || new Date(s.startsAt).getTime() > Date.now());
  return (
    <div className="uh-prop-page">
      {header}
      <div className="uh-prop-panel">
        {rep ? (
          <Typography.Text type="secondary">
            您是第{chineseNumber(rep.termNumber)}届教代会代表。每件提案须有提案人和至少 {rep.cosignersMin} 名代表附议。
          </Typography.Text>
        ) : (
          <NotRepresentative my={d} />
        )}
        {upcoming.length ? (
          <div className="uh-card-list" data-testid="proposal-sessions">
            {upcoming.map((s) => (
              <SessionCard key={s.id} session={s} canPropose={!!rep} />
            ))}
          </div>
        ) : null}
      </div>
      <Section title="待我附议" items={d.invitations} isUrgent testId="proposal-invitations">
        {d.invitations.map((p) => (
          <ProposalCard key={p.id} proposal={p} actions={<CosignButtons proposal={p} />} />
        ))}
      </Section>
      <Section title="待我评价" items={d.toRate} isUrgent testId="proposal-to-rate">
        {d.toRate.map((p) => (
          <ProposalCard
            key={p.id}
            proposal={p}
            actions={
              <Link to={`/proposals/${p.id}#rate`}>
                <Button type="primary">查看答复并评价</Button>
              </Link>
            }
          />
        ))}
      </Section>
      <Section title="我提出的" items={d.proposals} empty={rep ? '还没有提案。提案征集期间可以点“起草提案”。' : undefined} testId="proposal-mine">
        {d.proposals.map((p) => (
          <ProposalCard key={p.id} proposal={p} showProposer={false} />
        ))}
      </Section>
      <Section title="我附议的" items={d.cosigned} testId="proposal-cosigned">
        {d.cosigned.map((p) => (
          <ProposalCard key={p.id} proposal={p} />
        ))}
      </Section>
    </div>
  );
}
