import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { useStage } from './support/stage.js';
import { accountsByName, confirmDialog, DESKTOP, expectNoSidewaysScroll, openAs, PHONE, pick, settle, shoot, textOf, WAIT } from './support/devices.js';

const stage = useStage();
const TITLE = '第五届工会委员会委员选举';
/** Three candidates for two seats: 差额 holds (⌈2 × 5%⌉ = 1 more). Listed by surname strokes: 白 5, 曾 12, 蔡 14. */
const CANDIDATES = ['白博成', '曾林波', '蔡华玲'];
const SEATS = 2;
/** The roll of a members' meeting: every active member of 示例第一中学 with a normal membership. */
const DUE = 113;
/** Elected needs 赞成 × 2 > 应到: 57 of 113. A round needs ballots back from two thirds of 应到: 76. */
const NEED = 57;
const QUORUM = 76;
const CHAIR = '付超伟';
const COUNTER = '刘明';
const SCRUTINEER = '丁鹏杰';
const VOTER = '邵佳丹';

type Mark = 'yes' | 'no' | 'abstain';
/** A ballot as marks by candidate name (unlisted = 弃权). */
type Reading = Record<string, Mark>;

/**
 * Round 1 (2 seats), 86 ballots back: 29 × 白+曾, 29 × 白+蔡, 28 × 曾+蔡 (one of those on the voter's phone). 白博成
 * has 58 and is elected; 曾林波 and 蔡华玲 both have 57 — over half, tied at the cut-off for the second seat — so a
 * second round is held between them.
 */
const ROUND1 = {
  issued: 90,
  paper: [...Array<Reading>(29).fill({ 白博成: 'yes', 曾林波: 'yes', 蔡华玲: 'no' }), ...Array<Reading>(29).fill({ 白博成: 'yes', 曾林波: 'no', 蔡华玲: 'yes' }), ...Array<Reading>(27).fill({ 曾林波: 'yes', 蔡华玲: 'yes' })],
  phone: { 曾林波: 'yes', 蔡华玲: 'yes' } as Reading,
};
/** Round 2 (1 seat, the tied two), 81 ballots back: 曾林波 64 (one on the phone), 蔡华玲 17. */
const ROUND2 = {
  issued: 90,
  paper: [...Array<Reading>(63).fill({ 曾林波: 'yes', 蔡华玲: 'no' }), ...Array<Reading>(17).fill({ 曾林波: 'no', 蔡华玲: 'yes' })],
  phone: { 曾林波: 'yes', 蔡华玲: 'no' } as Reading,
};

/** The ballot as the API takes it, marks by candidate id. */
function entryOf(reading: Reading, idByName: Map<string, string>) {
  return { marks: Object.fromEntries(Object.entries(reading).map(([name, mark]) => [idByName.get(name)!, mark])), writeIns: [], spoilt: false };
}

/** Both tellers enter paper ballots `from`…`to` of the round through the API (the chair's and the counter's cookies). */
async function enterPaper(tellers: APIRequestContext[], roundId: string, ballots: Reading[], from: number, idByName: Map<string, string>) {
  for (let no = from; no <= ballots.length; no += 1) {
    const data = entryOf(ballots[no - 1], idByName);
    const answers = await Promise.all(tellers.map((t) => t.put(`/api/v1/elections/rounds/${roundId}/paper/${no}`, { data })));
    for (const a of answers) expect(a.status(), `paper ballot ${no}: ${await a.text()}`).toBe(200);
  }
}

