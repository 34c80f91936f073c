import { Button, Flex, Form, Input, Typography } from 'antd';
import { EVALUATION_LIMITS } from '../../../contracts/evaluations';

/** No two rows of a list may read the same (the server says so too, on the list). */
const distinct = (label: string) => ({
  validator: async (_: unknown, values: (string | undefined)[] | undefined) => {
    const texts = (values ?? []).map((v) => (v ?? '').trim()).filter(Boolean);
    if (new Set(texts).size !== texts.length) throw new Error(`${label}不能重复`);
  },
});

/** A list needs this many rows. */
const atLeast = (min: number, message: string) => ({
  validator: async (_: unknown, values: unknown[] | undefined) => {
    if ((values?.length ?? 0) < min) throw new Error(message);
  },
});

/** 测评对象: one row per leader, 姓名 and 职务, added and removed freely. */
export function TargetsField() {
  return (
    <Form.List name="targets" rules={[atLeast(1, '请至少添加 1 名测评对象')]}>
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} className="uh-ev-rows" data-testid="evaluation-targets">
          <Typography.Text type="secondary">每行一位：姓名和职务，参评人员按此顺序看到</Typography.Text>
          {fields.map((field, i) => (
            <div key={field.key} className="uh-ev-row" data-testid="evaluation-target-row">
              <span className="uh-ev-row-no">{i + 1}.</span>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]} className="uh-ev-row-name">
                <Input maxLength={EVALUATION_LIMITS.targetNameMax} placeholder="姓名" aria-label={`第 ${i + 1} 位测评对象姓名`} />
              </Form.Item>
              <Form.Item name={[field.name, 'post']} rules={[{ required: true, whitespace: true, message: '请填写职务' }]} className="uh-ev-row-post">
                <Input maxLength={EVALUATION_LIMITS.targetPostMax} placeholder="职务，如 校长" aria-label={`第 ${i + 1} 位测评对象职务`} />
              </Form.Item>
              <Button type="link" danger disabled={fields.length <= 1} onClick={() => remove(field.name)} className="uh-ev-row-remove">
                删除
              </Button>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < EVALUATION_LIMITS.targetsMax ? (
            <div>
              <Button onClick={() => add({ name: '', post: '' })} data-testid="evaluation-target-add">
                添加测评对象
              </Button>
            </div>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}

interface LabelListProps {
  name: 'dimensions' | 'grades' | 'overallGrades';
  title: string;
  /** What one row is called in messages: "测评项目名称", "等次名称". */
  itemLabel: string;
  min: number;
  max: number;
  maxLength: number;
  extra?: string;
}

/**
 * A short list of labels (测评项目, 等次) prefilled with the defaults: each row can be renamed, moved up or down, or
 * removed; the order is the order voters see (grades best first).
 */
export function LabelListField({ name, title, itemLabel, min, max, maxLength, extra }: LabelListProps) {
  return (
    <Form.List
      name={name}
      rules={[
atLeast(min, `${title}至少 ${min} 项`), distinct(title)
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={6} className="uh-ev-rows" data-testid={`evaluation-${name}`}>
          <Typography.Text strong>{title}</Typography.Text>
          {extra ? <Typography.Text type="secondary">{extra}</Typography.Text> : null}
          {fields.map((field, i) => (
            <div key={field.key} className="uh-ev-row">
              <span className="uh-ev-row-no">{i + 1}.</span>
              <Form.Item name={field.name} rules={[{ required: true, whitespace: true, message: `请填写${itemLabel}` }]} className="uh-ev-row-label">
                <Input maxLength={maxLength} aria-label={`${title}第 ${i + 1} 项`} />
              </Form.Item>
              <Button type="text" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" className="uh-ev-row-move">
                ↑
              </Button>
              <Button type="text" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" className="uh-ev-row-move">
                ↓
              </Button>
              <Button type="link" danger disabled={fields.length <= min} onClick={() => remove(field.name)} className="uh-ev-row-remove">
                删除
              </Button>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < max ? (
            <div>
              <Button size="small" onClick={() => add('')}>
                添加
              </Button>
            </div>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
