import { Tabs } from 'antd';
import { todayInShanghai } from '../../../domain/dates';
import { useUrlFilters } from '../../lib/use-url-filters';
import { PageHeader } from '../../components';
import { AssistanceTab } from './AssistanceTab';
import { HardshipFilesTab } from './HardshipFilesTab';
import './care-admin.css';

/** 困难帮扶 (/hardship): hardship files (建档立卡) and assistance records — only for the chair and the welfare member. */
export function HardshipPage() {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const { filters, setParams } = useUrlFilters(['tab'] as const);
  const tab = filters.tab === 'assistance' ? 'assistance' : 'files';
  return (
    <div>
      <PageHeader title="困难帮扶" subtitle="困难职工建档立卡与帮扶记录；仅工会主席和生活福利委员可见，会员本人可查看自己的档案" />
      <Tabs
        activeKey={tab}
        // A tab keeps none of the other's filters.
        onChange={(k) => setParams(k === 'assistance' ? { tab: 'assistance' } : {}, { replace: true })}
        items={[
          { key: 'files', label: '困难档案', children: tab === 'files' ? <HardshipFilesTab thisYear={thisYear} /> : null },
          { key: 'assistance', label: '帮扶记录', children: tab === 'assistance' ? <AssistanceTab thisYear={thisYear} /> : null },
        ]}
        data-testid="hardship-tabs"
      />
    </div>
  );
}
