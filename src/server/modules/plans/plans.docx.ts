import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IFontAttributesProperties,
} from 'docx';
import { ITEM_STATUS_LABELS } from '../../../contracts/plans.js';
import { chineseDate, describeItemTime, monthGroups, type DateKind } from '../../../domain/calendar-dates.js';
import { scheduleSectionIndex } from '../../../domain/plan-sections.js';

/** A plan with what its printed form shows. */
export interface PlanForDocx {
  orgName: string;
  title: string;
  /** e.g. 2025—2026学年第二学期 */
  periodLabel: string;
  planDate: string | null;
  /** Bodies are sanitised HTML: <p>, <ul>/<ol>/<li>, <strong>, <em>, <u>, <br>. */
  sections: { heading: string; body: string }[];
  goals: { text: string }[];
  items: { title: string; dateKind: DateKind; startDate: string; endDate: string; ownerName: string | null; status: string }[];
}

// Page and type as GB/T 9704 lays out an official document: A4, 仿宋 三号 body on a 28 pt line, 黑体 headings.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 32;
const TABLE_SIZE = 24;
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const latin = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
const FANGSONG: IFontAttributesProperties = { ...latin, eastAsia: '仿宋_GB2312' };
const HEITI: IFontAttributesProperties = { ...latin, eastAsia: '黑体' };
const SONGTI: IFontAttributesProperties = { ...latin, eastAsia: '宋体' };
const KAITI: IFontAttributesProperties = { ...latin, eastAsia: '楷体_GB2312' };
const INDENT_TWO_CHARS = { firstLineChars: 200 };
/** Two characters of body text (16 pt each) in twips, to indent nested list items. */
const TWO_CHARS = 640;

/**
 * Characters XML 1.0 cannot carry (Word pastes U+000B for a manual line break). docx drops the C0 controls itself
 * but writes U+FFFE/U+FFFF as they are, which Word refuses to open; lone surrogates are dropped here too.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
  return text.replace(XML_INVALID, '');
}

// ---- The small HTML subset of section bodies ----

interface Run {
  text: string;
  isBold: boolean;
  isItalic: boolean;
  isUnderlined: boolean;
  isBreak: boolean;
}

interface Block {
  /** "1. ", "（1）" or "· " for the first paragraph of a list item. */
  marker: string | null;
  runs: Run[];
  /** Nesting depth inside lists (0 outside any list). */
  depth: number;
  /** A sub-heading (<h3>, <h4>…) inside a section, such as "（一）强化思想政治引领". */
  isHeading: boolean;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(['p', 'div', 'blockquote', 'pre', 'table', 'tr']);
const HEADING_TAG = /^h[1-6]$/;

/**
 * Reads a section body into paragraphs of styled runs. Paragraphs and list items become blocks; a list item starts
 * with "1. " in an ordered list ("（1）" nested) or "· " in a bulleted one; strong/b, em/i and u style the runs; any
 * <h1>–<h6> are sub-headings; any other tag is dropped and its text kept. Whitespace collapses as a browser shows it; empty paragraphs are skipped.
 */
function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: { isOrdered: boolean; count: number }[] = [];
  let bold = 0;
  let italic = 0;
  let underline = 0;
  let heading = 0;
  let current: Block | null = null;
  let marker: string | null = null;

  const flush = () => {
    if (current) {
      const runs = trimRuns(current.runs);
      if (runs.some((r) => !r.isBreak)) blocks.push({ ...current, runs });
    }
    current = null;
  };
  const block = (): Block => {
    if (!current) {
      current = { marker, runs: [], depth: lists.length, isHeading: heading > 0 };
      marker = null;
    }
    return current;
  };
  const push = (text: string, isBreak = false) => {
    block().runs.push({ text, isBold: bold > 0, isItalic: italic > 0, isUnderlined: underline > 0, isBreak });
  };

  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|([^<]+)|</g;
  for (const m of html.matchAll(token)) {
    const [whole, slash, rawName, text] = m;
    if (whole.startsWith('<!--')) continue;
    if (text !== undefined || !rawName) {
      const decoded = clean(decodeEntities(text ?? whole)).replace(/[ \t\r\n\f]+/g, ' ');
      if (decoded.trim() !== '' || current) push(decoded);
      continue;
    }
    const name = rawName.toLowerCase();
    const isClosing = slash === '/';
    if (name === 'strong' || name === 'b') bold += isClosing ? -1 : 1;
    else if (name === 'em' || name === 'i') italic += isClosing ? -1 : 1;
    else if (name === 'u') underline += isClosing ? -1 : 1;
    else if (name === 'br') push('', true);
    else if (name === 'ul' || name === 'ol') {
      flush();
      if (isClosing) lists.pop();
      else lists.push({ isOrdered: name === 'ol', count: 0 });
    } else if (name === 'li') {
      flush();
      const list = lists[lists.length - 1];
      if (!isClosing && list) {
        list.count += 1;
        marker = list.isOrdered ? (lists.length > 1 ? `（${list.count}）` : `${list.count}. `) : '· ';
      }
      if (isClosing) marker = null;
    } else if (HEADING_TAG.test(name)) {
      flush();
      heading += isClosing ? -1 : 1;
    } else if (BLOCK_TAGS.has(name)) flush();
    heading = Math.max(heading, 0);
    bold = Math.max(bold, 0);
    italic = Math.max(italic, 0);
    underline = Math.max(underline, 0);
  }
  flush();
  return blocks;
}

