import { useRef, useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Image, Popconfirm, Progress, Typography } from 'antd';
import { ACTIVITY_LIMITS, ATTACHMENT_EXTENSIONS, PHOTO_TYPES } from '../../../contracts/activities';
import { api, sendForm } from '../../lib/api';
import type { ActivityDetail, ActivityFile } from './activity-admin-types';
import { useRefreshActivities } from './use-activity-admin';

type Kind = ActivityFile['kind'];

const MB = 1024 * 1024;

/** "1.2 MB", "340 KB". */
function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why a chosen file cannot be uploaded as that kind, in words; null when it can. */
function fileProblem(file: File, kind: Kind): string | null {
  if (kind === 'photo') {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return `“${file.name}”不是 JPG、PNG 或 WebP 图片`;
    if (file.size > ACTIVITY_LIMITS.photoMaxBytes) return `照片不能超过 ${ACTIVITY_LIMITS.photoMaxBytes / MB} MB（“${file.name}”有 ${sizeLabel(file.size)}）`;
    return null;
  }
  const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return `附件只能是 ${ATTACHMENT_EXTENSIONS.join('、')} 文件`;
  if (file.size > ACTIVITY_LIMITS.attachmentMaxBytes) return `附件不能超过 ${ACTIVITY_LIMITS.attachmentMaxBytes / MB} MB（“${file.name}”有 ${sizeLabel(file.size)}）`;
  return null;
}

/** 照片和附件: photos of the activity and documents (通知, 方案, 总结), uploaded one by one. */
export function ActivityFiles({ activity, canEdit }: { activity: ActivityDetail; canEdit: boolean }) {
  const { message } = App.useApp();
  const refresh = useRefreshActivities();
  const photoInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const fileUrl = (f: ActivityFile) => api.url(`/activities/${activity.id}/files/${f.id}`);

  const upload = useMutation({
    mutationFn: async ({ files, kind }: { files: File[]; kind: Kind }) => {
      for (const [i, file] of files.entries()) {
        setProgress(`正在上传 ${i + 1}/${files.length}：${file.name}`);
        const form = new FormData();
        form.append('kind', kind);
        form.append('file', file);
        await sendForm(`/activities/${activity.id}/files`, form);
      }
      return files.length;
    },
    onSuccess: (n, { kind }) => message.success(`已上传 ${n} ${kind === 'photo' ? '张照片' : '个附件'}`),
    onError: (e) => message.error(e.message),
    onSettled: () => {
      setProgress(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (f: ActivityFile) => api.send('DELETE', `/activities/${activity.id}/files/${f.id}`),
    onSuccess: (_r, f) => {
      message.success(`已删除：${f.name}`);
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });

  const pick = (kind: Kind) => (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const problem = files.map((f) => fileProblem(f, kind)).find(Boolean);
    if (problem) {
      message.error(problem);
      return;
    }
    if (activity.files.length + files.length > ACTIVITY_LIMITS.filesMax) {
      message.error(`每个活动最多 ${ACTIVITY_LIMITS.filesMax} 个文件`);
      return;
    }
    if (files.length) upload.mutate({ files, kind });
  };

  const photos = activity.files.filter((f) => f.kind === 'photo');
  const attachments = activity.files.filter((f) => f.kind === 'attachment');
  const removeButton = (f: ActivityFile) =>
    canEdit ? (
      <Popconfirm title={`删除“${f.name}”？`} okText="删除" cancelText="不删" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(f)}>
        <Button type="link" danger size="small">
          删除
        </Button>
      </Popconfirm>
    ) : null;

  return (
    <Card
      title="照片和附件"
      size="small"
      extra={
        canEdit ? (
          <Flex gap={8}>
            <Button size="small" onClick={() => photoInput.current?.click()} disabled={upload.isPending} data-testid="activity-upload-photo">
              上传照片
            </Button>
            <Button size="small" onClick={() => fileInput.current?.click()} disabled={upload.isPending} data-testid="activity-upload-file">
              上传附件
            </Button>
          </Flex>
        ) : null
      }
      data-testid="activity-files"
    >
      <input ref={photoInput} type="file" accept={PHOTO_TYPES.join(',')} multiple hidden onChange={pick('photo')} />
      <input ref={fileInput} type="file" accept={ATTACHMENT_EXTENSIONS.join(',')} multiple hidden onChange={pick('attachment')} />
      {progress ? (
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{progress}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} size="small" />
        </Flex>
      ) : null}
      {activity.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`还没有照片或附件。照片限 JPG、PNG、WebP，每张不超过 ${ACTIVITY_LIMITS.photoMaxBytes / MB} MB；附件限 PDF、Word、Excel、PPT，不超过 ${ACTIVITY_LIMITS.attachmentMaxBytes / MB} MB。`} />
      ) : null}
      {photos.length ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8} style={{ marginBottom: attachments.length ? 12 : 0 }}>
            {photos.map((f) => (
              <Flex key={f.id} vertical align="center" className="uh-act-photo" data-testid="activity-photo">
                <Image src={fileUrl(f)} alt={f.name} width={104} height={78} style={{ objectFit: 'cover', borderRadius: 4 }} />
                {removeButton(f)}
              </Flex>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {attachments.map((f) => (
        <Flex key={f.id} align="center" gap={8} wrap data-testid="activity-attachment">
          <a href={fileUrl(f)} download={f.name}>
            {f.name}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sizeLabel(f.size)}
          </Typography.Text>
          {removeButton(f)}
        </Flex>
      ))}
    </Card>
  );
}
