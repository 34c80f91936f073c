import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { useStage } from './support/stage.js';
import { accountsByName, confirmDialog, DESKTOP, expectNoSidewaysScroll, openAs, PHONE, pick, settle, shoot, textOf, WAIT } from './support/devices.js';

const stage = useStage();
/** Not the demo's own evaluation of the school's leaders (open to the congress representatives): one of the middle managers. */
const TITLE = '2026年度中层干部民主测评';
const TARGETS = [
  { name: '王立新', post: '教务处主任' },
  { name: '赵静', post: '总务处主任' },
];
const DIMENSIONS = ['政治思想', '工作能力与实绩', '民主作风', '为人师表', '廉洁自律'];
const GRADES = ['好', '较好', '一般', '差'];
const OVERALL = ['优秀', '称职', '基本称职', '不称职'];
const COMMENT = '希望多深入课堂，多听取一线教师的意见。';
/** Every demo account of the school is on the list (9 people); three plain members vote, so the minimum is lowered to 3. */
const ELIGIBLE = 9;
const MIN_GROUP = 3;

/** What each voter chooses: per target a grade index (0 = 好) for each dimension and an overall grade index (0 = 优秀). */
const CHOICES: Record<string, { grades: number[]; overall: number }[]> = {
  邵佳丹: [
    { grades: [0, 0, 0, 0, 0], overall: 0 },
    { grades: [1, 1, 1, 1, 1], overall: 1 },
  ],
  刘明: [
    { grades: [1, 1, 1, 1, 1], overall: 0 },
    { grades: [0, 0, 0, 0, 0], overall: 0 },
  ],
  李凯浩: [
    { grades: [0, 0, 1, 2, 0], overall: 1 },
    { grades: [2, 2, 2, 2, 3], overall: 2 },
  ],
};

/** The counts per grade the results should show for target `t`, row by row (the dimensions, then 总体评价). */
function expectedCounts(t: number): number[][] {
  const rows = [...DIMENSIONS.map(() => GRADES.map(() => 0)), OVERALL.map(() => 0)];
  for (const choice of Object.values(CHOICES)) {
    choice[t].grades.forEach((g, i) => (rows[i][g] += 1));
    rows[DIMENSIONS.length][choice[t].overall] += 1;
  }
  return rows;
}

/** The counts a target's result table shows, row by row. */
async function shownCounts(table: Locator): Promise<number[][]> {
  return table.locator('tr:has(th[scope="row"])').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('.uh-ev-count')].map((c) => Number(c.textContent))));
}

/** The number under a 参评 figure (应参评, 实际参评 …) on a card. */
async function statistic(card: Locator, title: string): Promise<string> {
  return (await textOf(card.locator('.ant-statistic').filter({ has: card.page().locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) }).locator('.ant-statistic-content'))).replace(/\s+/g, '');
}

/** Sets a day-and-time control to now: 今天 on the day, 此刻 on the time (rounded down to 5 minutes, so not in the future). */
async function setNow(page: Page, testId: string) {
  for (const [part, button] of [
    ['date', '今天'],
    ['time', '此刻'],
  ]) {
    await page.getByTestId(`${testId}-${part}`).click();
    const dropdown = page.locator('.ant-picker-dropdown:visible');
    await dropdown.getByText(button, { exact: true }).waitFor(WAIT);
    await settle(page);
    await dropdown.getByText(button, { exact: true }).click();
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count(), WAIT).toBe(0);
  }
}

/**
 * A plain member, on the phone, finds the evaluation in 民主测评, rates every target as planned (`isFirst`: with a
 * comment on the first, and photographed), submits, and on coming back finds it done.
 */
