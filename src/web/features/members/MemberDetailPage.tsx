import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Result } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api';
import { useCan } from '../../lib/session';
import { useT } from '../../lib/i18n';
import { ErrorAlert, PageHeader, PageLoading } from '../../components';
import type { MemberDetail } from './member-types';
import { MemberEditDrawer } from './MemberEditDrawer';
import { MemberHistory } from './MemberHistory';
import { MemberInfo } from './MemberInfo';
import { ResetPasswordButton } from './ResetPasswordButton';
import { RetireModal } from './RetireModal';
import { StatusTags } from './StatusTags';
import { TransferOutModal } from './TransferOutModal';

type Dialog = 'edit' | 'retire' | 'transferOut' | null;

/** One member's file: every field, the 变动记录 timeline, and the actions the server allows on it. */
export function MemberDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const canReadAudit = useCan('audit.read');
  // A plain member opens only their own file: the roster would answer "没有权限".
  const canOpenRoster = useCan('member.list');
  const [dialog, setDialog] = useState<Dialog>(null);
  const detail = useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/members/${id}`),
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.error) {
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <Result
          status="404"
          title="未找到该会员"
          subTitle="该会员不存在，或不在您当前组织的名册中。"
          extra={
            <Link to="/members">
              <Button type="primary">返回会员名册</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={detail.error} />;
  }

  const m = detail.data;
  // Every mutation changes the file, the history and possibly the roster list: refetch them all.
  const refresh = () => client.invalidateQueries({ queryKey: ['members'] });
  const close = () => setDialog(null);

  const actions = (
    <Flex wrap gap={8}>
      {m.can.update ? (
        <Button type="primary" onClick={() => setDialog('edit')} data-testid="member-edit">
          {t('编辑')}
        </Button>
      ) : null}
      {m.can.retire ? (
        <Button onClick={() => setDialog('retire')} data-testid="member-retire">
          {t('办理退休')}
        </Button>
      ) : null}
      {m.can.transferOut ? (
        <Button onClick={() => setDialog('transferOut')} data-testid="member-transfer-out">
          {t('办理转出')}
        </Button>
      ) : null}
      {m.can.resetPassword ? <ResetPasswordButton member={m} /> : null}
      {canReadAudit ? (
        <Link to={`/audit?entityType=member&entityId=${m.id}`}>
          <Button type="link" data-testid="member-audit-link">
            {t('查看操作记录')}
          </Button>
        </Link>
      ) : null}
    </Flex>
  );

  return (
    <div>
      <PageHeader
        title={
          <Flex wrap gap={8} align="center">
            <span data-testid="member-name">{m.name}</span>
            <StatusTags member={m} withTags={false} />
          </Flex>
        }
        subtitle={canOpenRoster ? <Link to="/members">← 返回会员名册</Link> : undefined}
        extra={actions}
      />
      <Flex vertical gap={16}>
        <Card title="基本信息" size="small">
          <MemberInfo member={m} />
        </Card>
        <Card title="变动记录" size="small">
          <MemberHistory history={m.history} />
        </Card>
      </Flex>
      <MemberEditDrawer member={m} open={dialog === 'edit'} onClose={close} onSaved={refresh} />
      <RetireModal member={m} open={dialog === 'retire'} onClose={close} onDone={refresh} />
      <TransferOutModal member={m} open={dialog === 'transferOut'} onClose={close} onDone={refresh} />
    </div>
  );
}
