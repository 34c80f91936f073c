import ExcelJS from 'exceljs';
import { idCardCheckChar } from '../../src/domain/id-card.js';
import { seededRandom } from '../../src/domain/seeded-random.js';
import { randomName } from '../../src/server/demo/names.js';

/** The 工会小组 of the benchmark union (created through the API before the import) and the departments in each. */
export const BENCH_GROUPS: { name: string; departments: string[] }[] = [
  { name: '语文组', departments: ['高一语文组', '高二语文组', '高三语文组'] },
  { name: '数学组', departments: ['高一数学组', '高二数学组', '高三数学组'] },
  { name: '英语组', departments: ['高一英语组', '高二英语组', '高三英语组'] },
  { name: '理化生组', departments: ['物理组', '化学组', '生物组'] },
  { name: '政史地组', departments: ['政治组', '历史组', '地理组'] },
  { name: '艺体组', departments: ['体育组', '音乐组', '美术组'] },
  { name: '信息技术组', departments: ['信息技术组', '通用技术组'] },
  { name: '行政后勤组', departments: ['校长办公室', '教务处', '总务处', '德育处', '财务室'] },
];

const REGIONS = ['330106', '330102', '330105', '330108', '330110', '330104', '110101', '320102', '440106', '510104'];
const PHONE_PREFIXES = ['135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '186', '187', '188', '189', '199'];
const HEADERS = ['序号', '姓名', '性别', '出生日期', '身份证号', '手机号码', '工号', '部门', '工会小组', '岗位类别', '入会时间', '在职状态', '会籍状态', '标签', '备注'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * A realistic school-union roster of `count` rows, as Excel would save it: shared strings, dates as date
 * cells, ID numbers (with a correct check digit) and phones as text, and a 序号 column the import ignores.
 */
export async function writeRosterXlsx(file: string, count: number, seed = 20240901): Promise<void> {
  const rand = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('教职工名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = HEADERS.map((h) => ({ header: h, width: h === '身份证号' ? 21 : 12 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const idBodies = new Set<string>();
  const phones = new Set<string>();
  for (let i = 0; i < count; i++) {
    const gender = rand() < 0.62 ? 'F' : 'M';
    const year = 1962 + Math.floor(rand() * 39);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    let body: string;
    do {
      // The sequence's last digit carries the gender: odd for men, even for women.
      const seq = Math.floor(rand() * 500) * 2 + (gender === 'M' ? 1 : 0);
      body = `${pick(REGIONS)}${year}${pad(month, 2)}${pad(day, 2)}${pad(seq, 3)}`;
    } while (idBodies.has(body));
    idBodies.add(body);
    let phone: string;
    do phone = `${pick(PHONE_PREFIXES)}${pad(Math.floor(rand() * 1e8), 8)}`;
    while (phones.has(phone));
    phones.add(phone);
    const group = BENCH_GROUPS[i % BENCH_GROUPS.length];
    const retired = year < 1966 && rand() < 0.5;
    const postRoll = rand();
    const postType = group.name === '行政后勤组' ? (postRoll < 0.6 ? '职员' : '工勤') : postRoll < 0.95 ? '教师' : '其他';
    const joinYear = Math.max(year + 22, 1985) + Math.floor(rand() * 10);
    const tags: string[] = [];
    if (gender === 'F' && rand() < 0.3) tags.push('女职工');
    if (year >= 1990) tags.push('青年教师');
    if (rand() < 0.05) tags.push('骨干教师');
    const row = ws.addRow([
      i + 1,
      randomName(rand, gender),
      gender === 'F' ? '女' : '男',
      new Date(Date.UTC(year, month - 1, day)),
      body + idCardCheckChar(body),
      phone,
      `JS${pad(i + 1, 5)}`,
      pick(group.departments),
      group.name,
      postType,
      new Date(Date.UTC(Math.min(joinYear, 2024), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))),
      retired ? '退休' : '在职',
      rand() < 0.03 ? '保留会籍' : '正常',
      tags.join('、'),
      rand() < 0.02 ? '借调至区教育局' : null,
    ]);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(11).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
