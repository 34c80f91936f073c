/**
 * Reads a union work plan (工作计划) line by line: sections, the month schedule, goals, title and date line.
 * Real plans are copied from Word files and web pages, so the reader expects compilations of several plans,
 * flattened tables, hard line wraps and festival names that look like numbers (DOMAIN.md §4 "Plan & calendar").
 */
import type { Comparator, GoalMetric } from '../goal-metrics.js';
import { extractGoals } from './goals.js';
import {
  TITLE_WORDS,
  appendixHeading,
  bareHeading,
  dateLine,
  isHeaderCell,
  isPlanTitle,
  isTitleLike,
  numberedHeading,
  partHeading,
  subHeading,
  tableHeader,
  type TableHeader,
} from './headings.js';
import { monthHeading, monthsIn, monthsInParentheses, trailingMonthAnnotation } from './months.js';
import { listMarkerAt, splitNumberedLine } from './numbering.js';
import { statedPeriod, type StatedPeriod } from './stated-period.js';
import { cleanLine, endsSentence, normalizeWidth, stripTrailingPunctuation } from './text.js';

/** A plan text as structure: what the plan import shows for review before anything is saved. */
export interface ParsedPlan {
  title: string | null;
  planDate: string | null;
  /** The period the title lines name ("2025-2026学年第二学期"), if they name one. */
  statedPeriod: StatedPeriod | null;
  /**
   * `body` is the section as written; `prose` is the same without the lines that became month items (month
   * headings, their items, schedule tables), so that a saved plan does not carry its schedule twice.
   */
  sections: { heading: string; body: string; prose: string }[];
  items: { text: string; months: number[] }[];
  goals: { text: string; metric: GoalMetric | null; comparator: Comparator; target: number }[];
}

/** Headings under which a numbered list is the schedule even without month headings. */
const SCHEDULE_HEADING = /安排|行事历|日程|工作计划|活动计划|月历|进度/;
/** A line at least this long that stops mid-sentence was wrapped; the next unnumbered line continues it. */
const MIN_WRAPPED_LINE = 15;
/** Longest unnumbered line read as an item under a month heading (longer ones are prose). */
const MAX_PLAIN_ITEM = 50;

type ItemContext = 'month' | 'schedule' | 'other';

interface OpenItem {
  text: string;
  context: ItemContext;
  months: number[];
  canContinue: boolean;
}

class PlanReader {
  readonly sections: { heading: string; lines: string[]; prose: string[] }[] = [];
  readonly items: { text: string; months: number[] }[] = [];
  readonly goalLines: string[] = [];
  readonly preamble: string[] = [];
  planDate: string | null = null;

  private current: { heading: string; lines: string[]; prose: string[] } | null = null;
  /** Whether the line being read is part of the month schedule (a month heading, its items, a table row). */
  private isScheduleLine = false;
  private hasStructure = false;
  private isSectionSchedule = false;
  private isSubSchedule = false;
  private isBareAwaiting = false;
  private isContainer = false;
  private block: { months: number[]; style: 'numbered' | 'plain' | null } | null = null;
  private table: TableHeader | null = null;
  private isHeaderPending = false;
  private open: OpenItem | null = null;

  read(line: string): void {
    this.isScheduleLine = false;
    if (!line) {
      if (this.open) this.open.canContinue = false;
      return;
    }
    const date = dateLine(line);
    if (date) {
      // The document's own date (落款) or a blank one ("20__年2月"): never an item.
      if (date.date) this.planDate = date.date;
      this.closeBlock();
      return;
    }
    this.goalLines.push(line);
    const wasBareAwaiting = this.isBareAwaiting;
    this.isBareAwaiting = false;
    if (this.isHeaderPending && isHeaderCell(line)) {
      this.isScheduleLine = true;
      return this.body(line);
    }
    this.isHeaderPending = false;
    if (this.readStructure(line, wasBareAwaiting)) return;
    const norm = normalizeWidth(line);
    if (listMarkerAt(norm)) {
      this.hasStructure = true;
      this.numberedItems(line, line);
    } else {
      this.plainLine(line, norm);
    }
    this.body(line);
  }

  finish(): void {
    this.closeBlock();
  }