async function vote(name: string, isFirst: boolean) {
  const person = accountsByName(stage.server).get(name)!;
  const { context, page } = await openAs(stage, person, PHONE);
  await page.goto('/evaluations');
  const card = page.locator(`[data-testid="evaluation-card"][data-evaluation-title="${TITLE}"]`);
  await expect.poll(() => textOf(card.getByTestId('evaluation-card-vote')), WAIT).toBe('去测评');
  await card.click();
  const targets = page.getByTestId('ballot-target');
  await expect.poll(() => targets.count(), WAIT).toBe(TARGETS.length);
  const submit = page.getByTestId('ballot-submit');
  expect(await submit.isDisabled(), 'nothing rated yet: 提交 waits').toBe(true);
  for (const [t, target] of TARGETS.entries()) {
    const ballot = page.locator(`[data-testid="ballot-target"][data-target-name="${target.name}"]`);
    expect(await ballot.innerText()).toContain(target.post);
    const choice = CHOICES[name][t];
    for (const [i, g] of choice.grades.entries()) await ballot.getByTestId(`ballot-dimension-${i}`).locator('.ant-radio-button-wrapper').nth(g).click();
    await ballot.getByTestId('ballot-overall').locator('.ant-radio-button-wrapper').nth(choice.overall).click();
    if (isFirst && t === 0) await ballot.getByTestId('ballot-comment').fill(COMMENT);
    await expect.poll(() => textOf(ballot.locator('.ant-card-extra')), WAIT).toBe('已完成');
  }
  await expect.poll(() => textOf(page.getByTestId('ballot-progress')), WAIT).toBe(`已完成 ${TARGETS.length}/${TARGETS.length} 人`);
  expect(await submit.isEnabled()).toBe(true);
  await expectNoSidewaysScroll(page);
  if (isFirst) {
    // From the top, so that the fixed header of the full-page picture sits over the title, not over a grade row.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'evaluation-1-phone-ballot.png');
  }
  await submit.click();
  const confirm = await confirmDialog(page, '确认提交测评？');
  await confirm.getByRole('button', { name: /提\s*交/ }).click();
  const done = page.getByTestId('ballot-done');
  await done.waitFor(WAIT);
  expect(await done.innerText()).toContain('提交成功，感谢您的参与');
  if (isFirst) await shoot(page, 'evaluation-2-phone-done.png');

  // A second visit: the card says 已提交 and the ballot is not offered again.
  await page.goto('/evaluations');
  await expect.poll(() => textOf(card.getByTestId('evaluation-card-voted')), WAIT).toBe('已提交');
  await card.click();
  await expect.poll(() => textOf(page.getByTestId('ballot-refusal')), WAIT).toContain('每人只能提交一次');
  expect(await page.getByText('您已提交测评').count()).toBe(1);
  expect(await page.getByTestId('ballot-target').count()).toBe(0);
  await context.close();
}

