import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A page's title row: the title, an optional one-line explanation, and actions on the right (wrapping on a phone). */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="uh-page-header">
      <div className="uh-page-header-text">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="uh-page-header-extra">{extra}</div> : null}
    </div>
  );
}
