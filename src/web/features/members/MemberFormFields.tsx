import { AutoComplete, Col, DatePicker, Divider, Form, Input, Radio, Row, Select, Switch } from 'antd';
import {
  EMPLOYMENT_STATUS_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  POST_TYPE_LABELS,
} from '../../../contracts/members';
import { LIMITS } from '../../../contracts/limits';
import { COMMON_TAGS } from './member-labels';
import { schemaRule } from './member-form-values';
import { useGroups, useRosterFacets } from './use-groups';

const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const half = { xs: 24, sm: 12 };

/**
 * The fields of a member's file, shared by 新增会员 and 编辑. `withStatus` adds 在职状态 and 会籍状态, which
 * only make sense for an existing member.
 */
export function MemberFormFields({ withStatus = false }: { withStatus?: boolean }) {
  const groups = useGroups();
  const facets = useRosterFacets(COMMON_TAGS);
  return (
    <>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label="姓名" required rules={[schemaRule('name')]}>
            <Input maxLength={LIMITS.nameMax} data-testid="member-form-name" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gender" label="性别" extra="不填时按身份证号推算">
            <Radio.Group
              options={[
                { value: 'M', label: '男' },
                { value: 'F', label: '女' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="birthDate" label="出生日期" extra="不填时按身份证号推算">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="选择日期" data-testid="member-form-birthDate" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="isLunarBirthday" label="农历生日" valuePropName="checked" extra="按农历过生日的会员，生日慰问按农历提醒">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="idCard" label="身份证号" rules={[schemaRule('idCard')]}>
            <Input maxLength={18} data-testid="member-form-idCard" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label="手机号" rules={[schemaRule('phone')]}>
            <Input maxLength={20} inputMode="tel" data-testid="member-form-phone" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="staffNo" label="工号" rules={[schemaRule('staffNo')]}>
            <Input maxLength={LIMITS.staffNoMax} data-testid="member-form-staffNo" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="department" label="部门" rules={[schemaRule('department')]}>
            <AutoComplete
              options={facets.departments.map((d) => ({ value: d }))}
              filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            >
              <Input maxLength={LIMITS.shortTextMax} placeholder="如 语文组、教务处" data-testid="member-form-department" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="groupId" label="工会小组">
            <Select
              allowClear
              placeholder="选择工会小组"
              loading={groups.isPending}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="member-form-groupId"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="postType" label="岗位类别">
            <Select placeholder="教师" options={optionsOf(POST_TYPE_LABELS)} data-testid="member-form-postType" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="joinedOn" label="入会时间">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="选择日期" data-testid="member-form-joinedOn" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="tags" label="标签" extra="可选常用标签，也可直接输入后回车">
            <Select
              mode="tags"
              placeholder="如 女职工、青年教师"
              options={facets.tags.map((t) => ({ value: t, label: t }))}
              maxCount={LIMITS.tagsMax}
              data-testid="member-form-tags"
            />
          </Form.Item>
        </Col>
      </Row>
      {withStatus ? (
        <>
          <Divider titlePlacement="start" plain>
            状态
          </Divider>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="employmentStatus" label="在职状态" extra="办理退休请用“办理退休”，会同时记入变动记录">
                <Select options={optionsOf(EMPLOYMENT_STATUS_LABELS)} data-testid="member-form-employmentStatus" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="membershipStatus" label="会籍状态" extra="转到其他工会请用“办理转出”">
                <Select options={optionsOf(MEMBERSHIP_STATUS_LABELS)} data-testid="member-form-membershipStatus" />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : null}
      <Form.Item name="note" label="备注" rules={[schemaRule('note')]}>
        <Input.TextArea rows={3} maxLength={LIMITS.noteMax} showCount data-testid="member-form-note" />
      </Form.Item>
    </>
  );
}