/** The election as the chair's API sees it. */
async function detailOf(api: APIRequestContext, id: string) {
  const res = await api.get(`/api/v1/elections/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { candidates: { id: string; name: string }[]; rounds: { id: string; number: number; status: string }[] };
}

/** Types one paper ballot on the entry form with the keyboard, as a teller does: 1 赞成, 2 不赞成, 3 弃权 per row, then Enter. */
async function typePaper(page: Page, reading: Reading) {
  const entry = page.getByTestId('paper-entry');
  await entry.locator('[data-testid="paper-row"] [role="radiogroup"]').first().focus();
  for (const name of CANDIDATES) await page.keyboard.press({ yes: '1', no: '2', abstain: '3' }[reading[name] ?? 'abstain']);
  for (const name of CANDIDATES) {
    expect(await textOf(entry.locator(`[data-testid="paper-row"][data-name="${name}"] .uh-el-paper-mark`))).toBe({ yes: '赞成', no: '不赞成', abstain: '弃权' }[reading[name] ?? 'abstain']);
  }
  await page.keyboard.press('Enter');
}

/** The text box of an antd control carrying `testId` (on the box itself or on its wrapper). */
function inputOf(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator('xpath=descendant-or-self::input').first();
}

/** A locator's text with the white space between its parts taken out. */
async function folded(locator: Locator): Promise<string> {
  return (await textOf(locator)).replace(/\s+/g, '');
}

/** The board row of paper ballot `no` (desktop layout). */
function boardRow(page: Page, no: number): Locator {
  return page.getByTestId('paper-board').locator('tbody tr.ant-table-row').filter({ hasText: `第 ${no} 号` });
}

/** 发出 / 收回 of the open round, as the scrutineers counted them. */
async function recordPaperCount(page: Page, issued: number, returned: number) {
  await inputOf(page, 'paper-issued').fill(String(issued));
  await inputOf(page, 'paper-returned').fill(String(returned));
  await page.getByTestId('paper-count-save').click();
  await page.locator('.ant-message').getByText('发出、收回票数已保存').last().waitFor(WAIT);
  await expect.poll(() => textOf(page.getByTestId('paper-progress')), WAIT).toContain(`收回 ${returned} 张`);
}

/** The voter, on the phone, marks the open round's ballot, confirms it, and reads the receipt code shown once. */
async function votePhone(page: Page, electionPath: string, reading: Reading, shot: string | null): Promise<string> {
  await page.goto(electionPath);
  const form = page.getByTestId('ballot-form');
  await form.waitFor(WAIT);
  for (const [name, mark] of Object.entries(reading)) {
    await form.locator(`[data-testid="ballot-candidate"][data-name="${name}"]`).getByRole('radio', { name: { yes: '赞成', no: '不赞成', abstain: '弃权' }[mark], exact: true }).click();
  }
  const yes = Object.values(reading).filter((m) => m === 'yes').length;
  const no = Object.values(reading).filter((m) => m === 'no').length;
  const listed = await form.getByTestId('ballot-candidate').count();
  await expect.poll(() => textOf(form.getByTestId('ballot-summary')), WAIT).toBe(`赞成 ${yes} 人 · 不赞成 ${no} 人 · 弃权 ${listed - yes - no} 人`);
  expect(await form.getByTestId('ballot-warning').count()).toBe(0);
  await expectNoSidewaysScroll(page);
  if (shot) await shoot(page, shot);
  await form.getByTestId('ballot-submit').click();
  await (await confirmDialog(page, '确认提交选票？')).getByTestId('ballot-confirm').click();
  const code = page.getByTestId('ballot-receipt-code');
  await code.waitFor(WAIT);
  const receipt = (await code.innerText()).trim();
  expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return receipt;
}

/** The chair counts the open round from the 投票与计票 tab once the paper board has nothing left to resolve. */
async function count(page: Page, round: number) {
  const card = page.locator(`[data-testid="manage-round"][data-round="${round}"]`);
  await card.getByTestId('paper-ready').waitFor(WAIT);
  await card.getByTestId('round-count').click();
  const confirm = await confirmDialog(page, `第 ${round} 轮计票？`);
  await confirm.getByRole('button', { name: /计\s*票/ }).click();
  await page.locator('.ant-message').getByText(`第 ${round} 轮已计票`).waitFor(WAIT);
  await card.getByTestId('round-outcome').waitFor(WAIT);
  return card;
}

/** The steps of a round's count as shown, one text per step. */
function stepsOf(card: Locator): Promise<string[]> {
  return card.getByTestId('outcome-steps').locator('li').allInnerTexts().then((xs) => xs.map((x) => x.replace(/\s+/g, ' ').trim()));
}

describe('story: a committee election at a members’ meeting with phone and paper ballots, a paper ballot entered twice with a mismatch, a tie and a second round', () => {
  it('walks the election path: the chair and the counter at desks (1280 px), a member voting on the phone (375 px)', async () => {
    const people = accountsByName(stage.server);
    for (const name of [CHAIR, COUNTER, SCRUTINEER, VOTER]) expect(people.get(name), `${name} is printed at first start`).toBeTruthy();

    // The chair sets up the election: 2 seats at a members' meeting, phone and paper.
    const desk = await openAs(stage, people.get(CHAIR)!, DESKTOP);
    const page = desk.page;
    await page.goto('/elections');
    await page.getByTestId('election-create').click();
    await page.getByTestId('election-form').waitFor(WAIT);
    await settle(page);
    await page.getByTestId('election-title').fill(TITLE);
    await page.getByTestId('election-seats').fill(String(SEATS));
    await page.getByTestId('election-meeting').getByText('会员大会', { exact: true }).click();
    await expect.poll(() => textOf(page.getByTestId('election-rule-hint')), WAIT).toContain(`差额选举：候选人至少 ${SEATS + 1} 人`);
    await page.getByTestId('election-form-save').click();
    await page.waitForURL(/\/elections\/[0-9a-f-]{36}\/manage/, WAIT);
    const id = /elections\/([0-9a-f-]{36})\/manage/.exec(page.url())![1];
    await expect.poll(() => textOf(page.getByTestId('election-manage-title')), WAIT).toBe(TITLE);

    // Candidates, added in any order, are listed by surname strokes; with 3 for 2 seats it may start.
    for (const [i, name] of [...CANDIDATES].reverse().entries()) {
      await pick(page, page.getByTestId('candidate-member'), name);
      await page.getByTestId('candidate-add-save').click();
      await expect.poll(() => page.getByTestId('candidate-table').locator('tbody tr.ant-table-row').count(), WAIT).toBe(i + 1);
    }
    const listed = await page.getByTestId('candidate-table').locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(listed.map((x) => x.trim())).toEqual(CANDIDATES);
    await expect.poll(() => textOf(page.getByTestId('candidate-rule')), WAIT).toContain('候选人人数符合要求，可以开始选举。');

    // A scrutineer and a counter, neither a candidate.
    await pick(page, page.getByTestId('officials-scrutineers'), SCRUTINEER);
    await pick(page, page.getByTestId('officials-counters'), COUNTER);
    await page.getByTestId('officials-save').click();
    await page.locator('.ant-message').getByText('监票人、计票人已保存').waitFor(WAIT);

    // Started: the roll is fixed (应到 113), and the meeting ticks those present — the first page of the roll, and the voter.
    await page.getByTestId('election-start').click();
    const start = await confirmDialog(page, `开始${TITLE}？`);
    await start.getByRole('button', { name: '开始选举' }).click();
    await page.locator('.ant-message').getByText('选举已开始，选举人名单已确定').waitFor(WAIT);
    await page.getByRole('tab', { name: /^出席/ }).click();
    const roll = page.getByTestId('roll-table');
    await roll.waitFor(WAIT);
    await expect.poll(() => textOf(page.getByTestId('roll-quorum')), WAIT).toContain(`应到 ${DUE} 人`);
    await roll.locator('thead').getByRole('checkbox').check();
    await expect.poll(() => textOf(page.getByTestId('roll-bulkbar')), WAIT).toContain('已选 100 人');
    await page.getByTestId('roll-present').click();
    await page.locator('.ant-message').getByText('已标记出席：100 人').waitFor(WAIT);
    await inputOf(page, 'roll-search').fill(VOTER);
    await expect.poll(() => roll.locator('tbody tr.ant-table-row').count(), WAIT).toBe(1);
    await roll.getByRole('checkbox', { name: `选择${VOTER}` }).check();
    await page.getByTestId('roll-present').click();
    await page.locator('.ant-message').getByText('已标记出席：1 人').waitFor(WAIT);
    await expect.poll(() => textOf(roll.locator('tbody tr.ant-table-row')), WAIT).toContain('出席');
    const present = Number(/出席 (\d+)\//.exec(await textOf(page.getByRole('tab', { name: /^出席/ })))![1]);
    expect(present).toBeGreaterThanOrEqual(QUORUM);

    // Round 1 opens.
    await page.getByRole('tab', { name: /^投票与计票/ }).click();
    await page.getByTestId('round-open').click();
    await page.locator('.ant-message').getByText('第 1 轮投票已开始').waitFor(WAIT);
    const round1Card = page.locator('[data-testid="manage-round"][data-round="1"]');
    await round1Card.waitFor(WAIT);
    const detail = await detailOf(desk.context.request, id);
    const idByName = new Map(detail.candidates.map((c) => [c.name, c.id]));
    const round1 = detail.rounds.find((r) => r.number === 1)!;

    // The member votes on the phone and gets a receipt code.
    const voterSide = await openAs(stage, people.get(VOTER)!, PHONE);
    const phone = voterSide.page;
    await phone.goto('/elections');
    await phone.locator(`[data-testid="election-card"][data-election-title="${TITLE}"]`).click();
    await phone.waitForURL((u) => u.pathname === `/elections/${id}`, WAIT);
    const electionPath = `/elections/${id}`;
    const receipt = await votePhone(phone, electionPath, ROUND1.phone, 'election-1-phone-ballot.png');

    // Paper: 90 issued, 85 back. The chair enters ballot no. 1.
    await recordPaperCount(page, ROUND1.issued, ROUND1.paper.length);
    await expect.poll(() => inputOf(page, 'paper-no').inputValue(), WAIT).toBe('1');
    await typePaper(page, ROUND1.paper[0]);
    await expect.poll(() => folded(page.getByTestId('paper-saved')), WAIT).toBe('已保存第1号已录一次');

    // The counter, at another desk, reaches the entry form from the election's page and misreads 蔡华玲 as 弃权.
    const counterSide = await openAs(stage, people.get(COUNTER)!, DESKTOP);
    const counter = counterSide.page;
    await counter.goto(electionPath);
    await counter.getByTestId('election-manage-link').click();
    await counter.getByTestId('paper-entry').waitFor(WAIT);
    await expect.poll(() => inputOf(counter, 'paper-no').inputValue(), WAIT).toBe('1');
    await typePaper(counter, { ...ROUND1.paper[0], 蔡华玲: 'abstain' });
    const row1 = boardRow(counter, 1);
    await expect.poll(() => textOf(row1), WAIT).toContain('不一致');
    expect(await textOf(row1.getByTestId('paper-differences'))).toBe('蔡华玲：第一次录入 不赞成，第二次录入 弃权');
    expect(await textOf(row1)).toContain(`${CHAIR}、${COUNTER}`);
    expect(await textOf(counter.getByTestId('paper-blockers'))).toContain('第 1 号选票两次录入不一致');
    await shoot(counter, 'election-2-paper-mismatch.png');
    // The chair's board shows it too, and 计票 waits.
    await expect.poll(() => textOf(boardRow(page, 1)), WAIT).toContain('不一致');
    expect(await round1Card.getByTestId('round-count').isDisabled()).toBe(true);

    // The counter looks at the paper again and re-enters their reading: now both match.
    await row1.getByRole('button', { name: '重新录入' }).click();
    await expect.poll(() => inputOf(counter, 'paper-no').inputValue(), WAIT).toBe('1');
    await typePaper(counter, ROUND1.paper[0]);
    await expect.poll(() => folded(counter.getByTestId('paper-saved')), WAIT).toBe('已保存第1号两次一致');
    await expect.poll(() => textOf(boardRow(counter, 1)), WAIT).toContain('两次一致');

    // The other 84 paper ballots, each entered by both, through the API.
    await enterPaper([desk.context.request, counterSide.context.request], round1.id, ROUND1.paper, 2, idByName);

    // Counted: 白博成 is elected; 曾林波 and 蔡华玲 tie at the cut-off, so a second round between them is called for.
    const counted1 = await count(page, 1);
    await expect.poll(() => textOf(counted1.getByTestId('outcome-headline')), WAIT).toBe('当选：白博成（58 票）');
    const steps1 = await stepsOf(counted1);
    expect(steps1.some((s) => s.includes(`收回选票 86 张，达到应到会人数 ${DUE} 人的三分之二（至少 ${QUORUM} 张），投票有效`))).toBe(true);
    expect(steps1.some((s) => s.includes(`${DUE} 人的半数为 56.5，即至少 ${NEED} 票`))).toBe(true);
    expect(steps1.some((s) => s.includes('曾林波、蔡华玲 均得赞成票 57 票，并列争 1 个名额，均不当选'))).toBe(true);
    const next1 = counted1.getByTestId('outcome-next');
    expect(await textOf(next1)).toContain('曾林波、蔡华玲');
    const figures1 = (await textOf(counted1.getByTestId('outcome-figures'))).replace(/\s+/g, ' ');
    expect(figures1).toContain(`${DUE} 应到`);
    expect(figures1).toContain(`${ROUND1.issued + 1} 发出`);
    expect(figures1).toContain('86 收回 手机 1 · 纸质 85');

    // The voter finds their receipt code among the published ballots, counted as cast.
    await phone.goto(electionPath);
    await phone.getByTestId('counted-round').getByTestId('round-tracker-link').click();
    await phone.getByTestId('tracker-ballots').waitFor(WAIT);
    // Typed as one might: lower case, without the dash.
    await inputOf(phone, 'tracker-search').fill(receipt.toLowerCase().replace('-', ''));
    await inputOf(phone, 'tracker-search').press('Enter');
    const mine = phone.locator(`[data-testid="tracker-ballots"] tr[data-row-key="${receipt}"]`);
    await expect.poll(() => textOf(mine), WAIT).toContain('查到的选票');
    expect((await mine.innerText()).replace(/\s+/g, '')).toContain('赞成曾林波、蔡华玲');
    await expectNoSidewaysScroll(phone);

    // Round 2, between the tied, opens from the button the count offers.
    await counted1.getByRole('button', { name: '开始第 2 轮投票（得票相同者）' }).click();
    await page.locator('.ant-message').getByText('第 2 轮投票已开始').waitFor(WAIT);
    const round2Card = page.locator('[data-testid="manage-round"][data-round="2"]');
    await expect.poll(() => textOf(round2Card), WAIT).toContain('第 2 轮 · 应选 1 名');
    const round2 = (await detailOf(desk.context.request, id)).rounds.find((r) => r.number === 2)!;
    await votePhone(phone, electionPath, ROUND2.phone, null);
    await recordPaperCount(page, ROUND2.issued, ROUND2.paper.length);
    await enterPaper([desk.context.request, counterSide.context.request], round2.id, ROUND2.paper, 1, idByName);

    // Counted: 曾林波 wins the second seat, and the steps say why.
    const counted2 = await count(page, 2);
    await expect.poll(() => textOf(counted2.getByTestId('outcome-headline')), WAIT).toBe('当选：曾林波（64 票）');
    const steps2 = await stepsOf(counted2);
    expect(steps2.some((s) => s.includes('曾林波 得赞成票 64 票（不赞成 17 票，弃权 0 票），超过半数'))).toBe(true);
    expect(steps2.some((s) => s.includes('蔡华玲 得赞成票 17 票（不赞成 64 票，弃权 0 票），未超过半数，不能当选'))).toBe(true);
    expect(steps2.some((s) => s.includes('曾林波 当选（赞成票 64 票）'))).toBe(true);
    expect(steps2.some((s) => s.includes('应选 1 名，当选 1 名，名额已满'))).toBe(true);
    await expect.poll(() => textOf(page.getByTestId('election-elected')), WAIT).toBe('白博成（第 1 轮 58 票）、曾林波（第 2 轮 64 票）');
    // From the top, so that the fixed header of the full-page picture sits over the header, not over the count.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'election-3-round2-outcome.png');

    // The chair closes the election; the voter's phone lists those elected; the result report downloads.
    await page.getByTestId('election-close').click();
    const close = await confirmDialog(page, `结束${TITLE}？`);
    expect(await close.innerText()).toContain('当选：白博成、曾林波');
    await close.getByRole('button', { name: '结束选举' }).click();
    await page.locator('.ant-message').getByText('选举已结束').waitFor(WAIT);
    const report = await desk.context.request.get(`/api/v1/elections/${id}/report.docx`);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('officedocument.wordprocessingml');
    const zip = await JSZip.loadAsync(await report.body());
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(TITLE);
    for (const name of ['白博成', '曾林波']) expect(text).toContain(name);
    await phone.goto(electionPath);
    await expect.poll(() => textOf(phone.getByTestId('election-elected')), WAIT).toContain('白博成');
    expect(await textOf(phone.getByTestId('election-elected'))).toContain('曾林波');

    await Promise.all([desk.context.close(), counterSide.context.close(), voterSide.context.close()]);
  });
});
