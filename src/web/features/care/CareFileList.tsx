import { useRef, useState } from 'react';
import { App, Button, Image, Typography } from 'antd';
import { api } from '../../lib/api';
import { errorMessage } from '../../components';
import { fileProblem } from './FilePicker';
import { fileSizeText } from '../../lib/file-size';
import type { CareFile } from './care-types';
import { uploadCareFiles, useRefreshCare } from './use-care';

const isImage = (f: CareFile) => f.mime.startsWith('image/');

/**
 * The files of an event (`/care/events/:id`) or a visit (`/care/visits/:id`): pictures as thumbnails that open full
 * size, other files as download links; with `canUpload`, a button adds more.
 */
export function CareFileList({
  base,
  files,
  accept,
  canUpload = false,
  uploadLabel = '上传',
  isQuiet = false,
}: {
  base: string;
  files: CareFile[];
  accept: string;
  canUpload?: boolean;
  uploadLabel?: string;
  /** A link-style upload button, for a list of records where a button on each would be loud. */
  isQuiet?: boolean;
}) {
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const url = (f: CareFile) => api.url(`${base}/files/${f.id}`);
  const pictures = files.filter(isImage);
  const others = files.filter((f) => !isImage(f));

  const onPick = async (picked: File[]) => {
    const problem = picked.map(fileProblem).find(Boolean);
    if (problem) return void message.error(problem);
    try {
      await uploadCareFiles(`${base}/files`, picked, (i, f) => setProgress(`正在上传 ${i + 1}/${picked.length}：${f.name}`));
      void message.success(`已上传 ${picked.length} 个文件`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setProgress(null);
      void refresh();
    }
  };

  return (
    <div>
      {pictures.length ? (
        <Image.PreviewGroup>
          <div className="uh-care-photos">
            {pictures.map((f) => (
              <Image key={f.id} src={url(f)} alt={f.name} width={88} height={88} />
            ))}
          </div>
        </Image.PreviewGroup>
      ) : null}
      {others.length ? (
        <ul className="uh-care-files">
          {others.map((f) => (
            <li key={f.id}>
              <a href={url(f)} download={f.name}>
                {f.name}
              </a>
              <Typography.Text type="secondary">{fileSizeText(f.size)}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : null}
      {canUpload ? (
        <div style={{ marginTop: files.length ? 8 : 0 }}>
          <input
            ref={input}
            type="file"
            accept={accept}
            multiple
            style={{ display: 'none' }}
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              e.target.value = '';
              if (picked.length) void onPick(picked);
            }}
          />
          <Button size="small" type={isQuiet ? 'link' : 'default'} style={isQuiet ? { paddingInline: 0 } : undefined} onClick={() => input.current?.click()} loading={progress !== null}>
            {uploadLabel}
          </Button>
          {progress ? <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{progress}</Typography.Text> : null}
        </div>
      ) : null}
    </div>
  );
}
