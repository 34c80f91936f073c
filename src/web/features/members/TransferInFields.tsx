import { Col, DatePicker, Form, Input, Row, Switch } from 'antd';
import { LIMITS } from '../../../contracts/limits';

/**
 * The optional 转入 section of the new-member form: a member arriving from another union keeps a 转入 line
 * (from where, since when) in their history instead of 建档.
 */
export function TransferInFields() {
  return (
    <>
      <Form.Item name="isTransferIn" valuePropName="checked" label="办理转入" extra="从其他单位工会转来的会员，打开后填写转出单位和转入日期">
        <Switch data-testid="member-form-transferIn" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.isTransferIn !== b.isTransferIn}>
        {({ getFieldValue }) =>
          getFieldValue('isTransferIn') ? (
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  name={['transferIn', 'fromOrgName']}
                  label="转出单位"
                  rules={[{ required: true, whitespace: true, message: '请填写转出单位' }]}
                >
                  <Input maxLength={LIMITS.orgNameMax} placeholder="如 示例第二中学工会" data-testid="member-form-fromOrgName" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={['transferIn', 'onDate']} label="转入日期" rules={[{ required: true, message: '请选择转入日期' }]}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid="member-form-transferInDate" />
                </Form.Item>
              </Col>
            </Row>
          ) : null
        }
      </Form.Item>
    </>
  );
}
