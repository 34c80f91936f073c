import { useRef, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { CARE_LIMITS } from '../../../contracts/care';
import { api, sendForm } from '../../lib/api';
import type { HardshipFileDetail } from './care-admin-types';
import { useRefreshCare } from './use-care-admin';

const MB = 1024 * 1024;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.webp';

/** "1.2 MB", "340 KB". */
function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 证明材料: income certificates, 低保证, medical bills — uploaded one by one, downloaded only by the keepers. */
export function HardshipEvidence({ file, canUpload }: { file: HardshipFileDetail; canUpload: boolean }) {
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      for (const f of files) {
        const form = new FormData();
        form.append('file', f);
        await sendForm(`/hardship/files/${file.id}/files`, form);
      }
      return files.length;
    },
    onSuccess: (n) => message.success(`已上传 ${n} 份材料`),
    onError: (e) => message.error(e.message),
    onSettled: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (evidenceId: string) => api.send('DELETE', `/hardship/files/${file.id}/files/${evidenceId}`),
    onSuccess: () => {
      message.success('材料已删除');
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (file.files.length + files.length > CARE_LIMITS.filesMax) {
      message.error(`每份档案最多 ${CARE_LIMITS.filesMax} 份材料`);
      return;
    }
    if (files.length) upload.mutate(files);
  };
  return (
    <Card
      size="small"
      title="证明材料"
      extra={
        canUpload ? (
          <Button size="small" onClick={() => input.current?.click()} loading={upload.isPending} data-testid="hardship-upload">
            上传材料
          </Button>
        ) : null
      }
      data-testid="hardship-evidence"
    >
      <input ref={input} type="file" accept={ACCEPT} multiple hidden onChange={pick} />
      {file.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="收入证明、低保证、医疗费用票据等；支持 PDF、Word、Excel 和图片" />
      ) : (
        <Flex vertical gap={6}>
          {file.files.map((f) => (
            <Flex key={f.id} align="center" gap={8} wrap>
              <a href={api.url(`/hardship/files/${file.id}/files/${f.id}`)} target="_blank" rel="noreferrer">
                {f.name}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {sizeLabel(f.size)}
              </Typography.Text>
              {canUpload ? (
                <Popconfirm title={`删除“${f.name}”？`} okText="删除" cancelText="不删" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(f.id)}>
                  <Button type="link" danger size="small">
                    删除
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
