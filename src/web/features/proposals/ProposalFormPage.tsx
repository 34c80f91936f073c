import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PROPOSAL_CATEGORIES, PROPOSAL_LIMITS, type ProposalCategory } from '../../../contracts/proposals';
import { errorMessage, ErrorAlert, PageHeader, PageLoading, useFormError } from '../../components';
import { windowText } from './proposal-format';
import type { ProposalDetail, ProposalMy } from './proposal-types';
import { FilePicker, ProposalFileList } from './ProposalFiles';
import { useCosignerCandidates, useCreateProposal, useProposal, useProposalsMy, useUpdateProposal } from './use-proposals';
import './proposals.css';

interface Values {
  sessionId: string;
  title: string;
  category: ProposalCategory;
  reasons: string;
  suggestions: string;
  cosignerMemberIds: string[];
}

/** The co-signer picker: the term's representatives, searched by name or 代表团. */
function CosignerSelect({ sessionId, value, onChange, min }: { sessionId: string | undefined; value?: string[]; onChange?: (v: string[]) => void; min: number }) {
  const candidates = useCosignerCandidates(sessionId);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={candidates.isPending}
      placeholder={`选择至少 ${min} 名代表`}
      showSearch={{ optionFilterProp: 'label' }}
      options={(candidates.data ?? []).map((c) => ({ value: c.memberId, label: c.constituency ? `${c.name}（${c.constituency}）` : c.name }))}
      notFoundContent={candidates.isPending ? '正在加载…' : '没有找到这位代表'}
      data-testid="proposal-cosigners"
    />
  );
}

