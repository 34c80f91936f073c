import { Card, Empty, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Dashboard } from './dashboard';

/** The union groups with their member counts; a click opens the group's roster when the user may read it. */
export function GroupsCard({ groups, canOpenRoster }: { groups: Dashboard['groups']; canOpenRoster: boolean }) {
  const navigate = useNavigate();
  return (
    <Card title="工会小组" size="small">
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有工会小组" />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={groups}
          rowClassName={canOpenRoster ? 'uh-clickable-row' : undefined}
          onRow={(g) => (canOpenRoster ? { onClick: () => navigate(`/members?groupId=${g.id}`) } : {})}
          columns={[
            { title: '小组', dataIndex: 'name' },
            { title: '在册会员', dataIndex: 'members', align: 'right', width: 96, render: (n: number) => `${n} 人` },
          ]}
        />
      )}
    </Card>
  );
}
