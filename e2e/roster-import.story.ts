import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { rosterXlsx, spoil, storyRows } from './support/roster-file.js';

const stage = useStage();

async function uploadAndCheck(page: Page, file: string) {
  await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles(file);
  await page.getByTestId('import-mapping-table').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-check').click();
  await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
}

describe('story: a chair imports the roster, fixes the file, finds and edits a member, and sees the audit event', () => {
  it('walks the whole path in Chromium', async () => {
    const chair = stage.server.accounts.find((a) => a.role.startsWith('工会主席·示例第一中学'));
    expect(chair, 'the demo chair is printed at first start').toBeTruthy();
    const dir = fs.mkdtempSync(path.join(shots, 'files-'));
    const rows = storyRows();
    const badFile = path.join(dir, '教职工名单.xlsx');
    fs.writeFileSync(badFile, await rosterXlsx(spoil(rows)));

    const page = await stage.browser.newPage({ baseURL: stage.server.baseUrl, viewport: { width: 1280, height: 900 } });

    // Log in with 工号 and password.
    await page.goto('/login');
    await page.getByLabel('手机号或工号').fill(chair!.login);
    await page.getByLabel('密码').fill(chair!.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    // Import the file with three bad rows: every problem is listed and nothing is written.
    await page.goto('/imports/new');
    await uploadAndCheck(page, badFile);
    await page.getByTestId('import-has-problems').waitFor();
    const problems = page.getByTestId('import-problem-row');
    await expect.poll(() => problems.count()).toBe(3);
    const problemText = await page.getByTestId('import-problems').innerText();
    expect(problemText).toContain('手机号');
    expect(problemText).toContain('校验位');
    expect(problemText).toContain('1985-13-45');
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, '1-import-problems.png'), fullPage: true });

    // Fix the file and import it: all thirty rows land.
    const goodFile = path.join(dir, '教职工名单-已改.xlsx');
    fs.writeFileSync(goodFile, await rosterXlsx(rows));
    await page.getByTestId('import-restart').first().click();
    await uploadAndCheck(page, goodFile);
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').innerText(), { timeout: 60_000 }).toContain('新增 30 人');
    await page.screenshot({ path: path.join(shots, '2-import-done.png'), fullPage: true });

    // Find the member by pinyin initials.
    await page.goto('/members');
    const search = page.getByTestId('roster-search').locator('input').first();
    await search.fill('zgyf');
    await search.press('Enter');
    const row = page.locator('[data-testid="roster-row"][data-member-name="诸葛云帆"]');
    await row.waitFor();
    await expect.poll(() => page.getByTestId('roster-row').count()).toBe(1);
    await row.getByTestId('roster-member-link').click();
    await page.getByTestId('member-name').waitFor();
    expect(await page.getByTestId('member-name').innerText()).toBe('诸葛云帆');

    // Edit: a new phone number.
    await page.getByTestId('member-edit').click();
    const form = page.getByTestId('member-edit-form');
    const phone = form.getByTestId('member-form-phone').locator('input').or(form.locator('input[data-testid="member-form-phone"]')).first();
    await phone.fill('18600009999');
    await page.getByTestId('member-edit-save').click();
    await expect.poll(() => page.getByTestId('member-info').innerText()).toContain('18600009999');

    // The audit trail shows the change, with the phone masked.
    await page.getByTestId('member-audit-link').click();
    await page.waitForURL(/\/audit/);
    const audit = page.getByTestId('audit-table');
    await expect.poll(() => audit.innerText(), { timeout: 30_000 }).toContain('修改会员档案');
    const text = await audit.innerText();
    expect(text).toContain('诸葛云帆');
    expect(text).toContain('186****9999');
    await page.screenshot({ path: path.join(shots, '3-audit.png'), fullPage: true });
    await page.close();
  });
});