/** Drops the spaces a block starts and ends with (source indentation), and line breaks before or after all text. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length > 0 && out[0].isBreak) out.shift();
  while (out.length > 0 && out[out.length - 1].isBreak) out.pop();
  const first = out.find((r) => !r.isBreak);
  if (first) first.text = first.text.replace(/^ +/, '');
  const last = [...out].reverse().find((r) => !r.isBreak);
  if (last) last.text = last.text.replace(/ +$/, '');
  return out.filter((r) => r.isBreak || r.text !== '');
}

// ---- Building the document ----

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (sections stay far below 100). */
function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** A heading without the number someone already typed ("三、工作安排", "3. 工作安排"), as the document numbers it. */
function bareHeading(heading: string): string {
  return clean(heading)
    .trim()
    // "5.1" and "3.8" open festival names, not numbers: a digit after the dot keeps the heading whole.
    .replace(/^(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])\s*/, '')
    .trim();
}

interface ParagraphStyle {
  size?: number;
  isBold?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  isIndented?: boolean;
}

function paragraph(text: string, font: IFontAttributesProperties, options: ParagraphStyle): Paragraph {
  return new Paragraph({
    alignment: options.alignment ?? AlignmentType.BOTH,
    spacing: LINE,
    indent: options.isIndented ? INDENT_TWO_CHARS : undefined,
    children: [new TextRun({ text: clean(text), font, size: options.size ?? BODY_SIZE, bold: options.isBold })],
  });
}

function bodyRun(r: Run, isHeading: boolean): TextRun {
  if (r.isBreak) return new TextRun({ break: 1 });
  return new TextRun({
    text: r.text,
    font: isHeading ? KAITI : FANGSONG,
    size: BODY_SIZE,
    bold: r.isBold || isHeading || undefined,
    italics: r.isItalic || undefined,
    underline: r.isUnderlined ? {} : undefined,
  });
}

function bodyParagraphs(html: string): Paragraph[] {
  return htmlBlocks(html).map(
    (b) =>
      new Paragraph({
        alignment: AlignmentType.BOTH,
        spacing: LINE,
        indent: b.depth > 1 ? { ...INDENT_TWO_CHARS, left: (b.depth - 1) * TWO_CHARS } : INDENT_TWO_CHARS,
        children: [
          ...(b.marker ? [new TextRun({ text: b.marker, font: FANGSONG, size: BODY_SIZE })] : []),
          ...b.runs.map((r) => bodyRun(r, b.isHeading)),
        ],
      }),
  );
}

function goalParagraphs(goals: { text: string }[]): Paragraph[] {
  return goals.map((g, i) => paragraph(`${i + 1}. ${g.text.trim()}`, FANGSONG, { isIndented: true }));
}

const COLUMN_WIDTHS = [1400, TEXT_WIDTH - 1400 - 1500 - 1100, 1500, 1100];

function cell(text: string, options: { isHeader?: boolean; isCentered?: boolean; rowSpan?: number; width: number }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: options.isHeader ? { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: options.isCentered || options.isHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 300, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text: clean(text), font: options.isHeader ? HEITI : FANGSONG, size: TABLE_SIZE, bold: options.isHeader })],
      }),
    ],
  });
}

