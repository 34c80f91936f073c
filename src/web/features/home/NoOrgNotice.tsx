import { Button, Card, Result } from 'antd';
import { Link } from 'react-router-dom';
import type { Me } from '../../lib/session';

/** The home page of someone who holds no role anywhere: a platform admin setting up, or a new account. */
export function NoOrgNotice({ me }: { me: Me }) {
  if (me.user.isPlatformAdmin) {
    return (
      <Card>
        <Result
          status="info"
          title="您是平台管理员，目前没有在任何组织担任职务"
          subTitle="首页的统计数字属于某个组织。请先在“组织管理”中建立上级工会或基层工会、指定工会主席；如需查看某个组织的数据，请由该组织为您任命角色。"
          extra={
            <Link to="/orgs">
              <Button type="primary">前往组织管理</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <Card>
      <Result
        status="info"
        title="您的账号还没有加入任何组织"
        subTitle="请联系本单位工会主席，在组织中为您任命角色后，重新登录即可使用。"
      />
    </Card>
  );
}
