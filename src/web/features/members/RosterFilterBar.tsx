import { useEffect, useState } from 'react';
import { Button, Flex, Input, Segmented, Select } from 'antd';
import { useT } from '../../lib/i18n';
import {
  AGE_BAND_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  GENDER_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  POST_TYPE_LABELS,
} from '../../../contracts/members';
import { COMMON_TAGS } from './member-labels';
import type { RosterFilters } from './member-types';
import { useGroups, useRosterFacets } from './use-groups';
import { TextFilter } from './TextFilter';

const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const SORT_OPTIONS = [
  { value: 'pinyin', label: '按拼音' },
  { value: 'stroke', label: '按姓氏笔画' },
  { value: 'staffNo', label: '按工号' },
  { value: 'joinedOn', label: '按入会时间' },
];

/** Typing in the search box waits this long before asking the server, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 350;

interface Props {
  filters: RosterFilters;
  onChange: (patch: Partial<RosterFilters>) => void;
  onClear: () => void;
  hasFilters: boolean;
}

/** The roster's search box, filters and sort switch; every change goes straight into the URL. */
export function RosterFilterBar({ filters, onChange, onClear, hasFilters }: Props) {
  const t = useT();
  const groups = useGroups();
  const [text, setText] = useState(filters.q ?? '');

  // Follow the URL when it changes from outside (back button, "清除筛选").
  useEffect(() => setText(filters.q ?? ''), [filters.q]);

  useEffect(() => {
    if (text.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange({ q: text.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const facets = useRosterFacets(COMMON_TAGS);
  const departments = [...new Set([...facets.departments, ...(groups.data ?? []).map((g) => g.department).filter((d): d is string => !!d)])];
  const select = (key: keyof RosterFilters, placeholder: string, options: { value: string; label: string }[], width = 120) => (
    <Select
      allowClear
      aria-label={placeholder}
      data-testid={`roster-filter-${key}`}
      placeholder={placeholder}
      value={filters[key] || undefined}
      onChange={(v?: string) => onChange({ [key]: v ?? '' })}
      options={options}
      style={{ width }}
      showSearch={options.length > 8 ? { optionFilterProp: 'label' } : undefined}
    />
  );

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        <Input.Search
          allowClear
          aria-label="搜索会员"
          data-testid="roster-search"
          placeholder="姓名、拼音首字母（zxm）、工号、手机号"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => onChange({ q: v.trim() })}
          style={{ width: 360, maxWidth: '100%' }}
        />
        <Segmented
          aria-label="排序"
          data-testid="roster-sort"
          value={filters.sort ?? 'pinyin'}
          options={SORT_OPTIONS}
          onChange={(v) => onChange({ sort: v === 'pinyin' ? '' : String(v) })}
        />
      </Flex>
      <Flex wrap gap={8} align="center">
        {select('groupId', '工会小组', (groups.data ?? []).map((g) => ({ value: g.id, label: g.name })), 150)}
        <TextFilter label="部门" testId="roster-filter-department" value={filters.department} suggestions={departments} onCommit={(v) => onChange({ department: v })} width={140} />
        {select('postType', '岗位类别', optionsOf(POST_TYPE_LABELS))}
        {select('employmentStatus', '在职状态', optionsOf(EMPLOYMENT_STATUS_LABELS))}
        {select('membershipStatus', '会籍状态', optionsOf(MEMBERSHIP_STATUS_LABELS))}
        <TextFilter label="标签" testId="roster-filter-tag" value={filters.tag} suggestions={facets.tags} onCommit={(v) => onChange({ tag: v })} />
        {select('gender', '性别', optionsOf(GENDER_LABELS), 90)}
        {select('ageBand', '年龄段', optionsOf(AGE_BAND_LABELS), 130)}
        {hasFilters ? (
          <Button type="link" onClick={onClear} data-testid="roster-clear-filters">
            {t('清除筛选')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
