import ExcelJS from 'exceljs';
import {
  EMPLOYMENT_STATUS_LABELS,
  GENDER_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  POST_TYPE_LABELS,
} from '../../../contracts/members.js';
import { ROSTER_COLUMNS } from '../../../domain/roster-columns.js';
import type { MemberView } from './members.presenter.js';

/** The value of one roster column for one member, as it reads in the spreadsheet. */
function cellValue(m: MemberView, key: (typeof ROSTER_COLUMNS)[number]['key']): string | Date | null {
  switch (key) {
    case 'name': return m.name;
    case 'gender': return m.gender ? GENDER_LABELS[m.gender] : null;
    case 'birthDate': return m.birthDate;
    case 'idCard': return m.idCard;
    case 'phone': return m.phone;
    case 'staffNo': return m.staffNo;
    case 'department': return m.department;
    case 'group': return m.groupName;
    case 'postType': return POST_TYPE_LABELS[m.postType];
    case 'joinedOn': return m.joinedOn;
    case 'note': return m.note;
    case 'employmentStatus': return EMPLOYMENT_STATUS_LABELS[m.employmentStatus];
    case 'membershipStatus': return MEMBERSHIP_STATUS_LABELS[m.membershipStatus];
    case 'tags': return m.tags.join('、');
  }
}

/** Writes members to an .xlsx with the same headers the import reads (so an export can be re-imported). */
export async function rosterWorkbook(rows: MemberView[], sheetName = '会员名册'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Unionhome 职工之家';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const m of rows) {
    const record: Record<string, unknown> = {};
    for (const c of ROSTER_COLUMNS) record[c.key] = cellValue(m, c.key);
    ws.addRow(record);
  }
  // ID and staff numbers are text: stop Excel from showing 1.1E+17.
  for (const key of ['idCard', 'phone', 'staffNo']) ws.getColumn(key).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
