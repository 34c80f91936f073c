import { useState } from 'react';
import { Alert, Button, Input, Typography } from 'antd';
import { CARE_LIMITS } from '../../../contracts/care';
import type { CapViolation } from './care-types';

/**
 * A payment refused by the union's care rules: every rule it breaks, one per line. The chair (`canOverride`) may
 * approve it past the standard with a written reason; anyone else is told who can.
 */
export function CapRefusal({
  violations,
  canOverride,
  isSaving,
  onOverride,
}: {
  violations: CapViolation[];
  canOverride: boolean;
  isSaving: boolean;
  onOverride: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  return (
    <div className="uh-care-panel" data-testid="care-cap-refusal">
      <Alert
        type="error"
        showIcon
        title={violations.length > 1 ? `超出本会慰问标准，有 ${violations.length} 条不符合：` : '超出本会慰问标准：'}
        description={
          <ul className="uh-care-violations">
            {violations.map((v) => (
              <li key={`${v.rule}:${v.message}`} data-testid="care-cap-violation">
                {v.message}
              </li>
            ))}
          </ul>
        }
      />
      {canOverride ? (
        <div className="uh-care-override" data-testid="care-override">
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            超标准批准（工会主席）
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            批准后按所填内容保存。批准理由、批准人和以上不符合的各项会记入操作记录，并在慰问统计中列出。
          </Typography.Paragraph>
          {/* Not a <Form>: this sits inside the visit form, and forms must not nest. */}
          <Typography.Text>批准理由</Typography.Text>
          <Input.TextArea
            rows={2}
            value={reason}
            onChange={(ev) => {
              setReason(ev.target.value);
              setMissing(false);
            }}
            maxLength={CARE_LIMITS.reasonMax}
            showCount
            status={isMissing ? 'error' : undefined}
            placeholder="如 病情严重、家庭困难，经工会委员会研究同意"
            style={{ marginTop: 4 }}
            data-testid="care-override-reason"
          />
          {isMissing ? <Typography.Text type="danger">请填写批准理由</Typography.Text> : null}
          <div style={{ marginTop: 12 }}>
            <Button
              type="primary"
              danger
              loading={isSaving}
              onClick={() => (reason.trim() ? onOverride(reason.trim()) : setMissing(true))}
              data-testid="care-override-save"
            >
              批准并保存
            </Button>
          </div>
        </div>
      ) : (
        <Typography.Text type="secondary">请按标准修改后再保存；确需超标准的，须由工会主席批准。</Typography.Text>
      )}
    </div>
  );
}
