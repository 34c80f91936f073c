import { Tag } from 'antd';
import { EMPLOYMENT_STATUS_LABELS, MEMBERSHIP_STATUS_LABELS } from '../../../contracts/members';
import { EMPLOYMENT_STATUS_COLORS, MEMBERSHIP_STATUS_COLORS } from './member-labels';
import type { MemberView } from './member-types';

/** A member's employment and membership status as coloured tags, followed by their own tags. */
export function StatusTags({ member, withTags = true }: { member: Pick<MemberView, 'employmentStatus' | 'membershipStatus' | 'tags'>; withTags?: boolean }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      <Tag color={EMPLOYMENT_STATUS_COLORS[member.employmentStatus]} style={{ marginInlineEnd: 0 }}>
        {EMPLOYMENT_STATUS_LABELS[member.employmentStatus]}
      </Tag>
      <Tag color={MEMBERSHIP_STATUS_COLORS[member.membershipStatus]} style={{ marginInlineEnd: 0 }}>
        {MEMBERSHIP_STATUS_LABELS[member.membershipStatus]}
      </Tag>
      {withTags
        ? member.tags
            // 退休 already shows as the employment status tag.
            .filter((t) => !(t === '退休' && member.employmentStatus === 'retired'))
            .map((t) => (
              <Tag key={t} style={{ marginInlineEnd: 0 }}>
                {t}
              </Tag>
            ))
        : null}
    </span>
  );
}