describe('story: the chair sets up a democratic evaluation, members rate the leaders on their phones, the chair ends it and reads the results and the report', () => {
  it('walks the evaluation path: the chair at a desk (1280 px), three members on phones (375 px)', async () => {
    const people = accountsByName(stage.server);
    const chair = people.get('付超伟')!;
    expect(chair, 'the demo chair is printed at first start').toBeTruthy();
    const voterNames = [...people.keys()];
    expect(voterNames.length, 'the demo accounts of the school').toBe(ELIGIBLE);
    for (const name of Object.keys(CHOICES)) expect(voterNames).toContain(name);

    // The chair sets it up: two targets with their posts, the default dimensions and grades, the demo accounts as voters.
    const desk = await openAs(stage, chair, DESKTOP);
    const page = desk.page;
    await page.goto('/evaluations');
    await page.getByTestId('evaluation-new').click();
    await page.getByTestId('evaluation-form').waitFor(WAIT);
    await page.getByTestId('evaluation-title').fill(TITLE);
    await page.getByPlaceholder(/请根据各位领导/).fill('请根据两位主任本年度的工作表现，实事求是地作出评价。');
    await setNow(page, 'evaluation-opens-at');
    const targets = page.getByTestId('evaluation-targets');
    for (const [i, t] of TARGETS.entries()) {
      if (i > 0) await page.getByTestId('evaluation-target-add').click();
      await targets.getByLabel(`第 ${i + 1} 位测评对象姓名`).fill(t.name);
      await targets.getByLabel(`第 ${i + 1} 位测评对象职务`).fill(t.post);
    }
    const listed = (name: string) => page.getByTestId(`evaluation-${name}`).locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(await listed('dimensions')).toEqual(DIMENSIONS);
    expect(await listed('grades')).toEqual(GRADES);
    expect(await listed('overallGrades')).toEqual(OVERALL);
    await page.getByTestId('evaluation-voters-kind').getByText('指定人员', { exact: true }).click();
    for (const name of voterNames) await pick(page, page.getByTestId('evaluation-voters-members'), name);
    await page.getByTestId('evaluation-min-group').fill(String(MIN_GROUP));
    await page.getByTestId('evaluation-save').click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/, WAIT);
    const id = /evaluations\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await expect.poll(() => textOf(page.getByTestId('evaluation-phase')), WAIT).toBe('草稿');
    expect(await textOf(page.getByTestId('evaluation-voters-label'))).toContain(`${ELIGIBLE} 人`);

    // Published: the roll is fixed, and voting is open at once (it opens now).
    await page.getByTestId('evaluation-publish').click();
    const publish = await confirmDialog(page, `发布“${TITLE}”？`);
    await publish.getByRole('button', { name: /发\s*布/ }).click();
    await page.locator('.ant-message').getByText('已发布，参评人员已收到通知').waitFor(WAIT);
    await expect.poll(() => textOf(page.getByTestId('evaluation-phase')), WAIT).toBe('测评中');
    const participation = page.getByTestId('evaluation-participation');
    await expect.poll(() => statistic(participation, '应参评'), WAIT).toBe(`${ELIGIBLE}人`);
    expect(await statistic(participation, '已参评')).toBe('0人');

    // No result before the close: the page says so and the API refuses.
    await page.goto(`/evaluations/${id}/results`);
    await page.getByText('测评结束后才能查看结果').waitFor(WAIT);
    expect(await page.getByTestId('results-participation').count()).toBe(0);
    expect((await desk.context.request.get(`/api/v1/evaluations/${id}/results`)).status()).toBe(409);
    expect((await desk.context.request.get(`/api/v1/evaluations/${id}/report.docx`)).status()).toBe(409);

    // Three members vote on their phones; the first also writes a comment and is photographed.
    await vote('邵佳丹', true);
    await vote('刘明', false);
    await vote('李凯浩', false);

    // The chair sees 3 of 9 and ends it early (提前结束).
    await page.goto(`/evaluations/${id}`);
    await expect.poll(() => statistic(participation, '已参评'), WAIT).toBe('3人');
    await page.getByTestId('evaluation-close').click();
    const close = await confirmDialog(page, '现在结束测评？');
    expect(await close.innerText()).toContain(`目前已参评 3 / ${ELIGIBLE} 人`);
    await close.getByRole('button', { name: '结束测评' }).click();
    await page.locator('.ant-message').getByText('测评已结束').waitFor(WAIT);
    await expect.poll(() => textOf(page.getByTestId('evaluation-phase')), WAIT).toBe('已结束');

    // The results: 应参评 9, 实际参评 3, 参评率 33.3%, and per target the counts each grade got.
    await page.getByTestId('evaluation-results').click();
    const figures = page.getByTestId('results-participation');
    await figures.waitFor(WAIT);
    expect(await statistic(figures, '应参评')).toBe(`${ELIGIBLE}人`);
    expect(await statistic(figures, '实际参评')).toBe('3人');
    expect(await statistic(figures, '参评率')).toBe('33.3%');
    expect(await page.getByTestId('results-too-few').count()).toBe(0);
    for (const [t, target] of TARGETS.entries()) {
      const result = page.locator(`[data-testid="result-target"][data-target-name="${target.name}"]`).first();
      await result.waitFor(WAIT);
      expect(await result.innerText()).toContain(target.post);
      expect(await shownCounts(result), `${target.name}: counts per grade`).toEqual(expectedCounts(t));
      const comments = await textOf(result.getByTestId('result-comments'));
      if (t === 0) expect(comments).toContain(COMMENT);
      else expect(comments).toContain('意见建议（0 条）');
    }
    await shoot(page, 'evaluation-3-results.png');

    // The report (Word) downloads with the same figures.
    const href = await page.getByTestId('results-docx').getAttribute('href');
    expect(href).toBe(`/api/v1/evaluations/${id}/report.docx`);
    const res = await desk.context.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('officedocument.wordprocessingml');
    const zip = await JSZip.loadAsync(await res.body());
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain(TITLE);
    expect(text).toContain(`应参评 ${ELIGIBLE} 人，实际参评 3 人，参评率 33.3%`);
    for (const t of TARGETS) expect(text).toContain(t.name);
    await desk.context.close();
  });
});