  /** Headings, tables and plan titles; true when the line was one of them. */
  private readStructure(line: string, wasBareAwaiting: boolean): boolean {
    const header = tableHeader(line);
    if (header) {
      this.closeBlock();
      this.isScheduleLine = true;
      this.table = header;
      this.isHeaderPending = header.separator === null;
      this.body(line);
      return true;
    }
    const norm = normalizeWidth(line);
    if (this.table?.separator && norm.includes(this.table.separator) && this.tableRow(line, norm, this.table)) {
      this.isScheduleLine = true;
      this.body(line);
      return true;
    }
    const month = monthHeading(norm);
    if (month) {
      this.isScheduleLine = true;
      this.startBlock(month.months);
      if (month.rest < line.length) this.itemsFrom(line.slice(month.rest));
      this.body(line);
      return true;
    }
    const numbered = numberedHeading(line);
    if (numbered) {
      // Numbered headings right under a bare one ("工作重点" then "一、…") are its sub-headings.
      if (wasBareAwaiting) this.isContainer = true;
      if (!this.isContainer) return this.startSection(numbered.heading, numbered.body);
      this.closeBlock();
      this.isSubSchedule = SCHEDULE_HEADING.test(numbered.heading);
      this.body(line);
      return true;
    }
    const part = partHeading(line) ?? appendixHeading(line);
    if (part) {
      this.isContainer = false;
      return this.startSection(part.heading, part.body);
    }
    const bare = bareHeading(line);
    if (bare) {
      this.isContainer = false;
      this.startSection(bare, '');
      this.isBareAwaiting = true;
      return true;
    }
    if (this.current && isPlanTitle(line)) {
      // The next plan of a compilation starts: nothing of the previous schedule carries over.
      this.closeBlock();
      this.table = null;
      this.isContainer = false;
      this.isSectionSchedule = false;
      this.isSubSchedule = false;
      this.body(line);
      return true;
    }
    const sub = subHeading(line);
    if (sub !== null) {
      this.closeBlock();
      this.hasStructure = true;
      this.isSubSchedule = SCHEDULE_HEADING.test(sub);
      this.body(line);
      return true;
    }
    return false;
  }

  private startSection(heading: string, body: string): true {
    this.closeBlock();
    this.table = null;
    this.hasStructure = true;
    this.current = { heading, lines: body ? [body] : [], prose: body ? [body] : [] };
    this.sections.push(this.current);
    this.isSectionSchedule = SCHEDULE_HEADING.test(heading);
    this.isSubSchedule = false;
    return true;
  }

  private body(line: string): void {
    if (!this.current) return;
    this.current.lines.push(line);
    if (!this.isScheduleLine) this.current.prose.push(line);
  }

  private startBlock(months: number[]): void {
    this.closeBlock();
    this.hasStructure = true;
    this.block = { months, style: null };
  }

  private closeBlock(): void {
    this.finishOpen();
    this.block = null;
  }

  /** A flattened table row "3月 | 制定计划；开展活动" (an empty month cell continues the month above). */
  private tableRow(line: string, norm: string, table: TableHeader): boolean {
    const cells: string[] = [];
    for (let start = 0, i = 0; i <= norm.length; i++) {
      if (i < norm.length && norm[i] !== table.separator) continue;
      cells.push(line.slice(start, i).trim());
      start = i + 1;
    }
    const work = cells[table.workColumn];
    const monthCell = cells[table.monthColumn] ?? '';
    if (work === undefined) return false;
    if (monthCell) {
      const m = monthHeading(normalizeWidth(monthCell));
      if (!m || m.rest < monthCell.length) return false;
      this.startBlock(m.months);
    } else if (!this.block) {
      return false;
    }
    if (work) this.itemsFrom(work);
    return true;
  }

  /** Items written after a month heading or in a table cell: numbered, or separated by ；/spaces. */
  private itemsFrom(text: string): void {
    const norm = normalizeWidth(text);
    if (listMarkerAt(norm)) this.numberedItems(text, text);
    else if (this.block) this.plainItems(text, norm);
  }

