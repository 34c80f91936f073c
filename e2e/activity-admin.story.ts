import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { logIn } from './support/session.js';

const stage = useStage();
const TITLE = '教职工羽毛球赛（故事）';
const PHONE = { width: 375, height: 812 };

/** Chooses an option of an antd Select by its visible text (the list is rendered at the end of the page). */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Today in Asia/Shanghai as YYYY-MM-DD and the clock an hour from now (HH:mm, a multiple of five minutes). */
function shanghaiSoon(): { day: string; time: string } {
  const soon = new Date(Date.now() + 60 * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(soon)
      .map((p) => [p.type, p.value]),
  );
  const minute = String(Math.floor(Number(parts.minute) / 5) * 5).padStart(2, '0');
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${minute}` };
}

describe('story: the chair publishes an activity, takes attendance, shows the check-in screen and exports attendance', () => {
  it('walks the organiser path in Chromium', async () => {
    const chair = stage.server.accounts.find((a) => a.role.startsWith('工会主席·示例第一中学'));
    expect(chair, 'the demo chair is printed at first start').toBeTruthy();
    const context = await stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await logIn(page, chair!.login, chair!.password);

    // 活动管理 in the menu → 发布活动.
    await page.getByRole('menuitem', { name: '活动管理' }).click();
    await page.waitForURL(/\/activities\/admin/);
    await page.getByTestId('activities-create').click();
    await page.waitForURL(/\/activities\/new$/);
    await page.getByTestId('activity-form').waitFor();

    // The form: a sport match later today (so its check-in code is live), 30 seats, a required 尺码 question.
    await choose(page, 'activity-type', '文体');
    await page.getByTestId('activity-title').fill(TITLE);
    await page.getByTestId('activity-description').fill('单打、双打均可报名，自备球拍。');
    const soon = shanghaiSoon();
    await page.getByTestId('activity-start-date').fill(soon.day);
    await page.getByTestId('activity-start-date').press('Enter');
    await page.getByTestId('activity-start-time').fill(soon.time);
    await page.getByTestId('activity-start-time').press('Enter');
    await page.getByTestId('activity-end-date').fill(soon.day);
    await page.getByTestId('activity-end-date').press('Enter');
    await page.getByTestId('activity-end-time').fill('23:55');
    await page.getByTestId('activity-end-time').press('Enter');
    await page.getByTestId('activity-place').fill('学校体育馆');
    await page.getByTestId('activity-capacity-kind').getByText('限定名额').click();
    await page.getByTestId('activity-capacity').fill('30');
    await page.getByTestId('activity-field-add').click();
    const field = page.getByTestId('activity-field').first();
    await field.getByTestId('activity-field-label').fill('尺码');
    const options = field.getByTestId('activity-field-options').locator('input');
    for (const size of ['S', 'M', 'L', 'XL']) {
      await options.fill(size);
      await options.press('Enter');
    }
    // Not a full-page shot: resizing the window to the page's height can switch the layout and remount the form.
    await page.screenshot({ path: path.join(shots, 'activity-admin-1-form.png') });
    await page.getByTestId('activity-save').click();

    // The manage page: the figures and a roster of everyone invited.
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage$/);
    const activityId = /activities\/([0-9a-f-]{36})\/manage/.exec(page.url())![1];
    await expect.poll(() => page.getByTestId('activity-manage-title').innerText()).toBe(TITLE);
    await expect.poll(() => page.getByTestId('figure-confirmed').innerText()).toMatch(/0\s*\/\s*30/);
    const rows = page.getByTestId('roster-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    const ticked = [await rows.nth(0).getAttribute('data-member-name'), await rows.nth(1).getAttribute('data-member-name')];

    // Tick two people present and save: 实到 2.
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    await expect.poll(() => page.getByTestId('roster-save').innerText()).toContain('改动 2 人');
    await page.getByTestId('roster-save').click();
    await expect.poll(() => page.getByTestId('figure-attended').innerText()).toMatch(/实到\s*2\s*人/);
    await page.getByTestId('roster-view').getByText(/已签到/).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('名单勾选');
    await page.screenshot({ path: path.join(shots, 'activity-admin-2-manage.png'), fullPage: true });

    // 导出出勤: the workbook lists the two present people.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('activity-export-attendance').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(shots, 'activity-admin-attendance.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    const text = cells.join('\n');
    expect(text).toContain(TITLE);
    for (const name of ticked) expect(text).toContain(name!);

    // The manage page on a phone: the figures and the roster fit the width.
    const phone = await stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await context.storageState() });
    const phonePage = await phone.newPage();
    await phonePage.goto(`/activities/${activityId}/manage`);
    await expect.poll(() => phonePage.getByTestId('figure-attended').innerText()).toMatch(/实到\s*2\s*人/);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phonePage.screenshot({ path: path.join(shots, 'activity-admin-3-manage-phone.png'), fullPage: true });
    await phone.close();

    // 签到大屏: a QR code image and the count present, without the app's menu.
    await page.goto(`/activities/${activityId}/screen`);
    const qr = page.getByTestId('checkin-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => page.getByTestId('checkin-count').innerText()).toMatch(/已签到\s*2\s*\/\s*已报名\s*0/);
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'activity-admin-4-screen.png') });
    await context.close();
  });
});
