/**
 * Goals in a plan's sentences: a number bound to a metric of the catalogue by a comparator ("参与率不低于85%",
 * "需求响应率达100%", "专题学习不少于4次", "慰问全覆盖"). A number without a metric keyword, a figure about the
 * past ("同比增长4.3%", "已占58%以上") and a blank target ("达到____%") are not goals. Works on the
 * width-normalised text; the goal's text is sliced from the original.
 */
import { GOAL_METRICS, GOAL_METRIC_IDS, type Comparator, type GoalMetric } from '../goal-metrics.js';
import { listMarkerAt } from './numbering.js';
import { chineseNumber, normalizeWidth, stripTrailingPunctuation } from './text.js';

/** A goal as the parser reads it. */
export interface ParsedGoal {
  text: string;
  metric: GoalMetric | null;
  comparator: Comparator;
  target: number;
}

// Bounded repetitions keep matching linear on long runs of digits or numerals.
const NUMBER = '(\\d{1,7}(?:\\.\\d{1,4})?|百分之[零一二两三四五六七八九十百]{1,6}|[一二两三四五六七八九十]{1,4})';
const UNIT = '(%|人次|次|场|期|回|项|个)';
const WITH_WORD = new RegExp(
  `(不低于|不少于|不下于|至少|不超过|不高于|不多于|达到|达|超过|高于|大于|≥|>=|≤|<=)\\s*${NUMBER}\\s*${UNIT}?\\s*(以上|以下|以内)?`,
  'g',
);
const SUFFIX_ONLY = new RegExp(`${NUMBER}\\s*${UNIT}\\s*(以上|以下|以内)`, 'g');
// Words that make a figure a statement about the past or a change rather than a target.
const BACKGROUND = /同比|环比|比上年|较上年|较去年|比去年|去年|上年|增长|下降|压缩|减少了|增加了|提高了|降低了|提升了|达到了|实现了|已/;

interface Target {
  at: number;
  comparator: Comparator;
  value: number;
  unit: 'rate' | 'count';
  /** Written in 人次 (people served), so it binds only to a metric that counts people. */
  isHeadcount: boolean;
}

function readNumber(raw: string): { value: number; isPercent: boolean } | null {
  if (raw.startsWith('百分之')) {
    const n = chineseNumber(raw.slice(3));
    return n === null ? null : { value: n, isPercent: true };
  }
  const value = /^\d/.test(raw) ? Number(raw) : chineseNumber(raw);
  return value === null || Number.isNaN(value) ? null : { value, isPercent: false };
}

function comparatorOf(word: string | undefined, suffix: string | undefined, isFullRate: boolean): Comparator {
  if (suffix === '以上') return '>=';
  if (suffix === '以下' || suffix === '以内') return '<=';
  switch (word) {
    case '不超过':
    case '不高于':
    case '不多于':
    case '≤':
    case '<=':
      return '<=';
    case '超过':
    case '高于':
    case '大于':
      return '>';
    case '达':
    case '达到':
      return isFullRate ? '=' : '>=';
    default:
      return '>=';
  }
}

function toTarget(at: number, word: string | undefined, rawNumber: string, unit: string | undefined, suffix: string | undefined): Target | null {
  const n = readNumber(rawNumber);
  if (!n) return null;
  const isRate = n.isPercent || unit === '%';
  if (!isRate && !unit) return null; // "不少于4" says neither a rate nor a count
  if (isRate && !/^\d/.test(rawNumber) && !n.isPercent) return null;
  const value = isRate ? Number((n.value / 100).toFixed(6)) : n.value;
  return { at, comparator: comparatorOf(word, suffix, isRate && n.value === 100), value, unit: isRate ? 'rate' : 'count', isHeadcount: unit === '人次' };
}

