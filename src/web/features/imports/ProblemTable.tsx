import type { HTMLAttributes } from 'react';
import { Table } from 'antd';
import type { ImportProblem } from './import-types';

/** Every problem the check found, one per line, paged; the user fixes the file from this list. */
export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  return (
    <Table<ImportProblem & { key: number }>
      size="small"
      data-testid="import-problems"
      dataSource={problems.map((p, i) => ({ ...p, key: i }))}
      onRow={() => ({ 'data-testid': 'import-problem-row' }) as HTMLAttributes<HTMLElement>}
      scroll={{ x: 640 }}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => `共 ${total} 处问题`,
        hideOnSinglePage: false,
      }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 70, render: (r: number) => `第 ${r} 行` },
        { title: '列', dataIndex: 'column', width: 100 },
        { title: '内容', dataIndex: 'value', width: 180, render: (v: string) => (v === '' ? '（空）' : v) },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
