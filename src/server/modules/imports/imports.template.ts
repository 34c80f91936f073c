import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '../../../domain/roster-columns.js';

const EXAMPLE: Record<string, string> = {
  name: '张晓明',
  gender: '男',
  birthDate: '1985-03-02',
  idCard: '110101198503021238', // a valid check digit: the example row imports as it is
  phone: '13800000001',
  staffNo: 'T0001',
  department: '语文组',
  group: '语文组',
  postType: '教师',
  joinedOn: '2008-09-01',
  employmentStatus: '在职',
  membershipStatus: '正常',
  tags: '青年教师',
  note: '',
};

/** The import template: the recognised headers, one example row, and a sheet explaining each column. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const key of ['idCard', 'phone', 'staffNo']) ws.getColumn(key).numFmt = '@';
  ws.addRow(EXAMPLE);
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 12 }, { header: '说明', width: 70 }];
  help.getRow(1).font = { bold: true };
  const notes: [string, string][] = [
    ['姓名', '必填。'],
    ['性别', '男 或 女；不填时按身份证号推算。'],
    ['出生日期', '可写 1985-03-02、1985/3/2、1985.3.2、19850302、1985年3月2日，或 Excel 日期；不填时按身份证号推算。'],
    ['身份证号', '18 位，末位校验码必须正确；请把该列设为“文本”，否则 Excel 会把后几位变成 0。'],
    ['手机号码', '11 位手机号。'],
    ['工号', '同一工会内不能重复；选择“新增并更新已有会员”时按工号（其次身份证号）匹配。'],
    ['工会小组', '须与系统中已建立的工会小组名称一致。'],
    ['岗位类别', '教师、职员、工勤 或 其他。'],
    ['在职状态', '在职、退休、调离、去世；不填为 在职。'],
    ['会籍状态', '正常、保留会籍、已转出、已退会；不填为 正常。'],
    ['标签', '多个标签用顿号或逗号分隔，如：女职工、青年教师。'],
    ['示例行', '上传前请删除第 2 行的示例数据。'],
  ];
  notes.forEach((n) => help.addRow(n));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
