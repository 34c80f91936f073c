import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import { ClubFormModal } from './ClubFormModal';
import { useClubs } from './use-activity-admin';
import './activity-admin.css';

/** 兴趣小组 (/clubs): the union's clubs with leader, members and activities; managers create new ones. */
export function ClubsPage() {
  const clubs = useClubs();
  const navigate = useNavigate();
  const canManage = clubs.data?.canManage ?? false;
  const [isCreating, setCreating] = useState(false);

  let body;
  if (clubs.isPending) body = <PageLoading />;
  else if (clubs.error) body = <ErrorAlert error={clubs.error} />;
  else if (clubs.data.items.length === 0) {
    body = (
      <Card>
        <Empty description={canManage ? '还没有兴趣小组。羽毛球、书法、摄影……建立小组后，可以给组员发布固定的每周活动并统计出勤。' : '工会还没有建立兴趣小组。'} />
      </Card>
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        {clubs.data.items.map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <Card
              size="small"
              hoverable
              onClick={() => navigate(`/clubs/${c.id}`)}
              title={
                <Flex gap={6} align="center">
                  <span>{c.name}</span>
                  {c.archived ? <Tag>已停止</Tag> : null}
                </Flex>
              }
              data-testid="club-card"
              data-name={c.name}
            >
              {c.description ? (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
                  {c.description}
                </Typography.Paragraph>
              ) : null}
              <Flex gap={16} wrap>
                <span>组长：{c.leaderName ?? '未设'}</span>
                <span>
                  组员 <Typography.Text strong>{c.memberCount}</Typography.Text> 人
                </span>
                <span>
                  活动 <Typography.Text strong>{c.activityCount}</Typography.Text> 次
                </span>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <div>
      <PageHeader
        title="兴趣小组"
        subtitle="教职工自愿参加的俱乐部和兴趣小组"
        extra={
          canManage ? (
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setCreating(true)} data-testid="clubs-create">
                新建兴趣小组
              </Button>
              <Link to="/activities/admin">
                <Button>返回活动管理</Button>
              </Link>
            </Flex>
          ) : null
        }
      />
      {body}
      <ClubFormModal open={isCreating} club={null} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/clubs/${id}`)} />
    </div>
  );
}
