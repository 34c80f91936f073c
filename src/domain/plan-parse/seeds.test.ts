import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, planParseJson } from './index.js';

// The real plans live outside the project (../shared/seeds); the expected outputs were written by hand from
// reading each document, not by running the parser.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const seedDir = path.resolve(repoRoot, '../shared/seeds');
const fixtureDir = path.join(repoRoot, 'test/fixtures/plan-parse');

const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();

/** Title and date line of each seed, as a reader would name them. */
const HEADER: Record<string, { title: string | null; planDate: string | null }> = {
  '000': { title: '张店四中工会工作计划', planDate: '2026-03-01' },
  '001': { title: null, planDate: null },
  '002': { title: '中学工会工作计划篇一', planDate: null },
  '003': { title: '2026年工会年度工作计划(精选13篇)', planDate: null },
  '004': { title: '江苏省仪征中学2021-2022学年度第二学期工会工作计划', planDate: '2022-02-08' },
};

describe('the five seed plans', () => {
  it('are all there, each with an expected output', () => {
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) expect(fs.existsSync(path.join(fixtureDir, seed.replace(/\.txt$/, '.expected.json')))).toBe(true);
  });

  for (const seed of seeds) {
    it(`${seed} parses to its hand-written expected sections, months and goals`, () => {
      const parsed = parsePlan(fs.readFileSync(path.join(seedDir, seed), 'utf8'));
      const expected = JSON.parse(fs.readFileSync(path.join(fixtureDir, seed.replace(/\.txt$/, '.expected.json')), 'utf8'));
      expect(planParseJson(parsed)).toEqual(expected);
      expect({ title: parsed.title, planDate: parsed.planDate }).toEqual(HEADER[seed.slice(0, 3)]);
    });
  }

  it('seed 000 keeps the body of each section with its line breaks, and no schedule item outside 工作安排', () => {
    const parsed = parsePlan(fs.readFileSync(path.join(seedDir, seeds[0]), 'utf8'));
    const schedule = parsed.sections.find((s) => s.heading === '工作安排')!;
    expect(schedule.body.split('\n')).toEqual(expect.arrayContaining(['三月', '1、教职工评价课']));
    expect(parsed.sections[0].body.startsWith('坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
    expect(parsed.sections.at(-1)!.body).not.toContain('2026年3月1日');
    expect(parsed.items.every((i) => i.months.length > 0)).toBe(true);
  });
});
