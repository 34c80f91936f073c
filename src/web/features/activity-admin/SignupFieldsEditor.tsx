import { Button, Checkbox, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { ACTIVITY_LIMITS } from '../../../contracts/activities';

/** One question: its name, choice or text, the options of a choice, and whether an answer is required. */
function FieldRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const type = Form.useWatch(['fields', name, 'type']) as 'choice' | 'text' | undefined;
  return (
    <div className="uh-act-field" data-testid="activity-field">
      <Form.Item name={[name, 'key']} hidden>
        <Input />
      </Form.Item>
      <Flex gap={8} wrap align="start">
        <Form.Item
          name={[name, 'label']}
          rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}
          style={{ flex: '1 1 160px', marginBottom: 8 }}
        >
          <Input placeholder="项目名称，如 尺码" maxLength={ACTIVITY_LIMITS.fieldLabelMax} aria-label="项目名称" data-testid="activity-field-label" />
        </Form.Item>
        <Form.Item name={[name, 'type']} style={{ marginBottom: 8 }}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'choice', label: '选择' },
              { value: 'text', label: '填写' },
            ]}
            data-testid="activity-field-type"
          />
        </Form.Item>
        <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>必填</Checkbox>
        </Form.Item>
        <Button type="link" danger onClick={onRemove} style={{ paddingInline: 4 }}>
          删除
        </Button>
      </Flex>
      {type === 'choice' ? (
        <Form.Item
          name={[name, 'options']}
          rules={[{ validator: (_r, v?: string[]) => ((v ?? []).length >= 2 ? Promise.resolve() : Promise.reject(new Error('选择题至少要有两个选项'))) }]}
          extra="输入一个选项后按回车，再输入下一个"
          style={{ marginBottom: 0 }}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={['，', ',', '、']}
            placeholder="选项，如 S、M、L、XL"
            maxCount={ACTIVITY_LIMITS.optionsMax}
            aria-label="选项"
            data-testid="activity-field-options"
          />
        </Form.Item>
      ) : null}
    </div>
  );
}

/** 报名时填写: the questions a member answers when signing up (项目, 尺码 …), added and removed freely. */
export function SignupFieldsEditor() {
  return (
    <Form.List name="fields">
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {rows.length === 0 ? (
            <Typography.Text type="secondary">报名时不需要填写其他信息。需要时可添加，如 参赛项目、服装尺码。</Typography.Text>
          ) : null}
          {rows.map((row) => (
            <FieldRow key={row.key} name={row.name} onRemove={() => remove(row.name)} />
          ))}
          <Form.ErrorList errors={errors} />
          {rows.length < ACTIVITY_LIMITS.fieldsMax ? (
            <div>
              <Button onClick={() => add({ label: '', type: 'choice', options: [], required: true })} data-testid="activity-field-add">
                添加报名项目
              </Button>
            </div>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
