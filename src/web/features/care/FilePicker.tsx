import { useRef } from 'react';
import { App, Button } from 'antd';
import { CARE_LIMITS } from '../../../contracts/care';
import { PickedFiles } from '../../components';
import { fileSizeText } from '../../lib/file-size';

/** Why a chosen file cannot go with the record, in words; null when it can. */
export function fileProblem(file: File): string | null {
  if (file.size > CARE_LIMITS.fileMaxBytes) return `“${file.name}”有 ${fileSizeText(file.size)}，每个文件不能超过 ${CARE_LIMITS.fileMaxBytes / 1024 / 1024} MB`;
  return null;
}

/**
 * Files chosen on the device (photos from the camera or the album, a scanned certificate) that are sent after the
 * record is saved; listed with a way to take one out again.
 */
export function FilePicker({
  files,
  onChange,
  accept,
  label,
  testId,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  accept: string;
  label: string;
  testId?: string;
}) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          const problem = picked.map(fileProblem).find(Boolean);
          if (problem) {
            void message.error(problem);
            return;
          }
          if (files.length + picked.length > CARE_LIMITS.filesMax) {
            void message.error(`最多 ${CARE_LIMITS.filesMax} 个文件`);
            return;
          }
          onChange([...files, ...picked]);
        }}
      />
      <Button onClick={() => input.current?.click()}>{label}</Button>
      <PickedFiles files={files} onChange={onChange} className="uh-care-files" />
    </div>
  );
}
