import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { FastifyReply } from 'fastify';
import type { ExportFile } from '../activities/activities.export.js';
import { encodeRfc5987 } from '../activities/activities.files.js';

/* The few pieces the election documents (ballots, result report) share: fonts, A4, paragraphs and ruled tables. */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Text without the characters XML cannot carry. */
export const clean = (text: string | null | undefined) => (text ?? '').replace(XML_INVALID, '');
/** A piece of a download's file name. */
export const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);

const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
export const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '宋体' };
export const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };
/** A4 portrait with 2 cm margins (twips). */
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
/** The text width of the page. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** A paragraph of one run. */
export function para(
  text: string,
  o: { size?: number; font?: IFontAttributesProperties; isBold?: boolean; align?: 'center' | 'right' | 'left'; after?: number; before?: number; isPageBreakBefore?: boolean; indent?: number } = {},
): Paragraph {
  const alignment = o.align === 'center' ? AlignmentType.CENTER : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new Paragraph({
    alignment,
    pageBreakBefore: o.isPageBreakBefore,
    indent: o.indent ? { left: o.indent } : undefined,
    spacing: { after: o.after ?? 80, before: o.before ?? 0 },
    children: [new TextRun({ text: clean(text), font: o.font ?? SONGTI, size: o.size ?? 21, bold: o.isBold })],
  });
}

/** A table cell with one paragraph; header cells bold on grey, `isMuted` cells grey (not to be written in). */
export function cell(text: string, width: number, o: { isHeader?: boolean; isMuted?: boolean; align?: 'center' | 'left'; size?: number } = {}): TableCell {
  const fill = o.isHeader ? 'E7E6E6' : o.isMuted ? 'D9D9D9' : undefined;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: fill ? { type: ShadingType.CLEAR, fill, color: 'auto' } : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: (o.align ?? (o.isHeader ? 'center' : 'left')) === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: clean(text), font: o.isHeader ? HEITI : SONGTI, size: o.size ?? 21, bold: o.isHeader })],
      }),
    ],
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A ruled table of rows of cells, with the column widths given in twips. */
export function ruledTable(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((n, w) => n + w, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  });
}

/** A simple table: a header row, then rows of texts (centred from the column `centreFrom` on). */
export function simpleTable(columns: readonly (readonly [string, number])[], rows: readonly string[][], centreFrom = 0): Table {
  const widths = columns.map(([, w]) => w);
  return ruledTable(widths, [
    new TableRow({ tableHeader: true, cantSplit: true, children: columns.map(([h, w]) => cell(h, w, { isHeader: true })) }),
    ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, widths[i], { align: i >= centreFrom ? 'center' : 'left' })) })),
  ]);
}

/** Sends a document as a download: its UTF-8 file name, with an ASCII fallback for clients that ignore `filename*`. */
export function sendDocx(reply: FastifyReply, e: ExportFile, asciiName: string) {
  return reply
    .header('content-type', e.contentType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeRfc5987(e.fileName)}`)
    .send(e.file);
}