  /** Each numbered item of `text` opens in turn; the last may continue on the next line. */
  private numberedItems(text: string, line: string): void {
    const context: ItemContext = this.block ? 'month' : this.isSectionSchedule || this.isSubSchedule ? 'schedule' : 'other';
    if (this.block) {
      this.block.style = 'numbered';
      this.isScheduleLine = true;
    }
    for (const span of splitNumberedLine(normalizeWidth(text))) {
      this.finishOpen();
      this.open = { text: text.slice(span.start, span.end), context, months: this.block?.months ?? [], canContinue: false };
    }
    if (this.open) this.open.canContinue = line.length >= MIN_WRAPPED_LINE && !endsSentence(line);
  }

  private plainLine(line: string, norm: string): void {
    if (this.open?.canContinue) {
      // A hard wrap: the numbered item of the line above goes on here.
      this.open.text += line;
      if (this.open.context === 'month') this.isScheduleLine = true;
      this.open.canContinue = line.length >= MIN_WRAPPED_LINE && !endsSentence(line);
      return;
    }
    this.finishOpen();
    if (this.table?.separator && !norm.includes(this.table.separator)) {
      // A line without the table's column separator is past the table ("以上安排如有变动另行通知。").
      this.closeBlock();
      this.table = null;
    }
    if (this.block && this.block.style !== 'numbered' && norm.length <= MAX_PLAIN_ITEM && !/[。!?]./.test(norm)) {
      this.plainItems(line, norm);
      return;
    }
    // Prose after a numbered month list ends the schedule.
    this.closeBlock();
    if (!this.current && !this.hasStructure) this.preamble.push(line);
  }

  /** Unnumbered items of a month: "庆祝“三八”节 开展扶贫一日捐" or "制定计划；召开会议" are two each. */
  private plainItems(text: string, norm: string): void {
    const block = this.block!;
    block.style = 'plain';
    this.isScheduleLine = true;
    let start = 0;
    for (let i = 0; i <= norm.length; i++) {
      if (i < norm.length && !isItemBreak(norm, i)) continue;
      if (i > start) this.addItem(text.slice(start, i), block.months);
      start = i + 1;
    }
  }

  private finishOpen(): void {
    const item = this.open;
    this.open = null;
    if (!item) return;
    const norm = normalizeWidth(item.text);
    switch (item.context) {
      case 'month':
        return this.addItem(item.text, item.months);
      case 'schedule':
        return this.addItem(item.text, monthsIn(norm));
      case 'other': {
        // Outside the schedule only an explicit "（3月）" makes a list entry a dated item.
        const months = monthsInParentheses(norm);
        if (months.length) this.addItem(item.text, months);
        return;
      }
    }
  }

  private addItem(raw: string, months: number[]): void {
    let text = stripTrailingPunctuation(raw);
    const annotation = trailingMonthAnnotation(normalizeWidth(text));
    if (annotation > 0) text = stripTrailingPunctuation(text.slice(0, annotation));
    if (text) this.items.push({ text, months });
  }
}

/** ；, a table bar or a space between unnumbered items; a space inside Latin text ("Office 2016") is kept. */
function isItemBreak(norm: string, i: number): boolean {
  const ch = norm[i];
  if (ch === ';' || ch === '|') return true;
  if (!/\s/.test(ch)) return false;
  const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  return !(isLatin(norm[i - 1]) && isLatin(norm[i + 1]));
}

function titleOf(preamble: string[]): string | null {
  const i = preamble.findIndex(isTitleLike);
  if (i < 0) return null;
  let title = preamble[i].trim();
  const next = preamble[i + 1];
  // "江苏省仪征中学2021-2022学年度第二学期" + "工会工作计划": a title broken over two lines.
  if (!TITLE_WORDS.test(title) && next && next.length <= 20 && isTitleLike(next) && TITLE_WORDS.test(next)) title += next.trim();
  return title;
}

/** Parses a plan's plain text; never invents a month, an item or a number that the text does not state. */
export function parsePlan(text: string): ParsedPlan {
  const reader = new PlanReader();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) reader.read(cleanLine(raw));
  reader.finish();
  return {
    title: titleOf(reader.preamble),
    planDate: reader.planDate,
    statedPeriod: statedPeriod(text),
    sections: reader.sections.map((s) => ({ heading: s.heading, body: s.lines.join('\n'), prose: s.prose.join('\n') })),
    items: reader.items,
    goals: extractGoals(reader.goalLines),
  };
}
