import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Modal, Radio, Table, Typography, type ButtonProps } from 'antd';
import { BENEFIT_FORM_LABELS, CARE_PRESET_LABELS, CARE_PRESETS, type BenefitForm, type CarePreset, type CareRule } from '../../../contracts/care';
import { presetPolicy } from '../../../domain/care/presets';
import { api } from '../../lib/api';
import { formatYuanOr } from '../../lib/money';
import { ErrorAlert } from '../../components';
import type { CarePolicy } from './care-admin-types';
import { useRefreshCare } from './use-care-admin';

interface Change {
  key: string;
  item: string;
  before: string;
  after: string;
}

const formsText = (forms: readonly BenefitForm[]) => forms.map((f) => BENEFIT_FORM_LABELS[f]).join('、');

function ruleOf(t: CarePolicy['types'][number]): CareRule {
  return {
    deadlineDays: t.deadlineDays,
    standardFen: t.standardFen,
    capPerEventFen: t.capPerEventFen,
    capPerYearFen: t.capPerYearFen,
    countPerYear: t.countPerYear,
    forms: t.forms,
    claimMonths: t.claimMonths,
    requiresDues: t.requiresDues,
  };
}

/** What applying a preset would change in the union's table, line by line (amounts in yuan). */
export function presetChanges(policy: CarePolicy, preset: CarePreset): Change[] {
  const current = policy.types;
  const next = presetPolicy(
    preset,
    current.map((t) => ({ kind: t.kind, name: t.name, rule: ruleOf(t) })),
  );
  const changes: Change[] = [];
  for (const t of next.types) {
    const before = current.find((c) => c.name === t.name);
    if (!before) {
      changes.push({ key: `new:${t.name}`, item: `新增事由：${t.name}`, before: '—', after: `单次上限 ${formatYuanOr(t.rule.capPerEventFen)}` });
    } else if (before.capPerEventFen !== t.rule.capPerEventFen || before.standardFen !== t.rule.standardFen) {
      changes.push({ key: t.name, item: `${t.name}：单次上限`, before: formatYuanOr(before.capPerEventFen), after: formatYuanOr(t.rule.capPerEventFen) });
    }
  }
  if (policy.festivalCapPerYearFen !== next.festivalCapPerYearFen) {
    changes.push({ key: 'festival', item: '节日慰问：每人每年上限', before: formatYuanOr(policy.festivalCapPerYearFen), after: formatYuanOr(next.festivalCapPerYearFen) });
  }
  if (formsText(policy.festivalForms) !== formsText(next.festivalForms)) {
    changes.push({ key: 'festivalForms', item: '节日慰问：发放形式', before: formsText(policy.festivalForms), after: formsText(next.festivalForms) });
  }
  if (policy.birthdayCapFen !== next.birthdayCapFen) {
    changes.push({ key: 'birthday', item: '生日慰问：上限', before: formatYuanOr(policy.birthdayCapFen), after: formatYuanOr(next.birthdayCapFen) });
  }
  if (formsText(policy.birthdayForms) !== formsText(next.birthdayForms)) {
    changes.push({ key: 'birthdayForms', item: '生日慰问：发放形式', before: formsText(policy.birthdayForms), after: formsText(next.birthdayForms) });
  }
  return changes;
}

interface Props {
  policy: CarePolicy;
  open: boolean;
  /** True when the form has edits that applying a preset would throw away. */
  isDirty: boolean;
  onClose: () => void;
  /** Called with the table the server set, so the form can start from it. */
  onApplied: (policy: CarePolicy) => void;
}

/** 套用省级标准: pick 福建 or 安徽 (2018), see exactly which figures change, confirm. */
export function PresetModal({ policy, open, isDirty, onClose, onApplied }: Props) {
  const { message } = App.useApp();
  const refresh = useRefreshCare();
  const [preset, setPreset] = useState<CarePreset>(policy.preset ?? 'fujian_2018');
  const apply = useMutation({
    mutationFn: () => api.send<CarePolicy>('POST', '/care/policy/preset', { preset }),
    onSuccess: (saved) => {
      void refresh();
      message.success(`已套用${CARE_PRESET_LABELS[preset]}`);
      onApplied(saved);
      onClose();
    },
  });
  const changes = presetChanges(policy, preset);
  return (
    <Modal
      title="套用省级标准"
      open={open}
      onCancel={onClose}
      onOk={() => apply.mutate()}
      okText={`套用${CARE_PRESET_LABELS[preset]}`}
      okButtonProps={{ loading: apply.isPending, disabled: changes.length === 0, 'data-testid': 'preset-confirm' } as ButtonProps}
      width={620}
      destroyOnHidden
      afterOpenChange={(isOpen) => !isOpen && apply.reset()}
    >
      <Radio.Group
        value={preset}
        onChange={(e) => setPreset(e.target.value as CarePreset)}
        options={CARE_PRESETS.map((p) => ({ value: p, label: CARE_PRESET_LABELS[p] }))}
        optionType="button"
        style={{ marginBottom: 12 }}
        data-testid="preset-choice"
      />
      <Typography.Paragraph type="secondary">
        省级标准只规定各类慰问的单次上限和节日、生日慰问的上限。套用后下列各项改为省级标准（事由的标准金额同时改为单次上限）；事由名称、慰问时限、每人每年上限、每年次数、申领期限和其他事由保持本校的设置，套用后仍可逐项修改（本校标准可以低于省级标准）。
      </Typography.Paragraph>
      {apply.error ? <ErrorAlert error={apply.error} /> : null}
      {isDirty ? <Alert type="warning" showIcon title="页面上尚未保存的修改将被放弃" style={{ marginBottom: 12 }} /> : null}
      {changes.length === 0 ? (
        <Alert type="info" showIcon title={`本校标准已与${CARE_PRESET_LABELS[preset]}一致，无需套用`} />
      ) : (
        <Table<Change>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={changes}
          data-testid="preset-changes"
          columns={[
            { key: 'item', title: '项目', dataIndex: 'item' },
            { key: 'before', title: '现在', dataIndex: 'before', width: 120 },
            { key: 'after', title: '套用后', dataIndex: 'after', width: 120, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          ]}
        />
      )}
    </Modal>
  );
}
