import { useRef, useState } from 'react';
import { App, Button, Typography } from 'antd';
import { PROPOSAL_LIMITS } from '../../../contracts/proposals';
import { api } from '../../lib/api';
import { errorMessage, PickedFiles } from '../../components';
import { fileSizeText } from '../../lib/file-size';
import { ATTACHMENT_ACCEPT, type ProposalFile } from './proposal-types';
import { uploadProposalFiles, useDeleteProposalFile, useRefreshProposals } from './use-proposals';

const MB = 1024 * 1024;


/** Why chosen files cannot be attached, in words; null when they can. */
function filesProblem(picked: File[], already: number): string | null {
  const big = picked.find((f) => f.size > PROPOSAL_LIMITS.fileMaxBytes);
  if (big) return `“${big.name}”有 ${fileSizeText(big.size)}，每个附件不能超过 ${PROPOSAL_LIMITS.fileMaxBytes / MB} MB`;
  if (already + picked.length > PROPOSAL_LIMITS.filesMax) return `每件提案最多 ${PROPOSAL_LIMITS.filesMax} 个附件`;
  return null;
}

/** A hidden file input and the button that opens it. */
function PickButton({ label, onPick, isLoading, testId }: { label: string; onPick: (files: File[]) => void; isLoading?: boolean; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ATTACHMENT_ACCEPT}
        multiple
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          if (picked.length) onPick(picked);
        }}
      />
      <Button onClick={() => input.current?.click()} loading={isLoading}>
        {label}
      </Button>
    </>
  );
}

/** Files chosen on the device, sent once the draft or the reply is saved; each can be taken out again. */
export function FilePicker({ files, onChange, testId }: { files: File[]; onChange: (files: File[]) => void; testId?: string }) {
  const { message } = App.useApp();
  return (
    <div>
      <PickButton
        label="选择附件"
        testId={testId}
        onPick={(picked) => {
          const problem = filesProblem(picked, files.length);
          if (problem) return void message.error(problem);
          onChange([...files, ...picked]);
        }}
      />
      <PickedFiles files={files} onChange={onChange} className="uh-prop-files" />
    </div>
  );
}

/**
 * The stored attachments of a proposal (or of one reply) as download links; `uploadPath` adds a button that sends
 * more at once, `canDelete` a 删除 link on each (the proposer's draft).
 */
export function ProposalFileList({ proposalId, files, uploadPath, canDelete = false }: { proposalId: string; files: ProposalFile[]; uploadPath?: string; canDelete?: boolean }) {
  const { message, modal } = App.useApp();
  const refresh = useRefreshProposals();
  const remove = useDeleteProposalFile(proposalId);
  const [progress, setProgress] = useState<string | null>(null);
  const onPick = async (picked: File[]) => {
    const problem = filesProblem(picked, files.length);
    if (problem || !uploadPath) return void message.error(problem);
    try {
      await uploadProposalFiles(uploadPath, picked, (i, f) => setProgress(`正在上传 ${i + 1}/${picked.length}：${f.name}`));
      void message.success(`已上传 ${picked.length} 个附件`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setProgress(null);
      void refresh();
    }
  };
  return (
    <div>
      {files.length ? (
        <ul className="uh-prop-files" data-testid="proposal-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={api.url(`/proposals/${proposalId}/files/${f.id}`)} target={f.mime.startsWith('image/') ? '_blank' : undefined} rel="noreferrer" download={f.mime.startsWith('image/') ? undefined : f.name}>
                {f.name}
              </a>
              <Typography.Text type="secondary">{fileSizeText(f.size)}</Typography.Text>
              {canDelete ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: `删除附件“${f.name}”？`,
                      okText: '删除',
                      okButtonProps: { danger: true },
                      cancelText: '不删除',
                      onOk: () => remove.mutateAsync(f.id).catch((e: unknown) => void message.error(errorMessage(e))),
                    })
                  }
                >
                  删除
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : uploadPath ? null : (
        <Typography.Text type="secondary">没有附件</Typography.Text>
      )}
      {uploadPath ? (
        <div style={{ marginTop: files.length ? 8 : 0 }}>
          <PickButton label="上传附件" onPick={(p) => void onPick(p)} isLoading={progress !== null} testId="proposal-file-upload" />
          {progress ? <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{progress}</Typography.Text> : null}
        </div>
      ) : null}
    </div>
  );
}
