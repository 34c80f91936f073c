import ExcelJS from 'exceljs';
import { ITEM_STATUS_LABELS, type ITEM_STATUSES } from '../../../contracts/plans.js';
import { compareItemTime, describeItemTime, type DateKind } from '../../../domain/calendar-dates.js';

/** A schedule item as the calendar spreadsheet lists it. */
export interface CalendarXlsxItem {
  title: string;
  dateKind: DateKind;
  startDate: string;
  endDate: string;
  ownerName: string | null;
  category: string | null;
  status: (typeof ITEM_STATUSES)[number];
  note: string | null;
  planTitle: string | null;
}

// No width of 9: exceljs takes 9 for its default and leaves the column out, so Excel would show 8.43.
const COLUMNS = [
  { header: '时间', width: 22 },
  { header: '事项', width: 44 },
  { header: '类别', width: 12 },
  { header: '负责人', width: 12 },
  { header: '状态', width: 10 },
  { header: '所属计划', width: 30 },
  { header: '备注', width: 36 },
] as const;

/** Rows above the first item: the title, then the headers. */
const HEADER_ROW = 2;

/** exceljs drops C0 controls but writes U+FFFE/U+FFFF and lone surrogates, which no spreadsheet program opens. */
const XML_INVALID = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string | null): string | null {
  return value === null ? null : value.replace(XML_INVALID, '');
}

/**
 * The calendar as a one-sheet workbook "行事历": a title row, the headers (frozen, with a filter), then one row
 * per item in date order, its time written as a printed plan writes it (3月, 7—8月, 3月8日, 3月8日—3月12日).
 */
export async function calendarXlsx(orgName: string, rangeLabel: string, items: CalendarXlsxItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Unionhome 职工之家';
  const ws = wb.addWorksheet('行事历', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));

  const title = ws.getRow(1);
  title.getCell(1).value = text(`${orgName} 行事历（${rangeLabel}）`);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, COLUMNS.length);

  const header = ws.getRow(HEADER_ROW);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: COLUMNS.length } };

  for (const item of [...items].sort(compareItemTime)) {
    const row = ws.addRow([
      describeItemTime(item),
      text(item.title),
      text(item.category),
      text(item.ownerName),
      ITEM_STATUS_LABELS[item.status],
      text(item.planTitle),
      text(item.note),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
