import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { toShanghaiIso } from '../src/domain/activities/shanghai-time.js';
import { shots, useStage } from './support/stage.js';
import { logIn } from './support/session.js';
import { runningAnimations } from './support/browser.js';

const PHONE = { width: 375, height: 812 };
const TITLE = '教职工羽毛球友谊赛';
const stage = useStage();
/** Long enough for a request and a re-render on a busy machine. */
const WAIT = { timeout: 15_000 };

/** A phone-sized browser profile of its own (no cookies), which may download files. */
function phoneContext(): Promise<BrowserContext> {
  return stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, acceptDownloads: true });
}

/** The demo chair of 示例第一中学 and its two plain members, as printed at first start. */
function people() {
  const chair = stage.server.accounts.find((a) => a.role.startsWith('工会主席·示例第一中学'));
  const members = stage.server.accounts.filter((a) => a.role === '会员·示例第一中学');
  expect(chair, 'the demo chair is printed at first start').toBeTruthy();
  expect(members.length, 'two plain members are printed at first start').toBeGreaterThanOrEqual(2);
  return { chair: chair!, a: members[0], b: members[1] };
}

/** The page is no wider than the phone: nothing sticks out sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
}

/** A screenshot of the whole page once it has stopped moving (messages fading, dialogs opening). */
async function shoot(page: Page, name: string) {
  await expect.poll(() => runningAnimations(page), WAIT).toBe(0);
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

/** My standing as the detail page shows it (已报名, 候补第 1 位 …), or '' when I have none. */
async function myStatus(page: Page): Promise<string> {
  const tags = page.getByTestId('activity-my-panel').getByTestId('activity-my-status');
  return (await tags.count()) ? (await tags.innerText()).trim() : '';
}

/** Opens the menu drawer, picks 活动 and opens the activity's card. */
async function openActivityFromMenu(page: Page, title: string) {
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.locator('.ant-drawer').getByRole('menuitem', { name: '活动', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/activities');
  await page.locator(`[data-testid="activity-card"][data-activity-title="${title}"]`).click();
  await page.getByTestId('activity-detail-title').waitFor();
}

describe('story: one seat, two members — the second waits, the first cancels, the second is promoted; the organiser prints the sign-in sheet', () => {
  it('walks the whole path on phones (375 px)', async () => {
    const { chair, a, b } = people();

    // The chair publishes the activity from a phone: a sport match next week with a single seat.
    const chairContext = await phoneContext();
    const organiser = await chairContext.newPage();
    await logIn(organiser, chair.login, chair.password);
    await organiser.goto('/activities/new');
    await organiser.getByTestId('activity-form').waitFor();
    await organiser.getByTestId('activity-type').click();
    await organiser.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '文体' }).first().click();
    await organiser.getByTestId('activity-title').fill(TITLE);
    await organiser.getByTestId('activity-place').fill('学校体育馆');
    await organiser.getByTestId('activity-capacity-kind').getByText('限定名额').click();
    await organiser.getByTestId('activity-capacity').fill('1');
    await organiser.getByTestId('activity-save').click();
    await organiser.waitForURL(/\/activities\/[0-9a-f-]{36}\/manage$/);
    const activityId = /activities\/([0-9a-f-]{36})\/manage/.exec(organiser.url())![1];

    // Member A finds it under 活动 on their phone and signs up: confirmed, and the single seat is taken.
    const aContext = await phoneContext();
    const pageA = await aContext.newPage();
    await logIn(pageA, a.login, a.password);
    await openActivityFromMenu(pageA, TITLE);
    expect(await pageA.getByTestId('activity-phase').innerText()).toBe('报名中');
    expect(await pageA.getByTestId('activity-facts').innerText()).toContain('已报 0 / 1');
    await pageA.getByTestId('activity-signup').click();
    await expect.poll(() => myStatus(pageA), WAIT).toBe('已报名');
    await expect.poll(() => pageA.getByTestId('activity-facts').innerText(), WAIT).toContain('已报 1 / 1');
    expect(await pageA.getByTestId('activity-cancel-signup').isEnabled()).toBe(true);
    await expectNoSidewaysScroll(pageA);
    await shoot(pageA, 'signup-1-a-confirmed.png');

    // Member B sees it full in the list, signs up anyway and lands first on the wait-list.
    const bContext = await phoneContext();
    const pageB = await bContext.newPage();
    await logIn(pageB, b.login, b.password);
    await pageB.goto('/activities');
    const cardB = pageB.locator(`[data-testid="activity-card"][data-activity-title="${TITLE}"]`);
    await expect.poll(() => cardB.innerText(), WAIT).toContain('已满可候补');
    expect(await cardB.innerText()).toContain('已报 1 / 1');
    await expectNoSidewaysScroll(pageB);
    await shoot(pageB, 'signup-2-b-list-full.png');
    await cardB.click();
    await pageB.getByTestId('activity-detail-title').waitFor();
    expect(await pageB.getByTestId('activity-signup').innerText()).toContain('报名候补');
    await pageB.getByTestId('activity-signup').click();
    await expect.poll(() => myStatus(pageB), WAIT).toBe('候补第 1 位');
    expect(await pageB.getByTestId('activity-my-panel').innerText()).toContain('您在候补名单第 1 位');
    await shoot(pageB, 'signup-3-b-waitlisted.png');
    // 我的活动 lists it with the same standing.
    await pageB.goto('/activities/mine');
    await expect.poll(() => pageB.locator(`[data-testid="activity-card"][data-activity-title="${TITLE}"]`).getByTestId('activity-my-status').innerText(), WAIT).toBe('候补第 1 位');

    // A cancels, after confirming: the seat goes to B, so A now sees the activity full.
    await pageA.getByTestId('activity-cancel-signup').click();
    const confirm = pageA.getByRole('dialog').filter({ hasText: '确定取消报名吗' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('名额会让给候补的同事');
    await confirm.getByRole('button', { name: '取消报名' }).click();
    await expect.poll(() => myStatus(pageA), WAIT).toBe('已取消报名');
    await expect.poll(() => pageA.getByTestId('activity-phase').innerText(), WAIT).toBe('已满可候补');
    expect(await pageA.getByTestId('activity-signup').innerText()).toContain('报名候补');
    await shoot(pageA, 'signup-4-a-cancelled.png');

    // B opens the activity again: promoted to 已报名, and the bell has the news.
    await pageB.goto(`/activities/${activityId}`);
    await expect.poll(() => myStatus(pageB), WAIT).toBe('已报名');
    const bell = pageB.getByRole('button', { name: /^通知/ });
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toMatch(/（\d+ 条未读）/);
    await bell.click();
    await expect.poll(() => pageB.locator('.uh-note-panel').innerText(), WAIT).toContain(`您已从候补转为正式报名：${TITLE}`);
    await expectNoSidewaysScroll(pageB);
    await shoot(pageB, 'signup-5-b-promoted.png');

    // The organiser goes from the activity's page to 管理 and prints the sign-in sheet: B is on it, A is not.
    await organiser.goto(`/activities/${activityId}`);
    await organiser.getByTestId('activity-manage').click();
    await organiser.waitForURL(/\/manage$/);
    await organiser.getByTestId('activity-more').click();
    const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('menuitem', { name: '打印签到表' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(shots, 'signup-signin-sheet.docx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(TITLE);
    expect(text).toContain('签名');
    expect(text).toContain(b.name);
    expect(text).not.toContain(a.name);

    await Promise.all([chairContext.close(), aContext.close(), bContext.close()]);
  });

  it('checks in by scanning the code: a logged-out phone logs in and comes back to the check-in; a stale code asks to scan again', async () => {
    const { chair, b } = people();

    // The chair publishes, through the API, an activity starting in half an hour (its check-in is open).
    const organiser = await phoneContext();
    const chairPage = await organiser.newPage();
    await logIn(chairPage, chair.login, chair.password);
    const origin = { origin: stage.server.baseUrl };
    const types = (await (await chairPage.request.get('/api/v1/activity-types')).json()) as { items: { id: string; kind: string }[] };
    const at = (minutes: number) => toShanghaiIso(new Date(Date.now() + minutes * 60_000));
    const created = await chairPage.request.post('/api/v1/activities', {
      headers: origin,
      data: { typeId: types.items.find((t) => t.kind === 'study')!.id, title: '师德师风专题学习', startsAt: at(30), endsAt: at(90), place: '学校会议室', audience: { kind: 'all' } },
    });
    expect(created.status()).toBe(201);
    const activityId = ((await created.json()) as { ids: string[] }).ids[0];
    const codeAnswer = await chairPage.request.get(`/api/v1/activities/${activityId}/checkin-code`);
    expect(codeAnswer.status()).toBe(200);
    const { url } = (await codeAnswer.json()) as { url: string };
    const scanned = new URL(url);

    // B's phone camera opens the link while logged out: the log-in page, then straight back to the check-in.
    const phone = await phoneContext();
    const page = await phone.newPage();
    await page.goto(scanned.pathname + scanned.search);
    await page.waitForURL(/\/login/);
    await page.getByLabel('手机号或工号').fill(b.login);
    await page.getByLabel('密码', { exact: true }).fill(b.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('checkin-success').waitFor();
    expect(await page.getByTestId('checkin-success').innerText()).toBe('签到成功');
    expect(await page.getByTestId('checkin-activity').innerText()).toBe('师德师风专题学习');
    // The code is dropped from the address once used, so a reload shows the check-in rather than a stale code.
    expect(new URL(page.url()).searchParams.get('code')).toBeNull();
    await expectNoSidewaysScroll(page);
    await shoot(page, 'signup-6-checked-in.png');
    await page.reload();
    await page.getByTestId('checkin-success').waitFor();
    expect(await page.getByTestId('checkin-success').innerText()).toBe('您已签到');
    await page.goto(`/activities/${activityId}`);
    await page.getByTestId('activity-my-panel').waitFor();
    await expect.poll(() => myStatus(page), WAIT).toMatch(/^已签到 \d{2}:\d{2}$/);

    // The chair, not checked in, scans a photo of an old code: refused, with the way to do it right.
    await chairPage.goto(`/checkin?activity=${activityId}&code=AAAAAAAA`);
    const refusal = chairPage.getByTestId('checkin-error');
    await refusal.waitFor();
    expect(await chairPage.locator('.ant-result-title').innerText()).toBe('签到码已过期');
    expect(await refusal.innerText()).toContain('重新扫描');
    await shoot(chairPage, 'signup-7-stale-code.png');

    // A, whose password the chair has just reset, scans: log in with the temporary password, set a new one, and
    // land on the check-in all the same.
    const { a } = people();
    const aPhone = await phoneContext();
    const aPage = await aPhone.newPage();
    await logIn(aPage, a.login, a.password);
    const aUserId = ((await (await aPage.request.get('/api/v1/me')).json()) as { user: { id: string } }).user.id;
    await aPhone.clearCookies();
    const reset = await chairPage.request.post(`/api/v1/users/${aUserId}/reset-password`, { headers: origin });
    expect(reset.status()).toBe(200);
    const { temporaryPassword } = (await reset.json()) as { temporaryPassword: string };
    const fresh = new URL(((await (await chairPage.request.get(`/api/v1/activities/${activityId}/checkin-code`)).json()) as { url: string }).url);
    await aPage.goto(fresh.pathname + fresh.search);
    await aPage.waitForURL(/\/login/);
    await aPage.getByLabel('手机号或工号').fill(a.login);
    await aPage.getByLabel('密码', { exact: true }).fill(temporaryPassword);
    await aPage.getByRole('button', { name: /登\s*录/ }).click();
    await aPage.waitForURL(/\/profile/);
    await aPage.getByLabel('原密码').fill(temporaryPassword);
    await aPage.getByLabel('新密码', { exact: true }).fill('Qiandao2026');
    await aPage.getByLabel('确认新密码').fill('Qiandao2026');
    await aPage.getByRole('button', { name: /修改密码/ }).click();
    await aPage.getByTestId('checkin-success').waitFor();
    expect(await aPage.getByTestId('checkin-success').innerText()).toBe('签到成功');

    await Promise.all([organiser.close(), phone.close(), aPhone.close()]);
  });
});
