import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Typography } from 'antd';
import { api } from '../../lib/api';
import { GoalFormModal } from './GoalFormModal';
import { GoalValueView } from './GoalValueView';
import type { PlanDetail, PlanGoal } from './plan-types';

/** 目标: each goal's sentence with its metric and live value; add, edit and delete for those who may. */
export function PlanGoals({ plan }: { plan: PlanDetail }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ goal: PlanGoal | null } | null>(null);
  const remove = useMutation({
    mutationFn: (goal: PlanGoal) => api.send('DELETE', `/plans/${plan.id}/goals/${goal.id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['plans'] });
      message.success('目标已删除');
    },
    onError: (e) => message.error(e.message),
  });
  const measured = plan.goals.filter((g) => g.value.status === 'measured');
  const met = measured.filter((g) => g.value.status === 'measured' && g.value.met).length;

  return (
    <div>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">
          {measured.length > 0 ? `有数据的 ${measured.length} 项目标中，已达成 ${met} 项。` : '关联了指标的目标会按实际数据显示完成情况。'}
        </Typography.Text>
        {plan.can.manage ? (
          <Button onClick={() => setEditing({ goal: null })} data-testid="goal-add">
            添加目标
          </Button>
        ) : null}
      </Flex>
      {plan.goals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有目标" />
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 24 }} data-testid="plan-goals">
          {plan.goals.map((g) => (
            <li key={g.id} className="uh-goal" data-testid="plan-goal">
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text style={{ fontSize: 15 }}>{g.text}</Typography.Text>
                {plan.can.manage ? (
                  <Flex gap={0} style={{ flexShrink: 0 }}>
                    <Button type="link" size="small" onClick={() => setEditing({ goal: g })} data-testid="goal-edit">
                      编辑
                    </Button>
                    <Popconfirm title="删除这个目标？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutateAsync(g)}>
                      <Button type="link" size="small" danger data-testid="goal-delete">
                        删除
                      </Button>
                    </Popconfirm>
                  </Flex>
                ) : null}
              </Flex>
              <GoalValueView goal={g} />
            </li>
          ))}
        </ol>
      )}
      <GoalFormModal planId={plan.id} open={editing !== null} goal={editing?.goal ?? null} onClose={() => setEditing(null)} />
    </div>
  );
}
