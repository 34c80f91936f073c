/**
 * Line kinds of a plan text other than items: section headings ("一、指导思想", "二：工作目标：", "第二部分…",
 * "附：工作安排", a bare "行事历"), sub-headings ("（一）…"), the title of a plan inside a compilation, the
 * document's date line and a flattened table's header. All functions take the original line (full-width or
 * ASCII punctuation alike) and return text sliced from it.
 */
import { listMarkerAt } from './numbering.js';
import { chineseNumber, normalizeWidth, stripTrailingPunctuation } from './text.js';

/** A section heading: its text without numbering, and text that followed it on the same line. */
export interface SectionHeading {
  heading: string;
  body: string;
}

const MAX_HEADING = 60;

/**
 * A top-level numbered heading "一、…" / "一．…" / "二：…". The caller has already ruled out month headings
 * ("七、八月份"). A long line "一、指导思想：以…为指导，…" is split at its colon into heading and body.
 */
export function numberedHeading(s: string): SectionHeading | null {
  const m = /^[一二三四五六七八九十]{1,3}\s*[、.:]\s*/.exec(normalizeWidth(s));
  if (!m) return null;
  return headingText(s.slice(m[0].length));
}

/** "第二部分 20__年工作思路" → "20__年工作思路" (or "第二部分" itself when nothing follows). */
export function partHeading(s: string): SectionHeading | null {
  const m = /^第[一二三四五六七八九十\d]+部分\s*[、.:]?\s*/.exec(normalizeWidth(s));
  if (!m) return null;
  const rest = s.slice(m[0].length);
  if (!rest) return { heading: s.trim(), body: '' };
  return headingText(rest);
}

/** "附：工作安排" / "附件1：活动安排表" → "工作安排". */
export function appendixHeading(s: string): SectionHeading | null {
  const m = /^附(?:件\s*\d*)?\s*:\s*(.+)$/.exec(normalizeWidth(s));
  if (!m || m[1].length > 20) return null;
  return { heading: stripTrailingPunctuation(s.slice(s.length - m[1].length)), body: '' };
}

function headingText(rest: string): SectionHeading | null {
  const text = stripTrailingPunctuation(rest);
  if (!text) return null;
  const norm = normalizeWidth(text);
  const colon = norm.indexOf(':');
  if (colon > 0 && colon <= 15) {
    return { heading: stripTrailingPunctuation(text.slice(0, colon)), body: rest.slice(colon + 1).trim() };
  }
  return text.length <= MAX_HEADING && !/[。;!?]/.test(norm) ? { heading: text, body: '' } : null;
}

// A heading written without a number, alone on its line: 指导思想, 工作重点, 保障措施, 行事历, 主要工作安排,
// 工作目标与措施 … (not "主要工作", which also heads a schedule table's column).
const BARE_HEADING =
  /^(?:主要|具体|重点|总体|保障|本学期|本年度)?(?:工作|活动)?(?:指导思想|思路|目标|重点|任务|内容|措施|安排|要求|行事历|日程|方向)(?:[与和及](?:工作)?(?:措施|任务|目标|思路|重点))?$/;

/** A bare heading line ("指导思想", "工作重点：", "行事历"), or null. */
export function bareHeading(s: string): string | null {
  const compact = s.replace(/[\s\u3000]+/g, '').replace(/[:：]$/, '');
  if (compact.length < 3 || compact.length > 10) return null;
  return BARE_HEADING.test(compact) ? compact : null;
}

/** A sub-heading "（一）…" / "(一)、…" / "( 五 ) 、…": its text, or null. */
export function subHeading(s: string): string | null {
  const m = /^\(\s*[一二三四五六七八九十]{1,3}\s*\)\s*[、.]?\s*/.exec(normalizeWidth(s));
  return m ? stripTrailingPunctuation(s.slice(m[0].length)) : null;
}

const TITLE_END = /(?:计划|要点)\s*(?:篇\s*[0-9一二三四五六七八九十]+)?\s*(?:\([^()]*\))?$/;
const ACTION_START = /^(?:制定|拟定|讨论|审议|修订|落实|完成|上报|报送|召开|通过|学习|执行|做好|按照|根据|配合|协助|组织)/;

