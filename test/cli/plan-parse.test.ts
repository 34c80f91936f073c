import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-plan-parse-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

/** Runs `unionhome …` as a real process; plan:parse needs no database. */
async function unionhome(...args: string[]): Promise<{ code: number; out: string; stdout: string }> {
  try {
    const r = await run(process.execPath, [path.join(root, 'bin/unionhome.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, UNIONHOME_DATA_DIR: workDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: r.stdout + r.stderr, stdout: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr, stdout: err.stdout };
  }
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

describe('unionhome plan:parse', () => {
  it('prints a seed plan as one line of JSON with --json', async () => {
    const seed = fs.readdirSync(path.resolve(root, '../shared/seeds')).find((f) => f.startsWith('000_'))!;
    const r = await unionhome('plan:parse', `../shared/seeds/${seed}`, '--json');
    expect(r.code, r.out).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.stdout);
    expect(json.sections).toEqual(['指导思想', '工作目标', '主要工作任务', '工作安排', '保障措施']);
    expect(json.months['3']).toEqual([
      '制定工会工作计划，部署上半年工作任务',
      '开展“三八”妇女节系列活动（健康讲座、趣味活动等）',
      '开展教职工需求调研，建立诉求台账',
      '开展师德师风专题学习',
    ]);
    expect(json.goals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'participation_rate', comparator: '>=', target: 0.85 }),
        expect.objectContaining({ metric: 'request_response_rate', comparator: '=', target: 1 }),
        expect.objectContaining({ metric: 'study_sessions', comparator: '>=', target: 4 }),
        expect.objectContaining({ metric: 'care_coverage', comparator: '=', target: 1 }),
      ]),
    );
  }, 60_000);

  it('prints a readable Chinese summary without --json', async () => {
    const seed = fs.readdirSync(path.resolve(root, '../shared/seeds')).find((f) => f.startsWith('000_'))!;
    const r = await unionhome('plan:parse', `../shared/seeds/${seed}`);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('标题：张店四中工会工作计划');
    expect(r.out).toContain('落款日期：2026-03-01');
    expect(r.out).toContain('6月：学生中考；工作总结');
    expect(r.out).toContain('文体活动参与率 ≥ 85%');
  }, 60_000);

  it('reads a Word .docx plan, its schedule table included', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('示例中学工会工作计划'),
            new Paragraph('一、工作目标'),
            new Paragraph('教职工文体活动参与率不低于90%。'),
            new Paragraph('二、工作安排'),
            new Table({
              rows: [
                new TableRow({ children: [cell('月份'), cell('主要工作')] }),
                new TableRow({ children: [cell('三月'), cell('植树活动')] }),
                new TableRow({ children: [cell('七、八月份'), cell('暑期疗休养')] }),
              ],
            }),
            new Paragraph('2026年3月1日'),
          ],
        },
      ],
    });
    const file = path.join(workDir, '计划.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const r = await unionhome('plan:parse', file, '--json');
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      sections: ['工作目标', '工作安排'],
      months: { 3: ['植树活动'], 7: ['暑期疗休养'], 8: ['暑期疗休养'] },
      goals: [{ text: '教职工文体活动参与率不低于90%', metric: 'participation_rate', comparator: '>=', target: 0.9 }],
    });
  }, 60_000);

  it('reads a .txt saved in GB18030 and refuses other formats in Chinese', async () => {
    const gbk = path.join(workDir, 'gbk.txt');
    fs.writeFileSync(gbk, Buffer.from('c8fdd4c20a312ed6b2caf7bbeeb6af0a', 'hex')); // "三月\n1.植树活动\n"
    const r = await unionhome('plan:parse', gbk, '--json');
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.stdout).months).toEqual({ 3: ['植树活动'] });

    const pdf = path.join(workDir, 'plan.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4');
    const refused = await unionhome('plan:parse', pdf);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('请上传 .docx 或 .txt 文件');

    const renamed = path.join(workDir, 'renamed.docx');
    fs.writeFileSync(renamed, '三月\n1.植树活动');
    const broken = await unionhome('plan:parse', renamed);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('不是有效的 .docx 文档');
  }, 60_000);
});
