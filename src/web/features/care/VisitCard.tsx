import { Tag, Typography } from 'antd';
import { VISIT_METHOD_LABELS } from '../../../contracts/care';
import { formatShanghaiTime } from '../../lib/time';
import { dayText, givenText } from './care-format';
import { PHOTO_ACCEPT, type CareVisit } from './care-types';
import { CareFileList } from './CareFileList';

/** One visit: day and method, who went, what was given, notes and photos; an approved excess is flagged with its reason. */
export function VisitCard({ visit: v, canUpload }: { visit: CareVisit; canUpload: boolean }) {
  return (
    <div className="uh-care-visit" data-testid="care-visit">
      <div className="uh-care-card-top">
        <Typography.Text strong>
          {dayText(v.visitedOn)} · {VISIT_METHOD_LABELS[v.method]}
        </Typography.Text>
        {v.override ? (
          <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="care-visit-override">
            主席批准超标准
          </Tag>
        ) : null}
      </div>
      <dl className="uh-care-facts" style={{ marginTop: 4 }}>
        <dt>慰问人</dt>
        <dd>{v.visitors.map((x) => x.name).join('、')}</dd>
        <dt>发放</dt>
        <dd>{givenText(v)}</dd>
        {v.amountFen > 0 && v.payee ? (
          <>
            <dt>领款人</dt>
            <dd>
              {v.payee}（{v.fundCategory}）
            </dd>
          </>
        ) : null}
        {v.notes ? (
          <>
            <dt>备注</dt>
            <dd>{v.notes}</dd>
          </>
        ) : null}
        {v.override ? (
          <>
            <dt>批准</dt>
            <dd>
              {v.override.by}：{v.override.reason}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {v.override.violations.map((x) => x.message).join('；')}
              </Typography.Text>
            </dd>
          </>
        ) : null}
      </dl>
      {v.files.length || canUpload ? (
        <div style={{ marginTop: 6 }}>
          <CareFileList base={`/care/visits/${v.id}`} files={v.files} accept={PHOTO_ACCEPT} canUpload={canUpload} uploadLabel="补传照片" isQuiet />
        </div>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {v.recordedBy} 记录于 {formatShanghaiTime(v.recordedAt, false)}
      </Typography.Text>
    </div>
  );
}