/**
 * The title of a plan ("2025年下半年学校工会工作计划", "中学工会工作计划篇二"): in a compilation it starts the
 * next plan. "制定工会工作计划" is an item, not a title.
 */
export function isPlanTitle(s: string): boolean {
  const t = normalizeWidth(s).trim();
  if (listMarkerAt(t)) return false;
  return t.length <= 40 && TITLE_END.test(t) && !ACTION_START.test(t) && !/[。;,]/.test(t);
}

/** A line that could be a document's title: short, not a sentence, not only a bracketed period. */
export function isTitleLike(s: string): boolean {
  const t = normalizeWidth(s).trim();
  if (t.length < 2 || t.length > 40) return false;
  if (/[。;,:]$/.test(t) || /[。]/.test(t)) return false;
  return !/^\(.*\)$/.test(t);
}

/** Words that make a short preamble line a title on their own (otherwise the next line may complete it). */
export const TITLE_WORDS = /计划|要点|安排|方案|思路|设想|打算/;

const CN_DATE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A line that is only a date: the plan's own date ("2026年3月1日", "2022年2月8日", "二〇二六年三月一日",
 * "2026-03-01") or a date with blanks ("20__年2月"). `date` is YYYY-MM-DD when the day is known, else null.
 */
export function dateLine(s: string): { date: string | null } | null {
  const t = normalizeWidth(s).replace(/\s+/g, '');
  const cn = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?$/.exec(t);
  if (cn) {
    const year = Number([...cn[1]].map((c) => CN_DATE_DIGITS[c]).join(''));
    const month = chineseNumber(cn[2]);
    const day = cn[3] ? chineseNumber(cn[3]) : null;
    return { date: month && day ? isoDate(year, month, day) : null };
  }
  const ymd = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|[-./](\d{1,2})[-./](\d{1,2}))$/.exec(t);
  if (ymd) return { date: isoDate(Number(ymd[1]), Number(ymd[2] ?? ymd[4]), Number(ymd[3] ?? ymd[5])) };
  if (/^(?:\d{4}|\d{0,2}_+)年(?:\d{1,2}|_+)月(?:(?:\d{1,2}|_+)日)?$/.test(t)) return { date: null };
  return null;
}

const WORK_COLUMN = /^(?:主要工作|工作内容|活动内容|内容|工作安排|主要活动|具体工作|工作事项|事项|工作项目|活动项目)$/;
const MONTH_COLUMN = /^(?:月份|月|时间|日期|时间安排)$/;

/** The header of a flattened schedule table. */
export interface TableHeader {
  /** '|' or '\t' when the columns share the line; null when each cell is on its own line. */
  separator: '|' | '\t' | null;
  monthColumn: number;
  workColumn: number;
}

/** "月份 | 主要工作", "月份\t主要工作" or a lone "月 份" cell line; null for other lines. */
export function tableHeader(line: string): TableHeader | null {
  const s = normalizeWidth(line);
  for (const separator of ['|', '\t'] as const) {
    if (!s.includes(separator)) continue;
    const cells = s.split(separator).map((c) => c.replace(/\s+/g, ''));
    const monthColumn = cells.findIndex((c) => MONTH_COLUMN.test(c));
    const workColumn = cells.findIndex((c) => WORK_COLUMN.test(c));
    if (monthColumn >= 0 && workColumn >= 0) return { separator, monthColumn, workColumn };
  }
  const compact = s.replace(/\s+/g, '');
  if (MONTH_COLUMN.test(compact) && compact !== '月') return { separator: null, monthColumn: 0, workColumn: 1 };
  return null;
}

/** A header cell that follows "月份" on its own line ("主要工作", "负责人", "备注"). */
export function isHeaderCell(s: string): boolean {
  const compact = normalizeWidth(s).replace(/\s+/g, '');
  return WORK_COLUMN.test(compact) || /^(?:负责人|责任人|负责部门|参加人员|参与对象|备注|完成时间)$/.test(compact);
}
