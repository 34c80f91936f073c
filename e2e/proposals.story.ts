import path from 'node:path';
import JSZip from 'jszip';
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
const TITLE = '关于在教学楼增设教师午休室的建议';
const REPLY_C = '三楼教室目前用作学生社团活动室，待明年新楼启用后再行调整。';
const REPLY_B = '经校务会研究，本学期先将二楼小会议室中午开放作临时午休室，新楼启用后设专用午休室。';
const UNSATISFIED = '午休问题迫切，希望本学期内先用会议室临时解决。';

/** A browser profile of its own (no cookies): a phone for representatives, a desk for the chair and 总务处. */
function newContext(viewport: typeof PHONE): Promise<BrowserContext> {
  const isPhone = viewport.width === PHONE.width;
  return stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport, deviceScaleFactor: isPhone ? 2 : 1, isMobile: isPhone, hasTouch: isPhone });
}

/** The demo accounts of 示例第一中学 the story needs, as printed at first start (the members and the vice chair are representatives). */
function people() {
  const find = (role: string) => {
    const found = stage.server.accounts.find((a) => a.role === `${role}·示例第一中学`);
    expect(found, `${role} is printed at first start`).toBeTruthy();
    return found!;
  };
  const members = stage.server.accounts.filter((a) => a.role === '会员·示例第一中学');
  expect(members.length, 'two plain members are printed at first start').toBe(2);
  return { proposer: members[0], colleague: members[1], vice: find('工会副主席'), chair: find('工会主席'), office: find('承办部门') };
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

/** The state tag at the head of a proposal's page (待审查, 已交办 …). */
function statusOf(page: Page): Promise<string> {
  return textOf(page.locator('.uh-prop-head').getByTestId('proposal-status'));
}

/** Opens an antd Select, types `text` and picks the visible option containing it. */
async function pick(page: Page, select: Locator, text: string) {
  await select.click();
  await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor(WAIT);
  await option.click();
  await page.keyboard.press('Escape');
}

/** Logs in on a fresh profile of the given size. */
async function open(person: { login: string; password: string }, viewport: typeof PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(viewport);
  const page = await context.newPage();
  await logIn(page, person.login, person.password);
  return { context, page };
}

/** Opens the proposal's page; one signed in to a group (not the union) is offered the union first. */
async function openProposal(page: Page, proposalPath: string) {
  await page.goto(proposalPath);
  const switchUnion = page.getByTestId('proposal-switch-union');
  await page.getByTestId('proposal-title-text').or(switchUnion).first().waitFor(WAIT);
  if (await switchUnion.count()) await switchUnion.click();
  await expect.poll(() => textOf(page.getByTestId('proposal-title-text')), WAIT).toContain(TITLE);
}

/** 总务处, at a desk, finds the proposal under 交办给我的 and replies with `code` (e.g. "C 需条件成熟后解决"). */
async function reply(office: { login: string; password: string }, code: string, text: string, shot: string) {
  const { context, page } = await open(office, DESKTOP);
  await page.goto('/proposals/assigned');
  await page.getByTestId('proposal-card').filter({ hasText: TITLE }).first().waitFor(WAIT);
  await page.getByRole('link', { name: new RegExp(TITLE) }).first().click();
  const form = page.getByTestId('proposal-reply-card');
  await form.waitFor(WAIT);
  await page.getByTestId('proposal-reply-code').getByText(code, { exact: false }).first().click();
  await page.getByTestId('proposal-reply-text').fill(text);
  await page.getByTestId('proposal-reply-save').click();
  await form.waitFor({ state: 'detached', ...WAIT });
  await expect.poll(() => statusOf(page), WAIT).toBe('已答复');
  const replies = await page.getByTestId('proposal-replies').innerText();
  expect(replies).toContain(code);
  expect(replies).toContain(text);
  await shoot(page, shot);
  await context.close();
}

/** The proposer, on the phone, follows 待我评价 to the reply and rates it. */
async function rate(proposer: { login: string; password: string }, label: string, comment: string, shot: string): Promise<Page> {
  const { page } = await open(proposer, PHONE);
  await page.goto('/proposals');
  const toRate = page.getByTestId('proposal-to-rate');
  await toRate.waitFor(WAIT);
  expect(await toRate.innerText()).toContain(TITLE);
  await toRate.getByRole('button', { name: '查看答复并评价' }).first().click();
  const form = page.getByTestId('proposal-rate-card');
  await form.waitFor(WAIT);
  await page.getByTestId('proposal-rating').getByText(label, { exact: true }).click();
  if (comment) await page.getByTestId('proposal-rate-comment').fill(comment);
  await expectNoSidewaysScroll(page);
  await shoot(page, shot);
  await page.getByTestId('proposal-rate-save').click();
  await form.waitFor({ state: 'detached', ...WAIT });
  return page;
}

describe('story: a representative’s proposal is co-signed, accepted, answered twice by 总务处 and closed 满意; the report lists it', () => {
  it('walks the proposal path: representatives on phones (375 px), the chair and 总务处 at desks (1280 px)', async () => {
    const { proposer, colleague, vice, chair, office } = people();

    // The proposer drafts on the phone, naming two colleagues as co-signers.
    const mine = await open(proposer, PHONE);
    let page = mine.page;
    await page.goto('/proposals');
    await page.getByTestId('proposal-session').first().waitFor(WAIT);
    await page.getByTestId('proposal-new').first().click();
    await page.getByTestId('proposal-form').waitFor(WAIT);
    await page.getByTestId('proposal-title').fill(TITLE);
    await page.getByTestId('proposal-category').getByText('后勤保障', { exact: true }).click();
    await page.getByTestId('proposal-reasons').fill('学校目前没有教师午休场所，中午不少老师只能趴在办公桌上休息，影响下午上课精神。');
    await page.getByTestId('proposal-suggestions').fill('1. 利用教学楼三楼闲置教室改建午休室；\n2. 配备折叠床和遮光窗帘；\n3. 由总务处负责日常管理。');
    await pick(page, page.getByTestId('proposal-cosigners'), colleague.name);
    await pick(page, page.getByTestId('proposal-cosigners'), vice.name);
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-1-draft-form.png');
    await page.getByTestId('proposal-save').click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const proposalPath = new URL(page.url()).pathname;
    await expect.poll(() => textOf(page.getByTestId('proposal-title-text')), WAIT).toContain(TITLE);
    expect(await statusOf(page)).toBe('草稿');
    const signers = await page.getByTestId('proposal-signers').innerText();
    expect(signers).toContain(colleague.name);
    expect(signers).toContain(vice.name);

    // Submitting before anyone has confirmed is refused.
    await page.getByTestId('proposal-submit').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.getByTestId('proposal-submit-refusal').waitFor(WAIT);
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-2-submit-refused.png');
    expect(await statusOf(page)).toBe('草稿');
    await mine.context.close();

    // The colleague co-signs from 待我附议 on their phone.
    const colleagueSide = await open(colleague, PHONE);
    page = colleagueSide.page;
    await page.goto('/proposals');
    const invitations = page.getByTestId('proposal-invitations');
    await invitations.waitFor(WAIT);
    expect(await invitations.innerText()).toContain(TITLE);
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-3-invitation.png');
    await invitations.getByTestId('proposal-cosign-confirm').first().click();
    await expect.poll(() => page.getByText('已确认附议').count(), WAIT).toBeGreaterThan(0);
    await colleagueSide.context.close();

    // The vice chair co-signs on the proposal's page on their phone.
    const viceSide = await open(vice, PHONE);
    page = viceSide.page;
    await openProposal(page, proposalPath);
    const cosignCard = page.getByTestId('proposal-cosign-card');
    await cosignCard.waitFor(WAIT);
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-4-vice-cosigns.png');
    await cosignCard.getByTestId('proposal-cosign-confirm').click();
    await expect.poll(() => page.getByText('您已确认附议').count(), WAIT).toBeGreaterThan(0);
    await viceSide.context.close();

    // The proposer submits: 待审查.
    const again = await open(proposer, PHONE);
    page = again.page;
    await openProposal(page, proposalPath);
    await page.getByTestId('proposal-submit').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => statusOf(page), WAIT).toBe('待审查');
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-5-submitted.png');
    await again.context.close();

    // The chair, at a desk, accepts it (立案, numbered) and assigns it to 总务处.
    const chairSide = await open(chair, DESKTOP);
    const chairPage = chairSide.page;
    await chairPage.goto('/proposals/admin');
    await chairPage.getByTestId('proposal-row').filter({ hasText: TITLE }).first().waitFor(WAIT);
    await chairPage.getByRole('link', { name: TITLE }).first().click();
    await chairPage.waitForURL((u) => u.pathname === proposalPath);
    await chairPage.getByTestId('proposal-review-open').click();
    await chairPage.getByTestId('proposal-review-ok').click();
    await expect.poll(() => textOf(chairPage.getByTestId('proposal-review-decision-text')), WAIT).toMatch(/^立案，第\d+号$/);
    await expect.poll(() => statusOf(chairPage), WAIT).toBe('已立案');
    await chairPage.getByTestId('proposal-assign-open').click();
    await pick(chairPage, chairPage.getByTestId('proposal-assign-lead'), office.name);
    await chairPage.getByTestId('proposal-assign-leader').fill('分管后勤副校长 王明');
    await shoot(chairPage, 'proposals-6-assign.png');
    await chairPage.getByTestId('proposal-assign-ok').click();
    await expect.poll(() => textOf(chairPage.getByTestId('proposal-lead')), WAIT).toBe(office.name);
    await expect.poll(() => statusOf(chairPage), WAIT).toBe('已交办');
    expect(await chairPage.getByTestId('proposal-assignment').innerText()).toContain('分管后勤副校长 王明');
    await shoot(chairPage, 'proposals-7-assigned.png');

    // 总务处 replies C; the proposer is not satisfied and it goes back for a second round.
    await reply(office, 'C 需条件成熟后解决', REPLY_C, 'proposals-8-reply-c.png');
    page = await rate(proposer, '不满意', UNSATISFIED, 'proposals-9-rate-unsatisfied.png');
    await expect.poll(() => textOf(page.getByTestId('proposal-second-round')), WAIT).toContain('第二轮');
    await expect.poll(() => statusOf(page), WAIT).toBe('已交办');
    const firstRound = await page.getByTestId('proposal-replies').innerText();
    expect(firstRound).toContain('C 需条件成熟后解决');
    expect(firstRound).toContain('不满意');
    expect(firstRound).toContain(UNSATISFIED);
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-10-second-round.png');
    await page.context().close();

    // 总务处 replies B; the proposer is satisfied: 已办结.
    await reply(office, 'B 正在解决或列入计划', REPLY_B, 'proposals-11-reply-b.png');
    page = await rate(proposer, '满意', '', 'proposals-12-rate-satisfied.png');
    await expect.poll(() => statusOf(page), WAIT).toBe('已办结');
    const rounds = page.getByTestId('proposal-reply');
    await expect.poll(() => rounds.count(), WAIT).toBe(2);
    const second = await page.locator('[data-testid="proposal-reply"][data-round="2"]').innerText();
    expect(second).toContain('B 正在解决或列入计划');
    expect(second).toContain(REPLY_B);
    expect(second).toContain('满意');
    await expectNoSidewaysScroll(page);
    await shoot(page, 'proposals-13-closed.png');
    // 我的提案 shows it closed, nothing left to rate.
    await page.goto('/proposals');
    const myCard = page.getByTestId('proposal-mine').getByTestId('proposal-card').filter({ hasText: TITLE });
    await expect.poll(() => textOf(myCard.getByTestId('proposal-status')), WAIT).toBe('已办结');
    expect(await page.getByTestId('proposal-to-rate').count()).toBe(0);
    await shoot(page, 'proposals-14-my-list.png');
    await page.context().close();

    // The committee's handling report (Word) lists it, with 总务处 and the 满意 rating.
    await chairPage.goto('/proposals/admin');
    const reportButton = chairPage.getByTestId('proposal-report-docx');
    await expect.poll(() => reportButton.getAttribute('href'), WAIT).toMatch(/\/api\/v1\/proposals\/report\.docx\?sessionId=[0-9a-f-]{36}$/);
    const href = (await reportButton.getAttribute('href'))!;
    const res = await chairSide.context.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('officedocument.wordprocessingml');
    const zip = await JSZip.loadAsync(await res.body());
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(TITLE);
    const row = text.slice(text.indexOf(TITLE));
    expect(row).toContain(proposer.name);
    expect(row).toContain(`${office.name}（主办）`);
    expect(row).toContain('B 正在解决或列入计划');
    await chairSide.context.close();
  });
});
