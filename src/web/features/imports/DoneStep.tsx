import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../lib/i18n';

/** 完成: how many members were added and updated, with the way back to the roster or to another import. */
export function DoneStep({ created, updated, onRestart }: { created: number; updated: number; onRestart: () => void }) {
  const t = useT();
  return (
    <Result
      status="success"
      title="导入完成"
      subTitle={<span data-testid="import-done">新增 {created} 人，更新 {updated} 人</span>}
      extra={[
        <Link to="/members" key="roster">
          <Button type="primary" data-testid="import-go-roster">
            {t('查看会员名册')}
          </Button>
        </Link>,
        <Button key="again" onClick={onRestart} data-testid="import-again">
          {t('继续导入')}
        </Button>,
      ]}
    />
  );
}
