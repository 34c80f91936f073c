import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Checkbox, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REPRESENTATIVE_CATEGORIES, REPRESENTATIVE_CATEGORY_LABELS, REPRESENTATIVE_KIND_LABELS, REPRESENTATIVE_KINDS, type RepresentativeCategory, type RepresentativeKind } from '../../../contracts/congress';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import { MemberSearchSelect } from '../activity-admin/MemberSearchSelect';
import type { Representative } from './congress-types';
import { useRefreshCongress } from './use-congress';

type Constituencies = readonly { id: string; name: string }[];

const CATEGORY_OPTIONS = REPRESENTATIVE_CATEGORIES.map((c) => ({ value: c, label: REPRESENTATIVE_CATEGORY_LABELS[c] }));
const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');
const today = () => dayjs(todayInShanghai());

/** A modal form posting to the congress API; field problems land on the fields, the rest above them. */
function useCongressForm<V>(send: (v: V) => Promise<unknown>, done: string, onClose: () => void) {
  const [form] = Form.useForm<V>();
  const { message } = App.useApp();
  const refresh = useRefreshCongress();
  const formError = useFormError(form);
  const save = useMutation({
    mutationFn: send,
    onSuccess: () => {
      void refresh();
      message.success(done);
      onClose();
    },
    onError: formError.onError,
  });
  return { form, formError, save };
}

/** The modal around such a form. */
function FormModal<V>(props: { title: string; okText: string; open: boolean; onClose: () => void; state: ReturnType<typeof useCongressForm<V>>; initialValues: Partial<V>; testId: string; children: ReactNode }) {
  const { form, formError, save } = props.state;
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={props.okText}
      okButtonProps={{ loading: save.isPending, 'data-testid': `${props.testId}-save` } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form<V>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={props.initialValues as Record<string, unknown>}
        onFinish={(v) => {
          formError.clear();
          save.mutate(v);
        }}
        data-testid={props.testId}
      >
        {formError.alert}
        {props.children}
      </Form>
    </Modal>
  );
}

