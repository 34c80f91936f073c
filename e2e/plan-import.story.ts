import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { logIn } from './support/session.js';

const stage = useStage();

const seedDir = path.resolve(import.meta.dirname, '../../shared/seeds');
const seedText = (prefix: string) => fs.readFileSync(path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.startsWith(prefix))!), 'utf8');

const WRONG = '教职工评价课';
const CORRECTED = '教职工评价课（语文、数学组）';

function chairOf() {
  const chair = stage.server.accounts.find((a) => a.role.startsWith('工会主席·示例第一中学'));
  expect(chair, 'the demo chair is printed at first start').toBeTruthy();
  return chair!;
}

/** The draft's items as the preview shows them: [month heading, titles…] per month. */
async function draftTitles(page: Page): Promise<string[]> {
  return page.getByTestId('draft-item-title').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
}

describe('story: a chair imports seed 000 by pasting it, corrects an item, saves, sees the month grid and exports Word', () => {
  it('walks the whole path in Chromium', async () => {
    const chair = chairOf();
    const page = await stage.browser.newPage({ baseURL: stage.server.baseUrl, viewport: { width: 1280, height: 900 } });
    await logIn(page, chair.login, chair.password);

    // 工作计划 → 导入计划, paste the whole document.
    await page.getByRole('menuitem', { name: '工作计划' }).click();
    await page.waitForURL(/\/plans$/);
    await page.getByTestId('plans-import').click();
    await page.waitForURL(/\/plans\/import$/);
    await page.getByTestId('plan-import-text').fill(seedText('000'));

    // The document says "（2025-2026年第二学期）": the period follows it, whatever today's date is.
    await expect.poll(() => page.getByTestId('plan-import-stated').innerText()).toContain('2025-2026年第二学期');
    // antd's range picker keeps no test id of its own: the only one on this step is the period.
    const period = page.locator('.ant-picker-range input');
    expect(await period.nth(0).inputValue()).toBe('2026-02-01');
    expect(await period.nth(1).inputValue()).toBe('2026-07-31');
    await page.screenshot({ path: path.join(shots, 'plan-1-paste.png'), fullPage: true });
    await page.getByTestId('plan-import-parse').click();

    // The preview: five sections, the four numeric goals, twelve items from March to June, none outside the term.
    await page.getByTestId('plan-draft').waitFor();
    expect(await page.getByTestId('draft-title').inputValue()).toBe('张店四中工会工作计划');
    expect(await page.getByTestId('draft-section-heading').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      '指导思想',
      '工作目标',
      '主要工作任务',
      '工作安排',
      '保障措施',
    ]);
    expect(await page.getByTestId('draft-goal').count()).toBe(4);
    const titles = await draftTitles(page);
    expect(titles).toHaveLength(12);
    expect(titles).toContain('开展“三八”妇女节系列活动（健康讲座、趣味活动等）');
    expect(titles).toContain(WRONG);
    expect(await page.locator('[data-testid="draft-item"][data-outside]').count()).toBe(0);
    expect(await page.getByTestId('draft-stated-period').innerText()).toContain('2025-2026年第二学期');
    expect(await page.getByTestId('draft-section-schedule').count()).toBe(1);

    // Correct one item: 四月's "教职工评价课" gets the groups it concerns.
    await page.getByTestId('draft-item-title').nth(titles.indexOf(WRONG)).fill(CORRECTED);
    const corrected = await draftTitles(page);
    expect(corrected).toContain(CORRECTED);
    expect(corrected).not.toContain(WRONG);
    await page.screenshot({ path: path.join(shots, 'plan-2-preview.png'), fullPage: true });
    await page.getByTestId('plan-import-save').click();

    // The plan page: title, goals with their live status, the schedule.
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('plan-title').innerText()).toBe('张店四中工会工作计划');
    expect(await page.getByTestId('plan-section').count()).toBe(5);
    // The 工作安排 section shows the schedule as saved (the corrected item), not the pasted month list.
    const inText = await page.getByTestId('plan-section-schedule').innerText();
    expect(inText).toContain(CORRECTED);
    expect(inText).toContain('4月');
    await page.screenshot({ path: path.join(shots, 'plan-3-plan-text.png'), fullPage: true });
    await page.getByRole('tab', { name: '目标（4）' }).click();
    const goals = page.getByTestId('plan-goal');
    await expect.poll(() => goals.count()).toBe(4);
    // No activity or care module exists yet: those goals say so instead of showing a number.
    expect(await page.getByTestId('goal-no-source').count()).toBeGreaterThan(0);
    const planUrl = page.url().replace(/\?.*$/, '');
    await page.screenshot({ path: path.join(shots, 'plan-3-plan-goals.png'), fullPage: true });
    await page.getByRole('tab', { name: '工作安排（12）' }).click();
    await expect.poll(() => page.getByRole('tabpanel').innerText()).toContain(CORRECTED);

    // 行事历, April 2026: the corrected item is on the month strip, and it is overdue (April is past, not done).
    await page.getByRole('menuitem', { name: '行事历' }).click();
    await page.waitForURL(/\/calendar/);
    await page.goto('/calendar?month=2026-04');
    await page.getByTestId('month-grid').waitFor();
    const strip = page.getByTestId('month-strip');
    await expect.poll(() => strip.getByTestId('calendar-chip').count()).toBe(3);
    const chip = strip.locator(`[data-item-title="${CORRECTED}"]`);
    expect(await chip.count()).toBe(1);
    expect(await chip.getAttribute('class')).toContain('uh-cal-chip-overdue');
    // 清明 is on the grid on its real date.
    expect(await page.locator('[data-date="2026-04-05"]').innerText()).toContain('清明');
    await page.screenshot({ path: path.join(shots, 'plan-4-month-grid.png'), fullPage: true });

    // Back to the plan, export Word, open the file: the schedule is in the document's XML.
    await page.goto(planUrl);
    await page.getByTestId('plan-export').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(shots, 'plan-export.docx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('张店四中工会工作计划');
    expect(text).toContain(CORRECTED);
    expect(text).toContain('开展“三八”妇女节系列活动（健康讲座、趣味活动等）');
    expect(text).toContain('学生中考');
    expect(text).not.toMatch(new RegExp(`${WRONG}(?!（)`));
    await page.close();
  });

  it('reads an uploaded Word file the same way, and saves nothing until asked', async () => {
    const chair = chairOf();
    const page = await stage.browser.newPage({ baseURL: stage.server.baseUrl, viewport: { width: 390, height: 844 } });
    await logIn(page, chair.login, chair.password);
    const doc = new Document({ sections: [{ children: seedText('004').split(/\r?\n/).map((line) => new Paragraph(line)) }] });
    const file = path.join(shots, '仪征中学工会工作计划.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));

    await page.goto('/plans/import');
    await page.getByTestId('plan-import-source').getByText('上传文件').click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('plan-import-parse').click();
    await page.getByTestId('plan-draft').waitFor();

    // The file says 2021-2022学年度第二学期: the period and the months follow it.
    expect(await page.getByTestId('draft-stated-period').innerText()).toContain('2021-2022学年度第二学期');
    expect(await page.getByTestId('draft-title').inputValue()).toBe('江苏省仪征中学2021-2022学年度第二学期工会工作计划');
    expect((await draftTitles(page)).length).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="draft-item"][data-outside]').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'plan-5-docx-phone.png'), fullPage: true });

    // Leaving the preview saves nothing.
    await page.goto('/plans');
    await page.getByTestId('plans-import').waitFor();
    expect(await page.getByTestId('plan-card').allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringContaining('仪征中学')]));
    await page.close();
  });
});