function targetsIn(clause: string): Target[] {
  const found: Target[] = [];
  // Where each number read with its comparator word starts, so "达到80%以上" is not read again as "80%以上".
  const numbersRead = new Set<number>();
  for (const m of clause.matchAll(WITH_WORD)) {
    numbersRead.add(m.index + m[0].indexOf(m[2], m[1].length));
    const t = toTarget(m.index, m[1], m[2], m[3], m[4]);
    if (t) found.push(t);
  }
  for (const m of clause.matchAll(SUFFIX_ONLY)) {
    if (numbersRead.has(m.index)) continue;
    const t = toTarget(m.index, undefined, m[1], m[2], m[3]);
    if (t) found.push(t);
  }
  const coverage = clause.indexOf('全覆盖');
  if (coverage >= 0) found.push({ at: coverage, comparator: '=', value: 1, unit: 'rate', isHeadcount: false });
  return found;
}

interface KeywordHit {
  metric: GoalMetric;
  unit: 'rate' | 'count';
  isHeadcount: boolean;
  start: number;
  length: number;
}

/** Every metric keyword in a clause, by position. */
function keywordHits(clause: string): KeywordHit[] {
  const hits: KeywordHit[] = [];
  for (const metric of GOAL_METRIC_IDS) {
    const m: { unit: 'rate' | 'count'; keywords: readonly string[]; isHeadcount?: boolean } = GOAL_METRICS[metric];
    for (const keyword of m.keywords) {
      for (let start = clause.indexOf(keyword); start >= 0; start = clause.indexOf(keyword, start + 1)) {
        hits.push({ metric, unit: m.unit, isHeadcount: m.isHeadcount === true, start, length: keyword.length });
      }
    }
  }
  // A keyword inside a longer one is the longer one's ("及时慰问率" is not "慰问率").
  const covered = (h: KeywordHit) => hits.some((g) => g.length > h.length && g.start <= h.start && g.start + g.length >= h.start + h.length);
  return hits.filter((h) => !covered(h)).sort((a, b) => a.start - b.start || a.length - b.length);
}

/**
 * For each target (in order), the metric whose keyword starts nearest before it and measures in its unit; a
 * target in 人次 takes the nearest metric that counts people (帮扶人次), a count in 次 any count metric.
 */
function bindMetrics(clause: string, targets: Target[]): (GoalMetric | null)[] {
  const hits = keywordHits(clause);
  const nearest: Record<'rate' | 'count' | 'headcount', GoalMetric | null> = { rate: null, count: null, headcount: null };
  let h = 0;
  return targets.map((t) => {
    for (; h < hits.length && hits[h].start < t.at; h++) {
      nearest[hits[h].unit] = hits[h].metric;
      if (hits[h].isHeadcount) nearest.headcount = hits[h].metric;
    }
    return t.isHeadcount ? nearest.headcount : nearest[t.unit];
  });
}

/** Clauses of a line (split at ，。；！？) as [start, end) ranges of the normalised line. */
function clauses(norm: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= norm.length; i++) {
    if (i === norm.length || /[,。;!?]/.test(norm[i])) {
      if (i > start) ranges.push([start, i]);
      start = i + 1;
    }
  }
  return ranges;
}

/** The goals stated in one line of a plan, in order. */
export function goalsInLine(line: string): ParsedGoal[] {
  const norm = normalizeWidth(line);
  const goals: ParsedGoal[] = [];
  for (const [start, end] of clauses(norm)) {
    const clause = norm.slice(start, end);
    if (BACKGROUND.test(clause)) continue;
    const targets = targetsIn(clause).sort((a, b) => a.at - b.at);
    if (!targets.length) continue;
    const text = clauseText(line.slice(start, end));
    bindMetrics(clause, targets).forEach((metric, k) => {
      if (metric) goals.push({ text, metric, comparator: targets[k].comparator, target: targets[k].value });
    });
  }
  return goals;
}

function clauseText(original: string): string {
  const trimmed = original.trim();
  const marker = listMarkerAt(normalizeWidth(trimmed));
  return stripTrailingPunctuation(marker ? trimmed.slice(marker.textStart) : trimmed);
}

/** The goals of a whole plan, each stated once, in document order. */
export function extractGoals(lines: string[]): ParsedGoal[] {
  const seen = new Set<string>();
  const goals: ParsedGoal[] = [];
  for (const line of lines) {
    for (const g of goalsInLine(line)) {
      // A target restated later in the plan is the same goal.
      const key = `${g.metric} ${g.comparator} ${g.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      goals.push(g);
    }
  }
  return goals;
}
