import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { logIn } from './support/session.js';
import { runningAnimations } from './support/browser.js';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const stage = useStage();
/** Long enough for a request and a re-render on a busy machine. */
const WAIT = { timeout: 15_000 };
/** The campaign page refetches every 15 s while distributing: long enough for one refetch and then some. */
const LIVE = { timeout: 40_000 };
/** A member of 语文组 (roster index 40 of 示例第一中学, 工号 Z1041) with no care event in the demo. */
const PATIENT_STAFF_NO = 'Z1041';
const OVERRIDE_REASON = '住院治疗费用较高、家庭困难，经工会委员会研究同意';

/** A browser profile of its own (no cookies): a phone for members and group leaders, a desk for the chair. */
function newContext(viewport: typeof PHONE): Promise<BrowserContext> {
  const isPhone = viewport.width === PHONE.width;
  return stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport, deviceScaleFactor: isPhone ? 2 : 1, isMobile: isPhone, hasTouch: isPhone });
}

/** The demo accounts of 示例第一中学 the story needs, as printed at first start. */
function people() {
  const find = (role: string) => {
    const found = stage.server.accounts.find((a) => a.role === `${role}·示例第一中学`);
    expect(found, `${role} is printed at first start`).toBeTruthy();
    return found!;
  };
  const members = stage.server.accounts.filter((a) => a.role === '会员·示例第一中学');
  expect(members.length, 'two plain members are printed at first start').toBe(2);
  return { leader: find('工会小组长（语文组）'), welfare: find('工会委员（生活福利）'), chair: find('工会主席'), a: members[0], b: members[1] };
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

/** The text of a locator, or '' while it is not on the page. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.count()) ? (await locator.first().innerText()).trim() : '';
}

/** Opens an antd Select and picks the visible option containing `text`. */
async function pick(page: Page, select: Locator, text: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Types into a roster-search Select and picks the match showing `shown`; returns the option's text (the name first). */
async function searchAndPick(page: Page, select: Locator, query: string, shown: string): Promise<string> {
  await select.click();
  await select.locator('input').fill(query);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: shown });
  await expect.poll(() => option.count(), WAIT).toBe(1);
  const text = (await option.innerText()).trim();
  await option.click();
  return text;
}

/** Opens the bell and follows the notification titled `title`. */
async function openNotification(page: Page, title: string) {
  const bell = page.getByRole('button', { name: /^通知/ });
  await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toMatch(/（\d+ 条未读）/);
  await bell.click();
  await page.locator('.uh-note-panel .uh-note-row').filter({ hasText: title }).first().click();
}

/** The 待慰问 count on the home page's care card. */
async function homeDue(page: Page): Promise<number> {
  const figure = page.getByTestId('home-care').getByTestId('home-care-due');
  return (await figure.count()) ? Number(await figure.innerText()) : 0;
}

/** A member's card in the 待慰问 list. */
function eventCard(page: Page, name: string): Locator {
  return page.locator(`[data-testid="care-event-card"][data-member-name="${name}"]`);
}

/** Opens the visit form on an event's page and fills in a hospital visit giving `yuan` in cash with fruit. */
async function fillVisit(page: Page, yuan: string) {
  await page.getByTestId('care-visit-open').click();
  await page.getByTestId('care-visit-form').waitFor();
  await page.getByTestId('care-amount').fill(yuan);
  await page.getByTestId('care-goods').fill('水果、牛奶');
  await page.getByTestId('care-notes').fill('到市人民医院看望，转达了工会的问候');
}

