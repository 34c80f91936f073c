import { useState } from 'react';
import { Button, Card, Empty, Segmented, Tag, Typography } from 'antd';
import { todayInShanghai } from '../../../domain/dates';
import { ErrorAlert, PageHeader, PageLoading, useIsPhone } from '../../components';
import { useUrlFilters } from '../../lib/use-url-filters';
import { BirthdayBenefitModal } from './BirthdayBenefitModal';
import { dayText } from './care-format';
import type { BirthdayList } from './care-types';
import { useBirthdays } from './use-care';
import './care.css';

type Range = 'week' | 'month';
type Birthday = BirthdayList['items'][number];
const RANGE_KEYS = ['range'] as const;

/** "11月3日". */
const shortDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** "今天", "明天", or nothing. */
function soonText(date: string, today: string): string | null {
  if (date === today) return '今天';
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10) === date ? '明天' : null;
}

/**
 * 生日慰问 (/care/birthdays): members whose birthday falls this week or this month — solar, or the lunar date
 * converted to this year and shown as 农历 — with 登记生日慰问 (e.g. a cake voucher) within the birthday cap.
 */
export function BirthdaysPage() {
  const isPhone = useIsPhone();
  const { filters, setFilters } = useUrlFilters(RANGE_KEYS);
  const range: Range = filters.range === 'month' ? 'month' : 'week';
  const list = useBirthdays(range);
  const [giving, setGiving] = useState<Birthday | null>(null);
  const today = todayInShanghai();

  let body;
  if (list.isPending) body = <PageLoading />;
  else if (list.error) body = <ErrorAlert error={list.error} />;
  else if (list.data.items.length === 0) {
    body = (
      <Card>
        <Empty description={range === 'week' ? '本周没有会员过生日。' : '本月没有会员过生日。'} data-testid="care-birthdays-empty" />
      </Card>
    );
  } else {
    const d = list.data;
    body = (
      <div className="uh-card-list" data-testid="care-birthdays">
        {d.items.map((b) => {
          const soon = soonText(b.date, today);
          return (
            <div key={b.memberId} className="uh-card" data-testid="care-birthday" data-member-name={b.name}>
              <div className="uh-care-card-top">
                <div className="uh-care-name">
                  {b.name}
                  {b.groupName ? <span className="uh-care-sub">{b.groupName}</span> : null}
                </div>
                <span className="uh-care-tags">
                  {soon ? <Tag color="volcano">{soon}</Tag> : null}
                  {b.date < today ? <Tag>已过</Tag> : null}
                  {b.benefitGiven ? <Tag color="green">已慰问</Tag> : null}
                </span>
              </div>
              <div className="uh-care-card-top" style={{ alignItems: 'center' }}>
                <Typography.Text>
                  {dayText(b.date)}
                  {b.isLunar && b.lunarText ? (
                    <Tag color="gold" style={{ marginInlineStart: 8 }} data-testid="care-birthday-lunar">
                      {b.lunarText.startsWith('农历') ? b.lunarText : `农历${b.lunarText}`}
                    </Tag>
                  ) : null}
                </Typography.Text>
                {d.canGive && !b.benefitGiven ? (
                  <Button size="small" onClick={() => setGiving(b)} data-testid="care-birthday-give">
                    登记生日慰问
                  </Button>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    );
  }

  const period = list.data ? `${shortDay(list.data.from)}至${shortDay(list.data.to)}` : '';
  return (
    <div>
      <PageHeader title="生日慰问" subtitle={period ? `${period}过生日的会员 · 农历生日已换算为公历` : '本周或本月过生日的会员'} />
      <Segmented<Range>
        value={range}
        options={[
          { value: 'week', label: '本周' },
          { value: 'month', label: '本月' },
        ]}
        onChange={(v) => setFilters({ range: v === 'week' ? undefined : v })}
        block={isPhone}
        style={{ marginBottom: 12 }}
        data-testid="care-birthday-range"
      />
      {body}
      {list.data ? <BirthdayBenefitModal birthday={giving} rule={list.data} onClose={() => setGiving(null)} /> : null}
    </div>
  );
}
