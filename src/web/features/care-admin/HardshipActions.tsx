import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Tag, Typography, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CARE_LIMITS, HARDSHIP_LEVEL_LABELS } from '../../../contracts/care';
import { reviewDueOn } from '../../../domain/care/hardship';
import { todayInShanghai } from '../../../domain/dates';
import { api } from '../../lib/api';
import { useFormError } from '../../components';
import type { HardshipFileDetail } from './care-admin-types';
import { HardshipFormModal } from './HardshipFormModal';
import { useRefreshCare } from './use-care-admin';

const CLOSE_REASONS = ['已脱困', '调离本校', '已退休', '本人去世'];

/** 销档: why the file is closed, with the usual reasons one tap away. */
function CloseModal({ file, open, onClose }: { file: HardshipFileDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const formError = useFormError(form);
  const close = useMutation({
    mutationFn: (v: { reason: string }) => api.send('POST', `/hardship/files/${file.id}/close`, { reason: v.reason.trim() }),
    onSuccess: () => {
      void refresh();
      message.success('档案已销档');
      onClose();
    },
    onError: formError.onError,
  });
  return (
    <Modal
      title={`销档：${file.member.name}（${file.year}年）`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="销档"
      okButtonProps={{ danger: true, loading: close.isPending, 'data-testid': 'hardship-close-confirm' } as ButtonProps}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && formError.clear()}
    >
      <Form form={form} layout="vertical" clearOnDestroy onFinish={(v) => close.mutate(v)}>
        {formError.alert}
        <Form.Item name="reason" label="销档原因" rules={[{ required: true, whitespace: true, message: '请填写销档原因' }]} style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={CARE_LIMITS.reasonMax} data-testid="hardship-close-reason" />
        </Form.Item>
        <Flex gap={6} wrap>
          {CLOSE_REASONS.map((r) => (
            <Tag key={r} style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('reason', r)}>
              {r}
            </Tag>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}

/** 年度复核: a new file for the next year, copied from this one, to be corrected and submitted again. */
function ReassessModal({ file, open, onClose }: { file: HardshipFileDetail; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshCare();
  const [year, setYear] = useState(file.year + 1);
  const reassess = useMutation({
    mutationFn: () => api.send<HardshipFileDetail>('POST', `/hardship/files/${file.id}/reassess`, { year }),
    onSuccess: (next) => {
      void refresh();
      message.success(`已建立 ${year} 年档案，请按新情况修改后提交审批`);
      onClose();
      if (next?.id) navigate(`/hardship/${next.id}`);
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      title="年度复核"
      open={open}
      onCancel={onClose}
      onOk={() => reassess.mutate()}
      okText="建立复核档案"
      okButtonProps={{ loading: reassess.isPending, 'data-testid': 'hardship-reassess-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>以本档案的家庭情况为底稿，建立新一年度的档案（草稿）。请按新一年的收入、支出和家庭成员修改，系统按当年低保线重新评定困难程度，再提交审批。</Typography.Paragraph>
      <Flex align="center" gap={8}>
        <span>复核年度</span>
        <InputNumber value={year} min={file.year + 1} max={2100} precision={0} suffix="年" onChange={(v) => v && setYear(v)} data-testid="hardship-reassess-year" />
      </Flex>
    </Modal>
  );
}

/** The file's buttons, each shown only when the server allows it: 修改, 提交审批, 批准建档, 年度复核, 销档. */
export function HardshipActions({ file }: { file: HardshipFileDetail }) {
  const { message, modal } = App.useApp();
  const refresh = useRefreshCare();
  const [open, setOpen] = useState<'edit' | 'close' | 'reassess' | null>(null);
  const step = useMutation({
    mutationFn: (s: 'submit' | 'approve') => api.send('POST', `/hardship/files/${file.id}/${s}`),
    onSuccess: (_r, s) => {
      void refresh();
      message.success(s === 'submit' ? '已提交，等待工会主席审批' : '已批准建档');
    },
    onError: (e) => message.error(e.message),
  });
  const c = file.can;
  const confirmStep = (s: 'submit' | 'approve') =>
    modal.confirm({
      title: s === 'submit' ? '提交审批？' : '批准建档？',
      content:
        s === 'submit'
          ? '提交后由工会主席审批；审批前仍可修改。'
          : `批准后档案生效，困难程度为“${HARDSHIP_LEVEL_LABELS[file.level]}”；${reviewDueOn(todayInShanghai())} 前须进行年度复核。`,
      okText: s === 'submit' ? '提交' : '批准',
      cancelText: '取消',
      onOk: () => step.mutateAsync(s),
    });
  return (
    <>
      <Flex gap={8} wrap>
        {c.approve ? (
          <Button type="primary" onClick={() => confirmStep('approve')} data-testid="hardship-approve">
            批准建档
          </Button>
        ) : null}
        {c.submit ? (
          <Button type={c.approve ? 'default' : 'primary'} onClick={() => confirmStep('submit')} data-testid="hardship-submit">
            提交审批
          </Button>
        ) : null}
        {c.reassess ? (
          <Button type={file.isReviewDue ? 'primary' : 'default'} onClick={() => setOpen('reassess')} data-testid="hardship-reassess">
            年度复核
          </Button>
        ) : null}
        {c.edit ? (
          <Button onClick={() => setOpen('edit')} data-testid="hardship-edit">
            修改
          </Button>
        ) : null}
        {c.close ? (
          <Button danger onClick={() => setOpen('close')} data-testid="hardship-close">
            销档
          </Button>
        ) : null}
      </Flex>
      {c.edit ? <HardshipFormModal open={open === 'edit'} file={file} year={file.year} onClose={() => setOpen(null)} /> : null}
      {c.close ? <CloseModal file={file} open={open === 'close'} onClose={() => setOpen(null)} /> : null}
      {c.reassess ? <ReassessModal file={file} open={open === 'reassess'} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
