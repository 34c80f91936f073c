import { useEffect, useState } from 'react';
import { Button, Card, Result, Steps, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router-dom';
import { SIGNER_ROLE_LABELS, SIGNER_STATUS_LABELS } from '../../../contracts/proposals';
import { ErrorAlert, PageLoading } from '../../components';
import { ApiError } from '../../lib/api';
import { cosignText, proposalName, timelineSteps } from './proposal-format';
import type { ProposalDetail } from './proposal-types';
import { CosignerActions, ProposerActions } from './ProposalActions';
import { ProposalTags } from './ProposalCard';
import { ProposalFileList } from './ProposalFiles';
import { AssignmentCard, RepliesCard, ReviewCard } from './ProposalHandling';
import { AssignModal } from './AssignModal';
import { NotesCard } from './NotesCard';
import { RateForm } from './RateForm';
import { ReplyForm } from './ReplyForm';
import { MergeModal, ReviewModal } from './ReviewModals';
import { useProposal } from './use-proposals';
import './proposals.css';

const SIGNER_COLORS = { invited: 'orange', confirmed: 'green', declined: undefined } as const;

/** Where "back" goes: the list the person came from by their part in the proposal. */
function backOf(p: ProposalDetail | undefined): { to: string; label: string } {
  if (p?.myRoles.includes('reviewer')) return { to: '/proposals/admin', label: '返回提案管理' };
  if (p && (p.myRoles.includes('lead') || p.myRoles.includes('assist'))) return { to: '/proposals/assigned', label: '返回待答复提案' };
  return { to: '/proposals', label: '返回我的提案' };
}

/** 内容: session, category, proposer, 理由, 建议, attachments. */
function ContentCard({ p }: { p: ProposalDetail }) {
  const draftFiles = p.files.filter((f) => f.replyRound === null);
  return (
    <Card size="small" title="提案内容" data-testid="proposal-content">
      <dl className="uh-prop-facts">
        <dt>会议</dt>
        <dd>{p.session.title}</dd>
        <dt>类别</dt>
        <dd>{p.category}</dd>
        <dt>提案人</dt>
        <dd>{p.proposer.name}</dd>
        <dt>理由</dt>
        <dd className="uh-prop-pre">{p.reasons || <Typography.Text type="secondary">（未填写）</Typography.Text>}</dd>
        <dt>建议</dt>
        <dd className="uh-prop-pre">{p.suggestions || <Typography.Text type="secondary">（未填写）</Typography.Text>}</dd>
        {draftFiles.length || p.can.edit ? (
          <>
            <dt>附件</dt>
            <dd>
              <ProposalFileList proposalId={p.id} files={draftFiles} uploadPath={p.can.edit ? `/proposals/${p.id}/files` : undefined} canDelete={p.can.edit} />
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** "附议人（1/2 人已确认，1 人待确认）" while a draft; afterwards who signed, with 联名提案人 after a merge. */
function signersTitle(p: ProposalDetail): string {
  if (p.status === 'draft') return `附议人（${cosignText(p.cosigners).replace(/^附议 /, '')}）`;
  return p.signers.some((s) => s.role === 'joint') ? '附议人和联名提案人' : '附议人';
}

/** 附议人 and 联名提案人 with where each stands. */
function SignersCard({ p }: { p: ProposalDetail }) {
  return (
    <Card size="small" title={signersTitle(p)} data-testid="proposal-signers">
      {p.signers.length === 0 ? (
        <Typography.Text type="secondary">还没有邀请附议人。{p.can.edit ? '点“修改”选择附议人。' : ''}</Typography.Text>
      ) : (
        <ul className="uh-prop-signers">
          {p.signers.map((s) => (
            <li key={s.memberId} data-testid="proposal-signer" data-name={s.name}>
              <span>{s.name}</span>
              {s.role === 'joint' ? <Tag color="purple">{SIGNER_ROLE_LABELS.joint}</Tag> : <Tag color={SIGNER_COLORS[s.status]}>{SIGNER_STATUS_LABELS[s.status]}</Tag>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** 审查 / 并案 / 交办 buttons of the proposals committee, with their dialogs. */
function CommitteeActions({ p }: { p: ProposalDetail }) {
  const [open, setOpen] = useState<'review' | 'merge' | 'assign' | null>(null);
  if (!p.can.review && !p.can.merge && !p.can.assign) return null;
  const close = () => setOpen(null);
  return (
    <Card size="small" title="提案工作委员会" data-testid="proposal-committee">
      <div className="uh-prop-actions">
        {p.can.review ? (
          <Button type="primary" onClick={() => setOpen('review')} data-testid="proposal-review-open">
            审查
          </Button>
        ) : null}
        {p.can.assign ? (
          <Button type={p.status === 'accepted' ? 'primary' : 'default'} onClick={() => setOpen('assign')} data-testid="proposal-assign-open">
            {p.status === 'assigned' ? '调整交办' : '交办'}
          </Button>
        ) : null}
        {p.can.merge ? (
          <Button onClick={() => setOpen('merge')} data-testid="proposal-merge-open">
            并案
          </Button>
        ) : null}
      </div>
      <ReviewModal proposal={p} open={open === 'review'} onClose={close} />
      <MergeModal proposal={p} open={open === 'merge'} onClose={close} />
      <AssignModal proposal={p} open={open === 'assign'} onClose={close} />
    </Card>
  );
}

/**
 * 提案 (/proposals/:id): number, title and state; the timeline of its life; what the actor may do (co-sign; edit,
 * submit, withdraw; review, merge, assign; reply; rate); the content; co-signers; review, assignment, replies with
 * their ratings, and 督办 notes. The server decides who may read it (others get 404).
 */
export function ProposalPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const proposal = useProposal(id);
  const p = proposal.data;
  useEffect(() => {
    // A link to #rate or #reply (待我评价, a notification) scrolls to the form once the page is there.
    if (p && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [p, location.hash]);

  const back = backOf(p);
  if (proposal.isPending) return <PageLoading />;
  if (proposal.error || !p) {
    if (proposal.error instanceof ApiError && proposal.error.status === 404) {
      return (
        <Result
          status="404"
          title="提案不存在"
          subTitle="这件提案不存在，或您无权查看。"
          extra={
            <Link to="/proposals">
              <Button type="primary">返回我的提案</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={proposal.error} />;
  }
  return (
    <div className="uh-prop-page uh-prop-page-wide">
      <Link to={back.to}>‹ {back.label}</Link>
      <div className="uh-prop-head">
        <ProposalTags proposal={p} />
        <Typography.Title level={3} className="uh-prop-title" data-testid="proposal-title-text">
          {proposalName(p)}
        </Typography.Title>
      </div>
      <div className="uh-prop-layout">
        <div className="uh-prop-panel">
          {p.can.submit || p.can.edit || p.can.withdraw ? <ProposerActions p={p} /> : null}
          <CommitteeActions p={p} />
          <ContentCard p={p} />
          {p.signers.length || p.status === 'draft' ? <SignersCard p={p} /> : null}
          {p.can.cosign ? <CosignerActions p={p} /> : null}
          <ReviewCard proposal={p} />
          <AssignmentCard proposal={p} />
          <RepliesCard proposal={p} />
          {p.can.rate ? <RateForm proposal={p} /> : null}
          {p.can.reply ? <ReplyForm proposal={p} /> : null}
          <NotesCard proposal={p} />
        </div>
        <Card size="small" title="办理进度" className="uh-prop-timeline" data-testid="proposal-timeline">
          <Steps orientation="vertical" type="dot" size="small" current={-1} items={timelineSteps(p).map((s) => ({ key: s.key, title: s.title, content: s.description, status: s.status }))} />
        </Card>
      </div>
    </div>
  );
}
