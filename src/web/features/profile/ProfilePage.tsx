import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ORG_KIND_LABELS } from '../../../contracts/roles';
import { PageHeader, roleLabel } from '../../components';
import { useT } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { ChangePasswordCard } from './ChangePasswordCard';

/** The user's own account: name, phone, organisations and roles, and changing the password. */
export function ProfilePage() {
  const { data: me } = useMe();
  const t = useT();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('个人中心')} />
      {me.user.mustChangePassword ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="您正在使用临时密码"
          description="为了账号安全，请先设置只有您自己知道的新密码。"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%', display: 'flex' }}>
            <Card title="我的账号" size="small">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'name', label: '姓名', children: me.user.displayName },
                  { key: 'phone', label: '手机号', children: me.user.phone ?? '未登记' },
                  ...(me.user.isPlatformAdmin ? [{ key: 'admin', label: '身份', children: <Tag color="red">平台管理员</Tag> }] : []),
                  ...(me.user.memberId
                    ? [{ key: 'file', label: '会员档案', children: <Link to={`/members/${me.user.memberId}`}>查看我的会员档案</Link> }]
                    : []),
                ]}
              />
            </Card>
            <Card title="我的组织与职务" size="small">
              {me.memberships.length === 0 ? (
                <Typography.Text type="secondary">尚未在任何组织担任职务。</Typography.Text>
              ) : (
                <div className="uh-membership-list">
                  {me.memberships.map((m) => (
                    <div key={m.org.id} className="uh-membership">
                      <div>
                        <Typography.Text strong>{m.org.name}</Typography.Text>
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                          {ORG_KIND_LABELS[m.org.kind]}
                        </Typography.Text>
                        {m.org.id === me.currentOrg?.id ? (
                          <Tag color="red" style={{ marginInlineStart: 8 }}>
                            当前
                          </Tag>
                        ) : null}
                      </div>
                      <div style={{ marginTop: 4 }}>
                        {m.roles.map((r) => (
                          <Tag key={`${r.role}-${r.portfolio}`}>{roleLabel(r.role, r.portfolio)}</Tag>
                        ))}
                      </div>
                    </div>
                  ))}
                </div>
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <ChangePasswordCard />
        </Col>
      </Row>
    </>
  );
}
