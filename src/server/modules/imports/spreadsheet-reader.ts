import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/app-error.js';

/** A cell value reduced to what JSON can hold: text, number, boolean, or a date as YYYY-MM-DD. */
export type PlainCell = string | number | boolean | null;

/** Turns an exceljs cell value (rich text, hyperlink, formula, date, error) into a plain value. */
export function plainCell(v: unknown): PlainCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if ('result' in o) return plainCell(o.result);
    if ('text' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/** One data row and its row number in the spreadsheet (the number the user sees in Excel). */
export interface SheetRow {
  row: number;
  cells: PlainCell[];
}

export interface SheetContent {
  headers: string[];
  rows: SheetRow[];
}

const isBlank = (cells: PlainCell[]) => cells.every((v) => v === null || String(v).trim() === '');

/** How the streaming reader is set up (shared with the roster benchmark, which times exceljs alone). */
export const XLSX_READER_OPTIONS: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'emit',
};

/** Reads the first worksheet of an .xlsx as a stream, reporting the share of the file consumed. */
async function readXlsx(buffer: Buffer, onProgress: (fraction: number, rows: number) => Promise<void>): Promise<SheetContent> {
  let consumed = 0;
  const chunk = 256 * 1024;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < buffer.length; i += chunk) {
        consumed = Math.min(buffer.length, i + chunk);
        yield buffer.subarray(i, i + chunk);
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, XLSX_READER_OPTIONS);
  let headers: string[] | null = null;
  const rows: SheetRow[] = [];
  let lastReport = Date.now();
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.from((row.values as unknown[]).slice(1), plainCell);
      if (isBlank(values)) continue;
      if (!headers) {
        headers = values.map((v) => (v === null ? '' : String(v).trim()));
        continue;
      }
      rows.push({ row: row.number, cells: values });
      if (Date.now() - lastReport > 300) {
        lastReport = Date.now();
        await onProgress(consumed / buffer.length, rows.length);
      }
    }
    break; // The roster is on the first worksheet.
  }
  if (!headers) throw new AppError('UNSUPPORTED_FILE', '文件中没有找到表头行');
  return { headers, rows };
}

/** Splits CSV text into rows, honouring quotes and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Decodes CSV bytes: UTF-8 (with or without BOM), else GB18030 as Excel saves it on Chinese Windows. */
export function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** Reads an uploaded roster file (.xlsx or .csv); refuses other formats with a Chinese explanation. */
export async function readSpreadsheet(
  fileName: string,
  buffer: Buffer,
  onProgress: (fraction: number, rows: number) => Promise<void> = async () => undefined,
): Promise<SheetContent> {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') {
    const all = parseCsv(decodeCsv(buffer)).map((cells, i) => ({ row: i + 1, cells: cells as PlainCell[] }));
    const [head, ...rest] = all.filter((r) => !isBlank(r.cells));
    if (!head) throw new AppError('UNSUPPORTED_FILE', '文件是空的');
    return { headers: head.cells.map((h) => String(h ?? '').trim()), rows: rest };
  }
  if (ext === 'xls') throw new AppError('UNSUPPORTED_FILE', '暂不支持旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再上传');
  if (ext !== 'xlsx') throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 或 .csv 文件');
  if (buffer.subarray(0, 2).toString('latin1') !== 'PK') throw new AppError('UNSUPPORTED_FILE', '文件不是有效的 .xlsx 表格（可能已损坏或只是改了扩展名）');
  try {
    return await readXlsx(buffer, onProgress);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('UNSUPPORTED_FILE', '无法读取该 .xlsx 文件，请确认文件未损坏');
  }
}
