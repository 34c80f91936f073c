import type { ReactNode } from 'react';
import { Result, Spin, Typography } from 'antd';
import { ApiError } from '../lib/api';
import { useMe } from '../lib/session';
import type { Scan } from '../lib/use-scan-once';
import { errorMessage } from './ErrorAlert';

/** What was checked in to, as the landing page names it under the result. */
export interface CheckinSubject {
  title: string;
  when: string;
  place: string | null;
  testId: string;
}

/** A scan page's own words and links; everything else on the page is shared. */
export interface ScanCheckinTexts {
  /** Under 签到链接不完整: where to scan again. */
  incomplete: string;
  /** Under 签到码已过期: where to scan again and how often the code changes. */
  expired: string;
  /** The title when nothing was scanned and the person is not checked in yet. */
  idle: string;
}

interface Props {
  scan: Scan;
  checkIn: { isPending: boolean; isIdle: boolean; isError: boolean; error: unknown };
  detail: { data?: unknown; isPending: boolean; error: unknown };
  subject: CheckinSubject | undefined;
  /** When the person was marked present (by this scan or earlier); null while they are not. */
  presentAt: string | null;
  successTitle: string;
  timeLabel: (at: string) => string;
  /** Said under the check-in time, if anything. */
  successHint?: ReactNode;
  texts: ScanCheckinTexts;
  /** The server's reason in words; `hasOtherOrgs` when the person may simply be in the wrong organisation. */
  refusalText: (e: unknown, hasOtherOrgs: boolean) => string;
  /** The buttons under a result; `id` is empty when what was scanned is unknown or out of reach. */
  actions: (id: string) => ReactNode;
  className: string;
}

/** True when the server refused the code itself (expired or wrong), as opposed to the person or the time. */
const isCodeProblem = (e: unknown) => e instanceof ApiError && e.fields.some((f) => f.path === 'code');

function SubjectLine({ subject }: { subject: CheckinSubject | undefined }) {
  if (!subject) return null;
  return (
    <>
      <Typography.Title level={4} style={{ margin: '0 0 4px' }} data-testid={subject.testId}>
        {subject.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {subject.when}
        {subject.place ? ` · ${subject.place}` : ''}
      </Typography.Text>
    </>
  );
}

/**
 * The landing page of a check-in QR code once the code is sent: checking in, checked in (by this scan or before —
 * a stale code does not matter to someone already present), refused and why, or waiting for a scan.
 */
export function ScanCheckinResult({ scan, checkIn, detail, subject, presentAt, successTitle, timeLabel, successHint, texts, refusalText, actions, className }: Props) {
  const { data: me } = useMe();
  const shownId = detail.data ? scan.id : '';
  let body;
  if (!scan.id) {
    body = <Result status="warning" title="签到链接不完整" subTitle={texts.incomplete} extra={actions('')} />;
  } else if (checkIn.isPending || (scan.code && checkIn.isIdle) || (checkIn.isError && detail.isPending)) {
    body = (
      <div style={{ textAlign: 'center', padding: '64px 0' }}>
        <Spin size="large" />
        <Typography.Paragraph style={{ marginTop: 16 }}>正在签到…</Typography.Paragraph>
      </div>
    );
  } else if (presentAt) {
    body = (
      <Result
        status="success"
        title={<span data-testid="checkin-success">{successTitle}</span>}
        subTitle={
          <div>
            <SubjectLine subject={subject} />
            <Typography.Paragraph style={{ marginTop: 12, fontSize: 16 }}>签到时间：{timeLabel(presentAt)}</Typography.Paragraph>
            {successHint}
          </div>
        }
        extra={actions(scan.id)}
      />
    );
  } else if (checkIn.isError) {
    const isExpired = isCodeProblem(checkIn.error);
    body = (
      <Result
        status={isExpired ? 'warning' : 'error'}
        title={isExpired ? '签到码已过期' : '未能签到'}
        subTitle={<div data-testid="checkin-error">{isExpired ? texts.expired : refusalText(checkIn.error, (me?.memberships.length ?? 0) > 1)}</div>}
        extra={actions(shownId)}
      />
    );
  } else if (detail.isPending) {
    body = (
      <div style={{ textAlign: 'center', padding: '64px 0' }}>
        <Spin size="large" />
      </div>
    );
  } else {
    body = <Result status="info" title={texts.idle} subTitle={detail.data ? <SubjectLine subject={subject} /> : errorMessage(detail.error)} extra={actions(shownId)} />;
  }
  return <div className={className}>{body}</div>;
}
