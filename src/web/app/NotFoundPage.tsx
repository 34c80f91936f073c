import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../lib/i18n';

/** The answer for an address the client does not know. */
export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('页面不存在')}
      subTitle={t('您访问的页面不存在或已被移动，请检查地址是否正确。')}
      extra={
        <Link to="/">
          <Button type="primary">{t('返回首页')}</Button>
        </Link>
      }
    />
  );
}