function statusLabel(status: string): string {
  return (ITEM_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** The schedule as a table 月份 | 工作内容 | 负责人 | 状态, one merged month cell per month group. */
function scheduleTable(items: PlanForDocx['items']): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['月份', '工作内容', '负责人', '状态'].map((h, i) => cell(h, { isHeader: true, width: COLUMN_WIDTHS[i] })),
  });
  const rows = monthGroups(items).flatMap((group) =>
    group.items.map(
      (item, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            ...(i === 0 ? [cell(group.label, { isCentered: true, rowSpan: group.items.length, width: COLUMN_WIDTHS[0] })] : []),
            cell(item.dateKind === 'month' ? item.title : `${item.title}（${describeItemTime(item)}）`, { width: COLUMN_WIDTHS[1] }),
            cell(item.ownerName ?? '', { isCentered: true, width: COLUMN_WIDTHS[2] }),
            cell(statusLabel(item.status), { isCentered: true, width: COLUMN_WIDTHS[3] }),
          ],
        }),
    ),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    alignment: AlignmentType.CENTER,
    rows: [header, ...rows],
  });
}

interface Part {
  heading: string;
  body: FileChild[];
}

/**
 * The plan's sections in print order. Goals fill the section about goals (工作目标) when its body is empty, or
 * become a 工作目标 section of their own after 指导思想 (or first) when there is none. The schedule table follows
 * the body of the section about the schedule (工作安排 / 活动安排 / 行事历), or closes the plan as a 工作安排 section.
 */
function parts(plan: PlanForDocx): Part[] {
  const list: Part[] = plan.sections.map((s) => ({ heading: bareHeading(s.heading), body: bodyParagraphs(s.body) }));
  if (plan.goals.length > 0) {
    const goalsPart = list.find((p) => p.heading.includes('目标'));
    if (goalsPart) {
      if (goalsPart.body.length === 0) goalsPart.body = goalParagraphs(plan.goals);
    } else {
      const after = list.findIndex((p) => p.heading.includes('指导思想'));
      list.splice(after + 1, 0, { heading: '工作目标', body: goalParagraphs(plan.goals) });
    }
  }
  if (plan.items.length > 0) {
    const table = scheduleTable(plan.items);
    const schedulePart = list[scheduleSectionIndex(list.map((p) => p.heading))];
    if (schedulePart) schedulePart.body.push(table);
    else list.push({ heading: '工作安排', body: [table] });
  }
  return list;
}

function periodLine(label: string): string | null {
  const text = label.trim();
  if (text === '') return null;
  return /^[（(].*[）)]$/.test(text) ? text : `（${text}）`;
}

/**
 * The plan as a .docx laid out like a printed Chinese union plan: the title centred in bold 宋体, the period under
 * it, sections numbered 一、二、三、 with bold 黑体 headings and 仿宋 body text indented two characters, the
 * schedule as a table grouped by month, and the organisation and date line at the end, right-aligned.
 */
export async function planDocx(plan: PlanForDocx): Promise<Buffer> {
  const children: FileChild[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      children: [new TextRun({ text: clean(plan.title), font: SONGTI, size: 44, bold: true })],
    }),
  ];
  const period = periodLine(plan.periodLabel);
  if (period) children.push(paragraph(period, KAITI, { alignment: AlignmentType.CENTER }));
  children.push(new Paragraph({ spacing: LINE, children: [] }));

  let number = 0;
  for (const part of parts(plan)) {
    if (part.heading !== '') {
      number += 1;
      children.push(paragraph(`${chineseNumeral(number)}、${part.heading}`, HEITI, { isBold: true, isIndented: true }));
    }
    children.push(...part.body);
  }

  children.push(new Paragraph({ spacing: LINE, children: [] }));
  children.push(paragraph(plan.orgName, FANGSONG, { alignment: AlignmentType.RIGHT }));
  if (plan.planDate) children.push(paragraph(chineseDate(plan.planDate), FANGSONG, { alignment: AlignmentType.RIGHT }));

  const doc = new Document({
    title: clean(plan.title),
    creator: 'Unionhome 职工之家',
    styles: {
      default: {
        document: { run: { font: FANGSONG, size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
      },
    },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
