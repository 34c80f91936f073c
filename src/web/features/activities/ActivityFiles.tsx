import { Card, Image } from 'antd';
import { api } from '../../lib/api';
import { formatFileSize } from './activity-format';
import type { ActivityFile } from './activity-types';

const fileUrl = (activityId: string, fileId: string) => api.url(`/activities/${activityId}/files/${fileId}`);

/** 活动照片 as thumbnails that open full size, and 附件 as download links with their size. */
export function ActivityFiles({ activityId, files }: { activityId: string; files: ActivityFile[] }) {
  const photos = files.filter((f) => f.kind === 'photo');
  const attachments = files.filter((f) => f.kind === 'attachment');
  return (
    <>
      {photos.length ? (
        <Card size="small" title={`活动照片（${photos.length}）`} data-testid="activity-photos">
          <Image.PreviewGroup>
            <div className="uh-mact-photos">
              {photos.map((p) => (
                <Image key={p.id} src={fileUrl(activityId, p.id)} alt={p.name} width={96} height={96} />
              ))}
            </div>
          </Image.PreviewGroup>
        </Card>
      ) : null}
      {attachments.length ? (
        <Card size="small" title="附件" data-testid="activity-attachments">
          <ul className="uh-mact-files">
            {attachments.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(activityId, f.id)} download={f.name}>
                  {f.name}
                </a>
                <span style={{ color: '#8c8c8c' }}>{formatFileSize(f.size)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