/** A Form.Item control: the value and onChange the item passes go on to the select. */
function ConstituencySelect({ constituencies, value, onChange }: { constituencies: Constituencies; value?: string | null; onChange?: (v: string | null) => void }) {
  return (
    <Select
      allowClear
      placeholder="不分代表团"
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={constituencies.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="rep-constituency"
    />
  );
}

interface AddValues {
  memberId: string | null;
  constituencyId: string | null;
  kind: RepresentativeKind;
  category: RepresentativeCategory | undefined;
  isLeader: boolean;
  electedOn: Dayjs | null;
}

/** 登记代表: a member of the union, the constituency, 正式 / 特邀 / 列席, category (else from the file), 中层以上. */
export function AddRepresentativeModal({ termId, constituencies, open, onClose }: { termId: string; constituencies: Constituencies; open: boolean; onClose: () => void }) {
  const state = useCongressForm<AddValues>(
    (v) => api.send('POST', `/congress/terms/${termId}/representatives`, { ...v, constituencyId: v.constituencyId ?? null, electedOn: day(v.electedOn) }),
    '代表已登记',
    onClose,
  );
  const kind = (Form.useWatch('kind', state.form) as RepresentativeKind | undefined) ?? 'representative';
  return (
    <FormModal title="登记代表" okText="登记" open={open} onClose={onClose} state={state} initialValues={{ kind: 'representative', isLeader: false, constituencyId: null, electedOn: today() }} testId="rep-add">
      <Form.Item name="memberId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
        <MemberSearchSelect testId="rep-member" />
      </Form.Item>
      <Form.Item name="kind" label="代表身份" extra={kind === 'representative' ? undefined : '特邀代表、列席代表没有表决权，不计入应到人数和代表构成'}>
        <Radio.Group optionType="button" options={REPRESENTATIVE_KINDS.map((k) => ({ value: k, label: REPRESENTATIVE_KIND_LABELS[k] }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="constituencyId" label="代表团">
            <ConstituencySelect constituencies={constituencies} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="electedOn" label="当选日期" rules={[{ required: true, message: '请选择当选日期' }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label="代表类别" extra="不选则按档案中的岗位类别">
            <Select allowClear placeholder="按档案" options={CATEGORY_OPTIONS} data-testid="rep-category" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="isLeader" label="职务" valuePropName="checked">
            <Checkbox data-testid="rep-leader">中层以上干部</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

interface ReplaceValues {
  memberId: string | null;
  electedOn: Dayjs | null;
  reason: string;
  constituencyId: string | null;
  category: RepresentativeCategory | undefined;
  isLeader: boolean;
}

/** 补选替换: ends the mandate (已补选替换) with the reason and starts the successor's, by default in the same constituency. */
export function ReplaceRepresentativeModal({ rep, constituencies, onClose }: { rep: Representative | null; constituencies: Constituencies; onClose: () => void }) {
  const state = useCongressForm<ReplaceValues>(
    (v) => api.send('POST', `/congress/representatives/${rep!.id}/replace`, { ...v, constituencyId: v.constituencyId ?? null, electedOn: day(v.electedOn) }),
    '已补选替换',
    onClose,
  );
  return (
    <FormModal
      title={rep ? `补选替换：${rep.name}` : '补选替换'}
      okText="替换"
      open={rep !== null}
      onClose={onClose}
      state={state}
      initialValues={{ electedOn: today(), reason: '', constituencyId: rep?.constituencyId ?? null, isLeader: false }}
      testId="rep-replace"
    >
      <Form.Item name="memberId" label="新代表" rules={[{ required: true, message: '请选择新代表' }]}>
        <MemberSearchSelect testId="rep-replace-member" />
      </Form.Item>
      <Form.Item name="reason" label="替换原因" rules={[{ required: true, whitespace: true, message: '请填写替换原因' }]}>
        <Input maxLength={200} placeholder="如 调离本校、退休" data-testid="rep-replace-reason" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="electedOn" label="补选日期" rules={[{ required: true, message: '请选择补选日期' }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="constituencyId" label="代表团">
            <ConstituencySelect constituencies={constituencies} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="category" label="代表类别" extra="不选则按档案中的岗位类别">
            <Select allowClear placeholder="按档案" options={CATEGORY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="isLeader" label="职务" valuePropName="checked">
            <Checkbox>中层以上干部</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

interface EndValues {
  status: 'recalled' | 'left';
  reason: string;
  endedOn: Dayjs | null;
}

/** 罢免 or 离任, with the reason and the day; the mandate stays in the history. */
export function EndRepresentativeModal({ rep, onClose }: { rep: Representative | null; onClose: () => void }) {
  const state = useCongressForm<EndValues>((v) => api.send('POST', `/congress/representatives/${rep!.id}/end`, { ...v, endedOn: day(v.endedOn) }), '代表资格已终止', onClose);
  return (
    <FormModal title={rep ? `终止代表资格：${rep.name}` : '终止代表资格'} okText="确定" open={rep !== null} onClose={onClose} state={state} initialValues={{ status: 'left', reason: '', endedOn: today() }} testId="rep-end">
      <Form.Item name="status" label="方式" extra="罢免须经原选举单位依法定程序决定；调离、退休等用“离任”">
        <Radio.Group optionType="button" options={[{ value: 'left', label: '离任' }, { value: 'recalled', label: '罢免' }]} data-testid="rep-end-status" />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }]}>
        <Input maxLength={200} data-testid="rep-end-reason" />
      </Form.Item>
      <Form.Item name="endedOn" label="终止日期" rules={[{ required: true, message: '请选择终止日期' }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
    </FormModal>
  );
}

/** 新增代表团 (代表组). */
export function ConstituencyModal({ termId, open, onClose }: { termId: string; open: boolean; onClose: () => void }) {
  const state = useCongressForm<{ name: string }>((v) => api.send('POST', `/congress/terms/${termId}/constituencies`, v), '代表团已新增', onClose);
  return (
    <FormModal title="新增代表团" okText="新增" open={open} onClose={onClose} state={state} initialValues={{ name: '' }} testId="constituency-add">
      <Form.Item name="name" label="代表团名称" rules={[{ required: true, whitespace: true, message: '请填写代表团名称' }]}>
        <Input maxLength={30} placeholder="如 文科代表团、后勤组" />
      </Form.Item>
    </FormModal>
  );
}
