import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { logIn } from './support/session.js';
import { runningAnimations } from './support/browser.js';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const stage = useStage();
/** Long enough for a request and a re-render on a busy machine (the live pages poll every 3–5 s). */
const WAIT = { timeout: 20_000 };
const SESSION = '第三届教职工代表大会第二次会议';
const MOTION = '学校年度工作计划';
/** The demo term has 30 voting representatives: two thirds is 20. */
const EXPECTED = 30;
const QUORUM = 20;

/**
 * A browser profile of its own (no cookies): a phone for the representative, a desk for the chair, its clock in
 * Shanghai as the school's are.
 */
function newContext(viewport: typeof PHONE): Promise<BrowserContext> {
  const isPhone = viewport.width === PHONE.width;
  return stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport, deviceScaleFactor: isPhone ? 2 : 1, isMobile: isPhone, hasTouch: isPhone, timezoneId: 'Asia/Shanghai' });
}

/** The chair of 示例第一中学 and a plain member, both representatives of the demo term, as printed at first start. */
function people() {
  const chair = stage.server.accounts.find((a) => a.role === '工会主席·示例第一中学');
  const members = stage.server.accounts.filter((a) => a.role === '会员·示例第一中学');
  expect(chair, 'the demo chair is printed at first start').toBeTruthy();
  expect(members.length, 'two plain members are printed at first start').toBe(2);
  return { chair: chair!, rep: members[0] };
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

/** The number under one of 应到 / 实到 / 缺席 / 未签到 on the manage page. */
function figure(page: Page, key: 'expected' | 'present' | 'absent' | 'notYet'): Promise<string> {
  return textOf(page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value'));
}

/** The hall screen's big figures as "应到 30 实到 20 …", whitespace folded. */
async function hallFigures(hall: Page): Promise<string> {
  return (await textOf(hall.locator('.uh-hall-figures'))).replace(/\s+/g, ' ');
}

/**
 * On 出勤 → 未签到, narrowed by the search box to `search` (a 代表团, a 小组, a name): ticks everyone listed (the
 * header's box) or only the first `n`, and registers them present; resolves once the figures show `presentAfter`.
 */
async function registerPresent(page: Page, search: string, n: number | 'all', presentAfter: number) {
  await page.getByRole('tab', { name: '出勤' }).click();
  const roster = page.getByTestId('attendance-roster');
  await roster.waitFor(WAIT);
  await page.getByTestId('attendance-view').getByText(/^未签到/).click();
  await page.getByPlaceholder('姓名、代表团、小组').fill(search);
  const rows = roster.locator('tbody tr.ant-table-row');
  await expect.poll(() => rows.filter({ hasNotText: search }).count(), WAIT).toBe(0);
  const listed = await rows.count();
  expect(listed, `people of ${search} not signed in yet`).toBeGreaterThan(0);
  if (n === 'all') await roster.locator('thead').getByRole('checkbox').check();
  else for (let i = 0; i < n; i++) await rows.nth(i).getByRole('checkbox', { name: /^选择/ }).check();
  const ticked = n === 'all' ? listed : n;
  await expect.poll(() => textOf(page.getByTestId('attendance-bulkbar')), WAIT).toContain(`已选 ${ticked} 人`);
  await page.getByTestId('attendance-present').click();
  await page.locator('.ant-message').getByText(`已登记出席：${ticked} 人`).waitFor(WAIT);
  await expect.poll(() => figure(page, 'present'), WAIT).toBe(String(presentAfter));
  await page.getByPlaceholder('姓名、代表团、小组').fill('');
}

describe('story: the chair opens the session; a representative scans in on the phone; a vote is refused below two thirds, then held, and its result shows on the phone and the hall screen', () => {
  it('walks the congress path: the chair at a desk (1280 px), the representative on a phone (375 px), the hall screen beside', async () => {
    const { chair, rep } = people();

    // The chair finds the coming session under 教代会管理 → the term → 会议.
    const desk = await newContext(DESKTOP);
    const page = await desk.newPage();
    await logIn(page, chair.login, chair.password);
    await page.goto('/congress/admin');
    await page.getByTestId('term-card').first().click();
    await page.getByRole('tab', { name: /^会议/ }).click();
    const card = page.locator(`[data-testid="session-card"][data-session-title="${SESSION}"]`);
    await expect.poll(() => textOf(card), WAIT).toContain('筹备中');
    await card.click();
    await page.waitForURL(/\/congress\/sessions\/[0-9a-f-]{36}\/manage/);
    const sessionId = /sessions\/([0-9a-f-]{36})\/manage/.exec(page.url())![1];
    await expect.poll(() => textOf(page.getByTestId('session-manage-title')), WAIT).toBe(SESSION);

    // The demo session is planned two weeks ahead; declaring it open opens the check-in at once.
    await page.getByTestId('session-open').click();
    const confirm = page.getByRole('dialog').filter({ hasText: `宣布${SESSION}开始？` });
    await confirm.waitFor(WAIT);
    await confirm.getByRole('button', { name: '开始会议' }).click();
    await page.locator('.ant-message').getByText('会议已开始').waitFor(WAIT);
    await page.getByTestId('session-close').waitFor(WAIT);
    expect(await figure(page, 'expected')).toBe(String(EXPECTED));
    expect(await figure(page, 'present')).toBe('0');

    // 签到二维码 opens the check-in screen; the representative, logged in on the phone, opens the link its QR code carries.
    const phone = await newContext(PHONE);
    const repPage = await phone.newPage();
    await logIn(repPage, rep.login, rep.password);
    const [checkinScreen] = await Promise.all([desk.waitForEvent('page'), page.getByTestId('session-checkin-screen').click()]);
    const screenPath = `/api/v1/congress/sessions/${sessionId}/screen`;
    const screenAnswer = await checkinScreen.waitForResponse((r) => new URL(r.url()).pathname === screenPath && r.ok(), WAIT);
    await checkinScreen.getByTestId('hall-qr').waitFor(WAIT);
    expect(await checkinScreen.getByTestId('hall-checkin').innerText()).toContain('扫描二维码签到');
    const { checkin } = (await screenAnswer.json()) as { checkin: { url: string } };
    const scanned = new URL(checkin.url);
    expect(scanned.pathname).toBe('/congress/checkin');
    await repPage.goto(scanned.pathname + scanned.search);
    await expect.poll(() => textOf(repPage.getByTestId('checkin-success')), WAIT).toBe('签到成功');
    expect(await repPage.getByTestId('checkin-session').innerText()).toBe(SESSION);
    await expectNoSidewaysScroll(repPage);
    await checkinScreen.close();

    // The hall screen goes up on the projector: 应到 30, 实到 1 — not yet two thirds.
    const [hall] = await Promise.all([desk.waitForEvent('page'), page.getByTestId('session-screen').click()]);
    await expect.poll(() => textOf(hall.getByTestId('hall-title')), WAIT).toBe(SESSION);
    await expect.poll(() => hallFigures(hall), WAIT).toContain(`${EXPECTED} 应到 1 实到`);

    // The chair sees the scan on 出勤 and registers the rest of the representative's delegation, 文科代表团 (12 in the demo): 12 of 30.
    await page.getByRole('tab', { name: '出勤' }).click();
    const repRow = page.getByTestId('attendance-roster').locator('tr').filter({ hasText: rep.name });
    await expect.poll(() => textOf(repRow), WAIT).toMatch(/出席 \d{2}:\d{2}（扫码）/);
    await registerPresent(page, '文科代表团', 'all', 12);
    await expect.poll(() => hallFigures(hall), WAIT).toContain(`${EXPECTED} 应到 12 实到`);
    await expect.poll(() => textOf(hall.getByTestId('hall-attendance')), WAIT).toContain(`还需 ${QUORUM - 12} 人到会才能表决`);

    // A named vote on 学校年度工作计划 by phone; opening it is refused with how many more must arrive.
    await page.getByRole('tab', { name: /^表决/ }).click();
    await expect.poll(() => textOf(page.getByTestId('vote-quorum')), WAIT).toContain('实到 12 人');
    await page.getByTestId('vote-create').click();
    await page.getByTestId('vote-form').waitFor(WAIT);
    await page.getByTestId('vote-agenda').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: MOTION }).click();
    await page.getByTestId('vote-mode').getByText('记名表决', { exact: true }).click();
    await page.getByTestId('vote-channel').getByText('手机投票', { exact: true }).click();
    await page.getByTestId('vote-create-save').click();
    const vote = page.locator(`[data-testid="manage-vote"][data-vote-title="${MOTION}"]`);
    await vote.waitFor(WAIT);
    expect(await vote.innerText()).toContain('未开始');
    await vote.getByTestId('vote-open').click();
    const refusal = vote.getByTestId('vote-action-refusal');
    await expect.poll(() => textOf(refusal), WAIT).toBe(`实到 12 人，未达到应到 ${EXPECTED} 人的三分之二（${QUORUM} 人），还需 ${QUORUM - 12} 人到会才能表决`);
    expect(await vote.innerText()).toContain('未开始');

    // 综合代表团 arrives (7): 19 of 30 is still one short of two thirds; one more from 理科代表团 makes exactly 20.
    await registerPresent(page, '综合代表团', 'all', QUORUM - 1);
    await page.getByRole('tab', { name: /^表决/ }).click();
    await expect.poll(() => textOf(page.getByTestId('vote-quorum')), WAIT).toContain('还需 1 人到会才能表决');
    await registerPresent(page, '理科代表团', 1, QUORUM);
    await page.getByRole('tab', { name: /^表决/ }).click();
    await expect.poll(() => textOf(page.getByTestId('vote-quorum')), WAIT).toContain(`实到 ${QUORUM} 人，达到应到 ${EXPECTED} 人的三分之二（${QUORUM} 人），可以表决`);
    await vote.getByTestId('vote-open').click();
    await expect.poll(() => textOf(vote.getByTestId('vote-progress')), WAIT).toContain(`已投 0 人 / 开始时实到 ${QUORUM} 人`);
    expect(await vote.getByTestId('vote-action-refusal').count()).toBe(0);

    // The representative, on the session's page, votes 赞成 and sees the ballot recorded.
    await repPage.getByRole('button', { name: '查看会议与表决' }).click();
    await repPage.waitForURL((u) => u.pathname === `/congress/sessions/${sessionId}`);
    const myVote = repPage.getByTestId('member-vote').filter({ hasText: MOTION });
    await myVote.getByTestId('vote-yes').waitFor(WAIT);
    expect(await myVote.innerText()).toContain('表决中');
    expect(await repPage.getByTestId('session-my-attendance').innerText()).toMatch(/已签到 \d{2}:\d{2}（扫码签到）/);
    await myVote.getByTestId('vote-yes').click();
    const ballot = repPage.getByRole('dialog').filter({ hasText: '确认投“赞成”票？' });
    await ballot.waitFor(WAIT);
    expect(await ballot.innerText()).toContain('每人只能投一次，投出后不能更改');
    await ballot.getByRole('button', { name: '投赞成票' }).click();
    await expect.poll(() => textOf(myVote.getByTestId('vote-my-ballot')), WAIT).toBe('您已投票：赞成');
    expect(await myVote.getByTestId('vote-buttons').count()).toBe(0);
    await expect.poll(() => textOf(myVote.getByTestId('vote-progress')), WAIT).toContain(`已投 1 人 · 实到 ${QUORUM} 人`);
    await expectNoSidewaysScroll(repPage);
    await shoot(repPage, 'congress-1-phone-voted.png');

    // The hall screen shows the vote under way: how many have voted, never how.
    const openOnHall = hall.getByTestId('hall-open-vote');
    await expect.poll(() => textOf(openOnHall), WAIT).toContain(MOTION);
    await expect.poll(async () => (await textOf(hall.getByTestId('hall-ballots'))).replace(/\s+/g, ''), WAIT).toBe(`已投1人/实到${QUORUM}人`);
    expect(await openOnHall.innerText()).not.toContain('赞成');
    await shoot(hall, 'congress-2-hall-voting.png');

    // The chair closes the vote: one 赞成 of 30 representatives is not more than half of all — 未通过, with the sums.
    await expect.poll(() => textOf(vote.getByTestId('vote-progress')), WAIT).toContain(`已投 1 人 / 开始时实到 ${QUORUM} 人`);
    await vote.getByTestId('vote-close').click();
    const closing = page.locator('.ant-popconfirm:visible');
    expect(await closing.innerText()).toContain(`按全体代表 ${EXPECTED} 人计算是否通过`);
    await closing.getByRole('button', { name: '结束表决' }).click();
    const resultText = `应到 ${EXPECTED} 人，实到 ${QUORUM} 人；赞成 1 票、反对 0 票、弃权 0 票，未投票 ${QUORUM - 1} 人。赞成票未超过全体代表的半数（${EXPECTED} 人的半数为 ${EXPECTED / 2}），未通过。`;
    await expect.poll(() => textOf(vote.getByTestId('vote-result-text')), WAIT).toBe(resultText);
    expect(await textOf(vote.locator('.ant-tag').filter({ hasText: /通过/ }))).toBe('未通过');
    expect(await vote.getByTestId('vote-result').innerText()).toContain('表决规则：赞成票超过全体代表（应到人数）的半数为通过。');
    await vote.getByText('记名表决明细').click();
    await expect.poll(() => textOf(vote.locator('.ant-collapse-panel')), WAIT).toContain(`赞成（1）：${rep.name}`);

    // The representative's phone shows the same result, with the rule.
    await expect.poll(() => textOf(myVote.getByTestId('vote-result-text')), WAIT).toBe(resultText);
    expect(await myVote.innerText()).toContain('未通过');
    expect(await myVote.innerText()).toContain('您已投票：赞成');
    await expectNoSidewaysScroll(repPage);
    await shoot(repPage, 'congress-3-phone-result.png');

    // The hall screen shows the result with the arithmetic, and the attendance.
    const resultOnHall = hall.getByTestId('hall-result');
    await expect.poll(() => textOf(resultOnHall), WAIT).toContain(resultText);
    expect(await textOf(resultOnHall.locator('.uh-hall-badge'))).toBe('未通过');
    expect((await resultOnHall.innerText()).replace(/\s+/g, '')).toContain('赞成1反对0弃权0');
    expect(await hall.locator('.uh-hall-rule').innerText()).toBe('表决规则：赞成票超过全体代表（应到人数）的半数为通过');
    expect(await hallFigures(hall)).toContain(`${EXPECTED} 应到 ${QUORUM} 实到 0 缺席 ${EXPECTED - QUORUM} 未签到`);
    await shoot(hall, 'congress-4-hall-result.png');

    await Promise.all([desk.close(), phone.close()]);
  });
});

