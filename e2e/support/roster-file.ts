import ExcelJS from 'exceljs';
import { idCardCheckChar } from '../../src/domain/id-card.js';

/** A person for the story's roster file; the first one has a name whose pinyin initials are easy to search. */
export interface StoryRow {
  name: string;
  gender: string;
  birth: string;
  idCard: string;
  phone: string;
  staffNo: string;
  group: string;
}

const GIVEN = '晓明丽华建国秀英志强海燕文静春梅';
const GROUPS = ['语文组', '数学组', '英语组', '物理化学组'];

function idFor(birth: string, seq: number): string {
  const body = `370303${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

/** Thirty good rows: new people for 示例第一中学工会 (工号 E2E01…, phones 1860000xxxx). */
export function storyRows(): StoryRow[] {
  const rows: StoryRow[] = [];
  for (let i = 0; i < 30; i++) {
    const birth = `19${80 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`;
    const name = i === 0 ? '诸葛云帆' : `闻人${GIVEN[i % GIVEN.length]}${GIVEN[(i * 7) % GIVEN.length]}`;
    rows.push({ name, gender: i % 2 ? '女' : '男', birth, idCard: idFor(birth, 100 + i), phone: `186000${String(10000 + i).slice(-5)}`, staffNo: `E2E${String(i + 1).padStart(2, '0')}`, group: GROUPS[i % GROUPS.length] });
  }
  return rows;
}

/** Spoils three rows the way real files go wrong: a short phone, a wrong ID check digit, an impossible date. */
export function spoil(rows: StoryRow[]): StoryRow[] {
  const bad = rows.map((r) => ({ ...r }));
  bad[4].phone = '1860000';
  const last = bad[9].idCard.slice(-1);
  bad[9].idCard = bad[9].idCard.slice(0, 17) + (last === '1' ? '2' : '1');
  bad[14].birth = '1985-13-45';
  return bad;
}

/** Writes the rows as an .xlsx with the headers a school's own sheet would have. */
export async function rosterXlsx(rows: StoryRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教职工名单');
  ws.addRow(['姓名', '性别', '出生年月', '身份证号码', '手机号码', '工号', '工会小组']);
  for (const r of rows) ws.addRow([r.name, r.gender, r.birth, r.idCard, r.phone, r.staffNo, r.group]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
