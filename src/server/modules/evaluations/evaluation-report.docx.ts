import { AlignmentType, BorderStyle, Document, HeightRule, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type IFontAttributesProperties } from 'docx';
import type { EvaluationResults, GradeTally } from '../../../contracts/evaluations.js';
import { percentText } from '../../../domain/evaluation/index.js';
import { chineseNumber } from '../congress/congress.presenter.js';

/*
 * 民主测评结果报告 (.docx): the title, the window, 应参评 / 实际参评 / 参评率, then per target a table of each
 * dimension's grade counts and shares and one of the overall grade, and the target's comments (in the stored random
 * order); the group breakdown only as `results.groups` allows it, with the note naming the groups left out.
 */

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Text without the characters XML cannot carry. */
export const clean = (text: string) => text.replace(XML_INVALID, '');

/** A document's name from the evaluation's title: "民主测评" added only when the title does not already say it. */
export const evaluationDocName = (title: string, what: string) => `${title}${title.includes('民主测评') ? '' : '民主测评'}${what}`;

const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1417, right: 1417 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const FANGSONG: IFontAttributesProperties = { ...latin, eastAsia: '仿宋' };
const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '宋体' };
const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function para(text: string, o: { font?: IFontAttributesProperties; size?: number; align?: 'center' | 'left'; indent?: boolean; after?: number; before?: number } = {}) {
  return new Paragraph({
    alignment: o.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 560 } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 80, line: 480, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text: clean(text), font: o.font ?? FANGSONG, size: o.size ?? 28 })],
  });
}

function cell(text: string, width: number, isHeader: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: isHeader ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    margins: { left: 60, right: 60 },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: clean(text), font: isHeader ? HEITI : SONGTI, size: 21 })] })],
  });
}

/** A grid: the first column names the row, the others are the grades. */
function grid(headers: string[], rows: string[][]): Table {
  const first = 2200;
  const rest = Math.floor((TEXT_WIDTH - first) / (headers.length - 1));
  const widths = [first, ...headers.slice(1).map(() => rest)];
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({ tableHeader: isHeader, cantSplit: true, height: { value: 420, rule: HeightRule.ATLEAST }, children: cells.map((t, i) => cell(t, widths[i], isHeader)) });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(headers, true), ...rows.map((r) => row(r, false))],
  });
}

/** "30 票（50.0%）". */
const countAndShare = (t: GradeTally, i: number) => `${t.counts[i]} 票（${percentText(t.permille[i])}）`;

/** The two tables of a target: its dimensions by grade, and its overall grade. */
function targetTables(r: Pick<EvaluationResults, 'dimensions' | 'grades' | 'overallGrades'>, t: { dimensions: GradeTally[]; overall: GradeTally }): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (r.dimensions.length > 0) {
    out.push(grid(['测评项目', ...r.grades], r.dimensions.map((d, i) => [d, ...r.grades.map((_, g) => countAndShare(t.dimensions[i], g))])));
    out.push(para('', { after: 0 }));
  }
  out.push(grid(['总体评价', ...r.overallGrades], [['票数（占比）', ...r.overallGrades.map((_, g) => countAndShare(t.overall, g))]]));
  return out;
}

/** The report as a .docx. `window`: "2026年1月5日 08:00 至 1月9日 17:00". */
export async function evaluationReportDocx(r: EvaluationResults, x: { orgName: string; window: string; votersLabel: string }): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    para(r.title, { font: HEITI, size: 36, align: 'center', after: 120 }),
    para('民主测评结果报告', { font: HEITI, size: 32, align: 'center', after: 240 }),
    para(`测评单位：${x.orgName}`),
    para(`测评时间：${x.window}`),
    para(`参评范围：${x.votersLabel}`),
    para(`参评情况：${r.participationText}`, { after: 240 }),
  ];
  if (r.targets === null) {
    body.push(para(`实际参评 ${r.cast} 人，少于 ${r.minGroupSize} 人。为保护参评人的匿名，本次测评不公布各项评价结果。`, { indent: true }));
  } else {
    r.targets.forEach((t, i) => {
      body.push(para(`${chineseNumber(i + 1)}、${t.name}（${t.post}）`, { font: HEITI, before: 240 }));
      body.push(...targetTables(r, t));
      if (t.comments.length > 0) {
        body.push(para('意见建议：', { before: 120 }));
        t.comments.forEach((c, k) => body.push(para(`${k + 1}. ${c}`, { indent: true })));
      }
    });
    if (r.groups.length > 0 || r.hiddenGroupsNote) body.push(para('分类统计', { font: HEITI, size: 32, align: 'center', before: 360, after: 120 }));
    for (const g of r.groups) {
      body.push(para(`${g.label}（参评 ${g.cast} 人）`, { font: HEITI, before: 240 }));
      g.targets.forEach((t) => {
        body.push(para(`${t.name}（${t.post}）`, { before: 120 }));
        body.push(...targetTables(r, t));
      });
    }
    if (r.hiddenGroupsNote) body.push(para(`注：${r.hiddenGroupsNote}。`, { indent: true, before: 120 }));
  }
  const doc = new Document({
    title: clean(evaluationDocName(r.title, '结果报告')),
    creator: 'Unionhome 职工之家',
    styles: { default: { document: { run: { font: FANGSONG, size: 28, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: body }],
  });
  return Packer.toBuffer(doc);
}
