import { useMutation } from '@tanstack/react-query';
import { App, AutoComplete, DatePicker, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { DATE_KIND_LABELS, ITEM_CATEGORIES, ITEM_STATUS_LABELS, PLAN_LIMITS } from '../../../contracts/plans';
import { api } from '../../lib/api';
import { rolesLabel, useFormError } from '../../components';
import type { Role } from '../../../contracts/roles';
import type { CalendarItem } from './calendar-types';
import { itemBodyOf, itemFormValuesOf, withItemFormPaths, type ItemDefaults, type ItemFormValues } from './item-form-values';
import { useOwners, useRefreshSchedule } from './use-calendar';

interface Props {
  open: boolean;
  /** The item to edit; null to create one. */
  item: CalendarItem | null;
  defaults?: ItemDefaults;
  /** Plans a new item may belong to (the calendar page); left out, the item keeps `defaults.planId`. */
  plans?: { id: string; title: string }[];
  onClose: () => void;
}

const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 新建事项 / 编辑事项: title, time (a month or months, a day, a date range), owner, category, status, note. */
export function ItemFormModal({ open, item, defaults, plans, onClose }: Props) {
  const [form] = Form.useForm<ItemFormValues>();
  const { message } = App.useApp();
  const formError = useFormError(form);
  const refresh = useRefreshSchedule();
  const owners = useOwners(open);
  const dateKind = Form.useWatch('dateKind', form) ?? item?.dateKind ?? defaults?.dateKind ?? 'month';

  const save = useMutation({
    mutationFn: (v: ItemFormValues) => {
      const body = itemBodyOf(v);
      if (item) return api.send<CalendarItem>('PATCH', `/calendar/items/${item.id}`, body);
      // The plan picker is shown on the calendar only; a plan page adds to its own plan.
      return api.send<CalendarItem>('POST', '/calendar/items', { ...body, planId: (plans ? v.planId : defaults?.planId) || null });
    },
    onSuccess: (saved) => {
      message.success(item ? '已保存' : `已加入行事历：${saved?.title ?? ''}`);
      void refresh();
      onClose();
    },
    onError: (e, v) => formError.onError(withItemFormPaths(e, v.dateKind)),
  });

  return (
    <Modal
      title={item ? '编辑事项' : '新建事项'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'item-save' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<ItemFormValues>
        // Each opening starts from its own initial values, not from what the last opening left behind.
        clearOnDestroy
        form={form}
        layout="vertical"
        initialValues={itemFormValuesOf(item, defaults)}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid="item-form"
      >
        {formError.alert}
        <Form.Item name="title" label="事项" rules={[{ required: true, whitespace: true, message: '请填写事项' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={PLAN_LIMITS.itemTitleMax} placeholder="如 召开教代会、三八节女教职工活动" data-testid="item-title" />
        </Form.Item>
        <Form.Item name="dateKind" label="时间">
          <Radio.Group optionType="button" options={optionsOf(DATE_KIND_LABELS)} data-testid="item-date-kind" />
        </Form.Item>
        {dateKind === 'month' ? (
          <Form.Item name="months" extra="只在一个月内的事项，开始和结束选同一个月" rules={[{ required: true, message: '请选择月份' }]}>
            <DatePicker.RangePicker picker="month" format="YYYY年M月" style={{ width: '100%' }} placeholder={['开始月份', '结束月份']} />
          </Form.Item>
        ) : dateKind === 'date' ? (
          <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="item-date" />
          </Form.Item>
        ) : (
          <Form.Item name="range" rules={[{ required: true, message: '请选择日期范围' }]}>
            <DatePicker.RangePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {plans && !item ? (
          <Form.Item name="planId" label="所属计划">
            <Select allowClear placeholder="不属于任何计划" options={plans.map((p) => ({ value: p.id, label: p.title }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="ownerUserId" label="负责人">
          <Select
            allowClear
            placeholder="选择负责人"
            loading={owners.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(owners.data ?? []).map((o) => ({ value: o.userId, label: `${o.name}（${rolesLabel(o.roles.map((role) => ({ role: role as Role })))}）` }))}
            data-testid="item-owner"
          />
        </Form.Item>
        <Form.Item name="category" label="类别" extra="可选常用类别，也可直接输入">
          <AutoComplete
            allowClear
            options={ITEM_CATEGORIES.map((c) => ({ value: c }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            placeholder="如 文体活动"
            maxLength={20}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select options={optionsOf(ITEM_STATUS_LABELS)} data-testid="item-status" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={PLAN_LIMITS.noteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