describe('story: a hospital stay is registered, a visit over the cap is refused and approved by the chair; a 中秋 gift reaches everyone', () => {
  it('walks the 五必访 path: group leader and committee member on phones (375 px), the chair at a desk (1280 px)', async () => {
    const { leader, welfare, chair } = people();

    // The 语文组 leader logs in on a phone: the home page has the 待慰问 card (the demo's birth in the group is due).
    const leaderContext = await newContext(PHONE);
    const leaderPage = await leaderContext.newPage();
    await logIn(leaderPage, leader.login, leader.password);
    await leaderPage.getByTestId('home-care').waitFor(WAIT);
    const dueBefore = await homeDue(leaderPage);

    // From the card to 待慰问, then 登记慰问事由: a member of the group found by 工号, 生病住院 today.
    await leaderPage.getByTestId('home-care').getByRole('link', { name: '查看待慰问' }).click();
    await leaderPage.waitForURL((u) => u.pathname === '/care');
    await leaderPage.getByTestId('care-register').click();
    await leaderPage.getByTestId('care-event-form').waitFor();
    const picked = await searchAndPick(leaderPage, leaderPage.getByTestId('care-member'), PATIENT_STAFF_NO, `工号 ${PATIENT_STAFF_NO}`);
    expect(picked, 'the picker shows the member with the group').toContain('语文组');
    const patient = picked.split(/\s/)[0].replace(/语文组.*$/, '');
    expect(patient.length).toBeGreaterThanOrEqual(2);
    await pick(leaderPage, leaderPage.getByTestId('care-type'), '生病住院');
    await expect.poll(() => leaderPage.getByTestId('care-event-form').innerText(), WAIT).toContain('须在事发后 3 天内慰问');
    await leaderPage.getByTestId('care-details').fill('因肺炎在市人民医院住院治疗，预计住院一周');
    await expectNoSidewaysScroll(leaderPage);
    await shoot(leaderPage, 'care-1-leader-registers.png');
    await leaderPage.getByTestId('care-event-save').click();
    await leaderPage.waitForURL(/\/care\/events\/[0-9a-f-]{36}$/);
    const eventPath = new URL(leaderPage.url()).pathname;
    await expect.poll(() => textOf(leaderPage.getByTestId('care-event-title')), WAIT).toBe(`${patient}生病住院`);
    expect(await leaderPage.getByTestId('care-due-tag').innerText()).toBe('还剩 3 天');
    expect(await leaderPage.locator('.uh-care-page').innerText()).toContain('（事发后 3 天内）');

    // It is due in the leader's list and counted on the home card.
    await leaderPage.goto('/care');
    const leaderCard = eventCard(leaderPage, patient);
    await leaderCard.waitFor(WAIT);
    expect(await leaderCard.getAttribute('data-state')).toBe('due');
    expect(await leaderCard.getByTestId('care-due-tag').innerText()).toBe('还剩 3 天');
    expect(await leaderCard.innerText()).toContain('生病住院');
    await expectNoSidewaysScroll(leaderPage);
    await shoot(leaderPage, 'care-2-leader-list-due.png');
    await leaderPage.goto('/');
    await expect.poll(() => homeDue(leaderPage), WAIT).toBe(dueBefore + 1);
    await shoot(leaderPage, 'care-3-leader-home-card.png');

    // The 生活福利 committee member was told, and opens it from the bell on a phone: the suggested visitors are the
    // group leader and themself, and the form tells the 福建 2018 rule.
    const welfareContext = await newContext(PHONE);
    const welfarePage = await welfareContext.newPage();
    await logIn(welfarePage, welfare.login, welfare.password);
    await openNotification(welfarePage, `新的慰问事由：${patient}（生病住院）`);
    await welfarePage.waitForURL((u) => u.pathname === eventPath);
    await expect.poll(() => textOf(welfarePage.getByTestId('care-event-title')), WAIT).toBe(`${patient}生病住院`);
    const suggested = await welfarePage.getByTestId('care-suggested').innerText();
    expect(suggested).toContain(leader.name);
    expect(suggested).toContain(welfare.name);
    await fillVisit(welfarePage, '800');
    expect(await welfarePage.getByTestId('care-rule-hint').innerText()).toContain('单次上限 500.00 元');
    const visitorNames = await welfarePage.getByTestId('care-visitor-name').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(visitorNames).toEqual(expect.arrayContaining([leader.name, welfare.name]));

    // 800 元 for one hospital stay is over the 500 元 cap: refused, naming the rule; no override for a committee member.
    await welfarePage.getByTestId('care-visit-save').click();
    const refusal = welfarePage.getByTestId('care-cap-refusal');
    await refusal.waitFor(WAIT);
    expect(await refusal.getByTestId('care-cap-violation').allInnerTexts()).toEqual(['超过“生病住院”单次上限 500.00 元（本次 800.00 元）']);
    expect(await refusal.getByTestId('care-override').count()).toBe(0);
    expect(await refusal.innerText()).toContain('须由工会主席批准');
    expect(await welfarePage.getByTestId('care-visits').innerText()).toContain('还没有慰问记录');
    expect(await welfarePage.getByTestId('care-due-tag').innerText()).toBe('还剩 3 天');
    await expectNoSidewaysScroll(welfarePage);
    await shoot(welfarePage, 'care-4-welfare-refused.png');

    // The chair, at a desk, records the same visit: refused too, approved with a written reason, then saved.
    const chairContext = await newContext(DESKTOP);
    const chairPage = await chairContext.newPage();
    await logIn(chairPage, chair.login, chair.password);
    await chairPage.goto(eventPath);
    await chairPage.getByTestId('care-event-title').waitFor(WAIT);
    await fillVisit(chairPage, '800');
    await chairPage.getByTestId('care-visit-save').click();
    const override = chairPage.getByTestId('care-override');
    await override.waitFor(WAIT);
    expect(await chairPage.getByTestId('care-cap-violation').allInnerTexts()).toEqual(['超过“生病住院”单次上限 500.00 元（本次 800.00 元）']);
    // Without a reason nothing is sent.
    await chairPage.getByTestId('care-override-save').click();
    await expect.poll(() => override.innerText(), WAIT).toContain('请填写批准理由');
    await chairPage.getByTestId('care-override-reason').fill(OVERRIDE_REASON);
    await shoot(chairPage, 'care-5-chair-override.png');
    await chairPage.getByTestId('care-override-save').click();
    const visit = chairPage.getByTestId('care-visit');
    await visit.waitFor(WAIT);
    expect(await visit.getByTestId('care-visit-override').innerText()).toBe('主席批准超标准');
    const visitText = await visit.innerText();
    expect(visitText).toContain(`${chair.name}：${OVERRIDE_REASON}`);
    expect(visitText).toContain('超过“生病住院”单次上限 500.00 元（本次 800.00 元）');
    expect(visitText).toContain('800.00 元');
    expect(visitText).toContain(`${patient}（送温暖）`);
    await expect.poll(() => chairPage.getByTestId('care-due-tag').innerText(), WAIT).toBe('已慰问');
    expect(await chairPage.getByTestId('care-visits').innerText()).toContain('慰问记录（1 次，共 800.00 元）');
    await shoot(chairPage, 'care-6-chair-approved.png');

    // The committee member's phone shows the approved visit; the event has left the leader's 待慰问 list and count.
    await welfarePage.goto(eventPath);
    await expect.poll(() => textOf(welfarePage.getByTestId('care-visit-override')), WAIT).toBe('主席批准超标准');
    expect(await welfarePage.getByTestId('care-visit').innerText()).toContain(OVERRIDE_REASON);
    await expectNoSidewaysScroll(welfarePage);
    await shoot(welfarePage, 'care-7-welfare-sees-approval.png');
    await leaderPage.goto('/care');
    await leaderPage.getByTestId('care-event-list').or(leaderPage.getByTestId('care-empty')).first().waitFor(WAIT);
    expect(await eventCard(leaderPage, patient).count()).toBe(0);
    await leaderPage.goto('/care?status=visited');
    await expect.poll(() => eventCard(leaderPage, patient).getAttribute('data-state'), WAIT).toBe('visited');
    await leaderPage.goto('/');
    await expect.poll(() => homeDue(leaderPage), WAIT).toBe(dueBefore);

    await Promise.all([leaderContext.close(), welfareContext.close(), chairContext.close()]);
  });

  it('a 中秋 campaign for two members reaches 100 % as they sign on their phones', async () => {
    const { chair, a, b } = people();

    // The chair creates 中秋 gifts for the two named members and starts handing them out.
    const chairContext = await newContext(DESKTOP);
    const chairPage = await chairContext.newPage();
    await logIn(chairPage, chair.login, chair.password);
    await chairPage.goto('/care/campaigns');
    await chairPage.getByTestId('campaign-create').click();
    const dialog = chairPage.getByRole('dialog').filter({ hasText: '新建节日慰问' });
    await dialog.getByTestId('campaign-form').waitFor();
    expect(await dialog.innerText()).toContain('不属于可发放节日慰问品的节日，可作为活动开展');
    await pick(chairPage, dialog.getByTestId('campaign-festival'), '中秋');
    await expect.poll(() => dialog.getByTestId('campaign-title').inputValue(), WAIT).toMatch(/^\d{4}年中秋节慰问$/);
    const title = await dialog.getByTestId('campaign-title').inputValue();
    await dialog.getByTestId('campaign-value').fill('200');
    await dialog.getByTestId('campaign-goods').fill('月饼一盒');
    await pick(chairPage, dialog.getByTestId('campaign-audience-kind'), '指定人员');
    const audience = dialog.getByTestId('campaign-audience-members');
    await audience.waitFor();
    for (const member of [a, b]) {
      // Members log in with their phone: found by it, shown by name.
      const picked = await searchAndPick(chairPage, audience, member.login, member.name);
      expect(picked.startsWith(member.name)).toBe(true);
    }
    await chairPage.keyboard.press('Escape');
    await shoot(chairPage, 'care-8-campaign-form.png');
    await dialog.getByTestId('campaign-create-save').click();
    await chairPage.waitForURL(/\/care\/campaigns\/[0-9a-f-]{36}$/);
    await expect.poll(() => textOf(chairPage.getByTestId('campaign-title')), WAIT).toBe(title);
    expect(await chairPage.getByTestId('campaign-status').innerText()).toBe('筹备中');
    await chairPage.getByTestId('campaign-start').click();
    const confirmStart = chairPage.getByRole('dialog').filter({ hasText: '开始发放？' });
    await confirmStart.waitFor();
    await confirmStart.getByRole('button', { name: '开始发放' }).click();
    await expect.poll(() => textOf(chairPage.getByTestId('campaign-status')), WAIT).toBe('发放中');
    const coverage = chairPage.getByTestId('campaign-coverage');
    await expect.poll(() => textOf(coverage), WAIT).toContain('应发放 2 人，已签收 0 人，还差 2 人');
    expect(await coverage.innerText()).toContain('0%');
    expect(await chairPage.getByTestId('campaign-recipients').innerText()).toContain('发放名单（2 人）');
    await shoot(chairPage, 'care-9-campaign-started.png');

    // Member A finds the gift on the home page of the phone and signs for it there.
    const aContext = await newContext(PHONE);
    const aPage = await aContext.newPage();
    await logIn(aPage, a.login, a.password);
    const receiptA = aPage.locator(`[data-testid="care-receipt"][data-campaign-title="${title}"]`);
    await receiptA.waitFor(WAIT);
    expect(await receiptA.innerText()).toContain('慰问品：月饼一盒');
    expect(await receiptA.innerText()).toContain('待签收');
    await expectNoSidewaysScroll(aPage);
    await shoot(aPage, 'care-10-member-a-home.png');
    await receiptA.getByTestId('care-receipt-confirm').click();
    // Signed: the home page has nothing left to sign; 我的慰问 shows the receipt.
    await expect.poll(() => receiptA.count(), WAIT).toBe(0);
    await aPage.goto('/care/my');
    const doneA = aPage.locator(`[data-testid="care-receipt"][data-campaign-title="${title}"]`);
    await expect.poll(() => textOf(doneA.getByTestId('care-receipt-done')), WAIT).toMatch(/^本人签收于 /);
    expect(await doneA.innerText()).toContain('已签收');
    expect(await doneA.getByTestId('care-receipt-confirm').count()).toBe(0);
    await expectNoSidewaysScroll(aPage);
    await shoot(aPage, 'care-11-member-a-signed.png');

    // The chair's page follows by itself: 50 %.
    await expect.poll(() => textOf(coverage), LIVE).toContain('应发放 2 人，已签收 1 人，还差 1 人');
    expect(await coverage.innerText()).toContain('50%');

    // Member B follows the notification to 我的慰问 and signs there.
    const bContext = await newContext(PHONE);
    const bPage = await bContext.newPage();
    await logIn(bPage, b.login, b.password);
    await openNotification(bPage, '中秋慰问品已开始发放，请领取后在手机上签收');
    await bPage.waitForURL((u) => u.pathname === '/care/my');
    const receiptB = bPage.locator(`[data-testid="care-receipt"][data-campaign-title="${title}"]`);
    await receiptB.getByTestId('care-receipt-confirm').click();
    await expect.poll(() => textOf(receiptB.getByTestId('care-receipt-done')), WAIT).toMatch(/^本人签收于 /);
    expect(await bPage.getByTestId('care-nothing-to-confirm').innerText()).toBe('目前没有待签收的节日慰问品。');
    await expectNoSidewaysScroll(bPage);
    await shoot(bPage, 'care-12-member-b-signed.png');

    // 100 %: on the campaign page (live) and in the list of campaigns.
    await expect.poll(() => textOf(coverage), LIVE).toContain('应发放 2 人，已签收 2 人');
    expect(await coverage.innerText()).toContain('100%');
    expect(await coverage.innerText()).not.toContain('还差');
    // Per group too: A's group and B's group, one each, both complete.
    const groupRows = await chairPage.getByTestId('campaign-group-row').allInnerTexts();
    expect(groupRows).toHaveLength(2);
    for (const row of groupRows) expect(row.replace(/\s+/g, ' ')).toContain('100% 1/1');
    expect(await chairPage.getByTestId('campaign-recipients').innerText()).toContain('已签收 2');
    await shoot(chairPage, 'care-13-campaign-100.png');
    await chairPage.goto('/care/campaigns');
    const card = chairPage.locator(`[data-testid="campaign-card"][data-title="${title}"]`);
    await expect.poll(() => textOf(card), WAIT).toContain('100% 2/2');

    await Promise.all([chairContext.close(), aContext.close(), bContext.close()]);
  });
});
