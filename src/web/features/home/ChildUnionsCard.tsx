import { Card, Empty, Table } from 'antd';
import type { Dashboard } from './dashboard';

/** A parent union's grassroots unions: aggregates only, never their members' files. */
export function ChildUnionsCard({ unions }: { unions: Dashboard['childUnions'] }) {
  return (
    <Card title="下属基层工会" size="small">
      {unions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有下属基层工会" />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={unions}
          columns={[
            { title: '基层工会', dataIndex: 'name' },
            { title: '在册会员', dataIndex: 'members', align: 'right', width: 96, render: (n: number) => `${n} 人` },
            { title: '工会小组', dataIndex: 'groups', align: 'right', width: 88, render: (n: number) => `${n} 个` },
          ]}
        />
      )}
    </Card>
  );
}