/** The form itself, for a new draft (`draft` null) or the proposer's draft being changed. */
function ProposalForm({ my, draft, sessionId }: { my: ProposalMy; draft: ProposalDetail | null; sessionId: string | undefined }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const create = useCreateProposal();
  const update = useUpdateProposal(draft?.id ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const chosenSession = Form.useWatch('sessionId', form) ?? draft?.session.id ?? sessionId;
  const min = draft?.term.cosignersMin ?? my.representative?.cosignersMin ?? 2;
  const openSessions = my.sessions.filter((s) => s.proposalsCloseAt === null || new Date(s.proposalsCloseAt).getTime() > Date.now() || s.id === sessionId);
  const session = my.sessions.find((s) => s.id === chosenSession);

  const initial: Partial<Values> = draft
    ? {
        title: draft.title,
        category: draft.category as ProposalCategory,
        reasons: draft.reasons,
        suggestions: draft.suggestions,
        cosignerMemberIds: draft.signers.filter((s) => s.role === 'cosigner').map((s) => s.memberId),
      }
    : { sessionId: sessionId ?? openSessions.find((s) => s.isWindowOpen)?.id, reasons: '', suggestions: '', cosignerMemberIds: [] };

  const onFinish = (v: Values) => {
    formError.clear();
    const wording = { title: v.title.trim(), category: v.category, reasons: (v.reasons ?? '').trim(), suggestions: (v.suggestions ?? '').trim(), cosignerMemberIds: v.cosignerMemberIds ?? [] };
    if (draft) {
      update.mutate(wording, {
        onSuccess: () => {
          void message.success('草稿已保存');
          navigate(`/proposals/${draft.id}`, { replace: true });
        },
        onError: formError.onError,
      });
      return;
    }
    create.mutate(
      { body: { sessionId: v.sessionId, ...wording }, files },
      {
        onSuccess: ({ proposal, fileError }) => {
          void message.success(wording.cosignerMemberIds.length ? '草稿已保存，已请附议人确认' : '草稿已保存');
          if (fileError) void message.warning(`附件未能全部上传（${errorMessage(fileError)}），可在提案页面重新上传`, 6);
          navigate(`/proposals/${proposal.id}`, { replace: true });
        },
        onError: formError.onError,
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} className="uh-prop-form" scrollToFirstError={{ block: 'center' }} data-testid="proposal-form">
      {formError.alert}
      {draft ? (
        <Form.Item label="会议">
          <Typography.Text>{draft.session.title}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="sessionId" label="会议" rules={[{ required: true, message: '请选择会议' }]} extra={session ? windowText(session) : undefined}>
          <Select options={openSessions.map((s) => ({ value: s.id, label: s.title }))} placeholder="请选择" data-testid="proposal-session" />
        </Form.Item>
      )}
      <Form.Item name="title" label="案由" rules={[{ required: true, whitespace: true, message: '请填写案由' }]} extra="一事一案，用一句话说明提什么，如“关于增设教师午休室的建议”">
        <Input maxLength={PROPOSAL_LIMITS.titleMax} showCount data-testid="proposal-title" />
      </Form.Item>
      <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Radio.Group optionType="button" options={PROPOSAL_CATEGORIES.map((c) => ({ value: c, label: c }))} className="uh-prop-choices" data-testid="proposal-category" />
      </Form.Item>
      <Form.Item name="reasons" label="理由" extra="现状和问题，提交前须填写">
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={PROPOSAL_LIMITS.reasonsMax} showCount data-testid="proposal-reasons" />
      </Form.Item>
      <Form.Item name="suggestions" label="建议" extra="具体、可行的办法，提交前须填写">
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={PROPOSAL_LIMITS.suggestionsMax} showCount data-testid="proposal-suggestions" />
      </Form.Item>
      <Form.Item
        name="cosignerMemberIds"
        label="附议人"
        extra={`至少 ${min} 名本届代表附议。保存后他们会收到通知，在手机上确认后才能提交${draft ? '；修改案由、理由或建议后，已确认的附议人需要重新确认' : ''}`}
      >
        <CosignerSelect sessionId={chosenSession} min={min} />
      </Form.Item>
      <Form.Item label="附件" extra={`可选；PDF、Word、Excel、PPT 或图片，每个不超过 ${PROPOSAL_LIMITS.fileMaxBytes / 1024 / 1024} MB`}>
        {draft ? (
          <ProposalFileList proposalId={draft.id} files={draft.files} uploadPath={`/proposals/${draft.id}/files`} canDelete />
        ) : (
          <FilePicker files={files} onChange={setFiles} testId="proposal-files-input" />
        )}
      </Form.Item>
      <Flex gap={8} className="uh-prop-actions">
        <Button type="primary" size="large" htmlType="submit" loading={create.isPending || update.isPending} data-testid="proposal-save">
          保存草稿
        </Button>
        <Button size="large" onClick={() => navigate(-1)}>
          取消
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
        保存后是草稿，只有您和附议人能看到。附议人确认后，在提案页面点“提交”。
      </Typography.Paragraph>
    </Form>
  );
}

/** 起草提案 (/proposals/new?sessionId=) and 修改草稿 (/proposals/:id/edit), phone first. */
export function ProposalFormPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const my = useProposalsMy();
  const draft = useProposal(id);
  const isEdit = !!id;
  const back = isEdit ? { to: `/proposals/${id}`, label: '返回提案' } : { to: '/proposals', label: '返回我的提案' };
  const header = <PageHeader title={isEdit ? '修改草稿' : '起草提案'} subtitle="案由、类别、理由、建议，并请其他代表附议" />;
  const top = (
    <>
      <Link to={back.to}>‹ {back.label}</Link>
      <div style={{ marginTop: 12 }}>{header}</div>
    </>
  );
  if (my.isPending || (isEdit && draft.isPending)) return <>{top}<PageLoading /></>;
  if (my.error || (isEdit && draft.error)) return <>{top}<ErrorAlert error={my.error ?? draft.error} /></>;
  if (!my.data.representative) {
    return (
      <div className="uh-prop-page">
        {top}
        <Alert type="info" showIcon title="只有本届教代会代表可以提出提案" />
      </div>
    );
  }
  if (isEdit && draft.data && !draft.data.can.edit) {
    return (
      <div className="uh-prop-page">
        {top}
        <Alert type="info" showIcon title="这件提案已经提交，不能再修改" />
      </div>
    );
  }
  return (
    <div className="uh-prop-page">
      {top}
      <ProposalForm my={my.data} draft={isEdit ? (draft.data ?? null) : null} sessionId={params.get('sessionId') ?? undefined} />
    </div>
  );
}
