import { ITEM_STATUS_LABELS, type ITEM_STATUSES } from '../../../contracts/plans.js';
import { compareItemTime, describeItemTime, type DateKind } from '../../../domain/calendar-dates.js';
import { addLedgerSheet, newWorkbook, type LedgerColumn } from '../../exports/ledger-sheet.js';

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

const COLUMNS: readonly LedgerColumn[] = [
  { header: '时间', width: 22 },
  { header: '事项', width: 44 },
  { header: '类别', width: 12 },
  { header: '负责人', width: 12 },
  { header: '状态', width: 10 },
  { header: '所属计划', width: 30 },
  { header: '备注', width: 36 },
];

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
  const wb = newWorkbook();
  const ws = addLedgerSheet(wb, '行事历', text(`${orgName} 行事历（${rangeLabel}）`) ?? '', COLUMNS, { titleHeight: 28, isHeaderWrapped: false });

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
