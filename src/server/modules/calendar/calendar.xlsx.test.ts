import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { calendarXlsx, type CalendarXlsxItem } from './calendar.xlsx.js';

function item(over: Partial<CalendarXlsxItem> & Pick<CalendarXlsxItem, 'title'>): CalendarXlsxItem {
  return {
    dateKind: 'date',
    startDate: '2026-03-08',
    endDate: '2026-03-08',
    ownerName: null,
    category: null,
    status: 'planned',
    note: null,
    planTitle: null,
    ...over,
  };
}

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** A row's cell values as text, '' for an empty cell. */
function rowTexts(ws: ExcelJS.Worksheet, row: number): string[] {
  return Array.from({ length: 7 }, (_, i) => {
    const v = ws.getRow(row).getCell(i + 1).value;
    return v === null || v === undefined ? '' : String(v);
  });
}

const ITEMS: CalendarXlsxItem[] = [
  item({ title: '暑期疗休养', dateKind: 'month', startDate: '2026-07-01', endDate: '2026-08-31', status: 'postponed', category: '文体活动' }),
  item({
    title: '“三八”妇女节系列活动',
    ownerName: '李芳',
    category: '女工工作',
    status: 'done',
    note: '健康讲座、趣味活动',
    planTitle: '2025—2026学年第二学期工会工作计划',
  }),
  item({ title: '制定工会工作计划', dateKind: 'month', startDate: '2026-03-01', endDate: '2026-03-31', ownerName: '王强' }),
  item({ title: '春季教职工运动会', dateKind: 'range', startDate: '2026-04-20', endDate: '2026-04-24', status: 'cancelled' }),
];

describe('calendarXlsx', () => {
  it('writes one sheet 行事历 with the title, the headers and one row per item in date order', async () => {
    const wb = await readBack(await calendarXlsx('张店四中工会', '2026年3月—8月', ITEMS));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['行事历']);
    const ws = wb.getWorksheet('行事历')!;
    expect(ws.getCell('A1').value).toBe('张店四中工会 行事历（2026年3月—8月）');
    expect(rowTexts(ws, 2)).toEqual(['时间', '事项', '类别', '负责人', '状态', '所属计划', '备注']);
    expect(rowTexts(ws, 3)).toEqual(['3月', '制定工会工作计划', '', '王强', '计划', '', '']);
    expect(rowTexts(ws, 4)).toEqual([
      '3月8日',
      '“三八”妇女节系列活动',
      '女工工作',
      '李芳',
      '已完成',
      '2025—2026学年第二学期工会工作计划',
      '健康讲座、趣味活动',
    ]);
    expect(rowTexts(ws, 5)).toEqual(['4月20日—4月24日', '春季教职工运动会', '', '', '取消', '', '']);
    expect(rowTexts(ws, 6)).toEqual(['7—8月', '暑期疗休养', '文体活动', '', '延期', '', '']);
    expect(ws.rowCount).toBe(6);
  });

  it('spans the title over the columns, bolds the headers, freezes them and sets widths', async () => {
    const ws = (await readBack(await calendarXlsx('张店四中工会', '2026年', ITEMS))).getWorksheet('行事历')!;
    expect(ws.getCell('G1').isMerged).toBe(true);
    expect(ws.getCell('G1').master.address).toBe('A1');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    for (let c = 1; c <= 7; c++) expect(ws.getRow(2).getCell(c).font?.bold, String(c)).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const widths = ws.columns.map((c) => c.width);
    expect(widths).toHaveLength(7);
    expect(widths.every((w) => typeof w === 'number' && w >= 8)).toBe(true);
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(5).width!);
  });

  it('gives the years of a span across New Year', async () => {
    const ws = (await readBack(
      await calendarXlsx('张店四中工会', '2025—2026学年第一学期', [
        item({ title: '冬送温暖', dateKind: 'month', startDate: '2025-12-01', endDate: '2026-01-31' }),
      ]),
    )).getWorksheet('行事历')!;
    expect(ws.getCell('A3').value).toBe('2025年12月—2026年1月');
  });

  it('writes the title and headers alone for an empty calendar', async () => {
    const ws = (await readBack(await calendarXlsx('张店四中工会', '2026年', []))).getWorksheet('行事历')!;
    expect(ws.getCell('A1').value).toBe('张店四中工会 行事历（2026年）');
    expect(rowTexts(ws, 2)[0]).toBe('时间');
    expect(ws.rowCount).toBe(2);
  });

  it('stays a file Excel opens when text carries characters XML cannot hold', async () => {
    const buffer = await calendarXlsx('张店四中工会\uFFFE', '2026年', [
      item({ title: '粘贴\u000B来的\uFFFF标题\uD800', note: '备注\u0001<b>&"' }),
    ]);
    const zip = await JSZip.loadAsync(buffer);
    for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
      const errors: string[] = [];
      const parser = new SaxesParser({ xmlns: true });
      parser.on('error', (e) => errors.push(e.message));
      parser.write(await zip.file(part)!.async('string')).close();
      expect(errors, part).toEqual([]);
    }
    const ws = (await readBack(buffer)).getWorksheet('行事历')!;
    expect(ws.getCell('A1').value).toBe('张店四中工会 行事历（2026年）');
    expect(ws.getCell('B3').value).toBe('粘贴来的标题');
    expect(ws.getCell('G3').value).toBe('备注<b>&"');
  });
});
