import ExcelJS from 'exceljs';

/*
 * The "ledger sheet" every .xlsx export starts from: a title row merged across the columns, a bold header row that is
 * frozen and printed on every page, the column widths, and A4 landscape fitted to the page width. The exports differ
 * only in what the options say.
 */

/** A column of a ledger sheet. Widths of 9 are avoided: exceljs takes 9 for its default and leaves the column out. */
export interface LedgerColumn {
  header: string;
  width: number;
  /** Number format of the column's cells ('#,##0.00', '0.0%'). */
  numFmt?: string;
}

/** What tells one ledger sheet from another. */
export interface LedgerSheetOptions {
  /** Height of the title row in points; left out, the spreadsheet program sizes it. */
  titleHeight?: number;
  /** Filter buttons on the header row (default yes). */
  hasFilter?: boolean;
  /** A grey header row with a thin rule under it (default yes). */
  isHeaderShaded?: boolean;
  /** Headers wrap when longer than their column (default yes). */
  isHeaderWrapped?: boolean;
}

/** A workbook signed as ours. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Unionhome 职工之家';
  return wb;
}

/** Adds a ledger sheet: `title` (already free of characters XML cannot carry) in row 1, the headers in row 2. */
export function addLedgerSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: readonly LedgerColumn[], options: LedgerSheetOptions = {}): ExcelJS.Worksheet {
  const { titleHeight, hasFilter = true, isHeaderShaded = true, isHeaderWrapped = true } = options;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  ws.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: 'center', vertical: 'middle' };
  if (titleHeight !== undefined) titleRow.height = titleHeight;
  ws.mergeCells(1, 1, 1, columns.length);
  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', ...(isHeaderWrapped ? { wrapText: true } : {}) };
  if (isHeaderShaded) {
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      cell.border = { bottom: { style: 'thin' } };
    });
  }
  if (hasFilter) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return ws;
}
