import { Button, Typography } from 'antd';
import { fileSizeText } from '../lib/file-size';

/** Files chosen for upload and not sent yet: name, size and 移除 for each. */
export function PickedFiles({ files, onChange, className }: { files: File[]; onChange: (files: File[]) => void; className: string }) {
  if (files.length === 0) return null;
  return (
    <ul className={className} style={{ marginTop: 6 }}>
      {files.map((f, i) => (
        <li key={`${f.name}-${i}`}>
          <span>{f.name}</span>
          <Typography.Text type="secondary">{fileSizeText(f.size)}</Typography.Text>
          <Button type="link" size="small" onClick={() => onChange(files.filter((_, j) => j !== i))}>
            移除
          </Button>
        </li>
      ))}
    </ul>
  );
}
