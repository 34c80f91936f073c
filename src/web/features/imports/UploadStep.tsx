import { useState } from 'react';
import { Alert, Flex, Progress, Typography, Upload } from 'antd';
import { useT } from '../../lib/i18n';
import { api, ApiError, upload } from '../../lib/api';
import { LIMITS } from '../../../contracts/limits';
import { ErrorAlert } from '../../components';
import type { ImportJob } from './import-types';

interface Props {
  /** The import being read, if a file was sent already. */
  job: ImportJob | undefined;
  onUploaded: (id: string) => void;
}

/**
 * 上传: choose or drop an .xlsx/.csv, watch the upload percent, then the server's reading progress
 * (polled by the wizard). A failed read shows the server's reason and the drop zone stays for another try.
 */
export function UploadStep({ job, onUploaded }: Props) {
  const t = useT();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isReading = job?.status === 'reading';

  const send = async (file: File) => {
    setError(null);
    // Say so before sending 20 MB over a school's network only to have the server refuse it.
    if (file.size > LIMITS.importFileMaxBytes) {
      setError(new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件超过 20 MB，请分批导入'));
      return;
    }
    setPercent(0);
    try {
      const { id } = await upload<{ id: string }>('/imports', file, setPercent);
      onUploaded(id);
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        请上传 Excel（.xlsx）或 CSV 文件，第一行为表头。列名不必与模板完全一致，下一步可以逐列指定对应的字段。
        <a href={api.url('/imports/template.xlsx')} data-testid="import-template" style={{ marginInlineStart: 8 }}>
          {t('下载导入模板')}
        </a>
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {job?.status === 'failed' ? (
        <Alert type="error" showIcon title={`文件“${job.fileName}”未能读取`} description={job.error ?? '请检查文件后重新上传'} data-testid="import-read-error" />
      ) : null}
      {percent !== null ? (
        <div data-testid="import-upload-progress">
          <Typography.Text>正在上传…</Typography.Text>
          <Progress percent={percent} />
        </div>
      ) : isReading ? (
        <div data-testid="import-read-progress">
          <Typography.Text>
            正在读取“{job.fileName}”，已读 {job.rowsDone} 行…
          </Typography.Text>
          <Progress percent={job.progress} status="active" />
        </div>
      ) : (
        <div data-testid="import-upload">
          <Upload.Dragger
            id="import-file"
            accept=".xlsx,.csv,.xls"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              // The file goes through our own upload() (with progress), not antd's uploader.
              return false;
            }}
          >
            <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }}>
              点击或拖入名册文件
            </Typography.Paragraph>
            <Typography.Text type="secondary">支持 .xlsx 和 .csv，最大 20 MB；旧版 .xls 请先另存为 .xlsx</Typography.Text>
          </Upload.Dragger>
        </div>
      )}
    </Flex>
  );
}
