import { Card, Tag, Typography } from 'antd';
import type { Composition } from './congress-types';

/**
 * 代表构成: each policy check as the server words it with its numbers ("教师代表 41 / 67 = 61.2%（不低于 60%）✓"),
 * the women's share and the age bands. A failed check is a warning to act on at the next by-election, not a block.
 */
export function CompositionCard({ composition: c }: { composition: Composition }) {
  const failed = c.checks.filter((k) => !k.ok);
  return (
    <Card size="small" title={`代表构成（正式代表 ${c.total} 人）`} data-testid="composition">
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {c.checks.map((k) => (
          <div key={k.rule} className={`uh-cg-check ${k.ok ? 'uh-cg-check-ok' : 'uh-cg-check-warn'}`} data-testid={`composition-${k.rule}`}>
            <span>{k.text}</span>
          </div>
        ))}
        <div className="uh-cg-check">
          <span>{c.womenText}</span>
        </div>
        {c.ageBands.length > 0 ? (
          <div className="uh-cg-tags" style={{ marginTop: 4 }}>
            {c.ageBands.map((b) => (
              <Tag key={b.label}>
                {b.label} {b.count} 人
              </Tag>
            ))}
          </div>
        ) : null}
        {failed.length > 0 ? (
          <Typography.Text type="warning" style={{ fontSize: 13 }}>
            构成比例未达到本届要求，可在补选时调整；这只是提示，不影响登记和表决。
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}
