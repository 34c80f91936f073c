import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { logIn, logOut, submitLogin } from './support/session.js';

const stage = useStage();

const UNION = '示例第三小学工会';
const CHAIR = { name: '欧阳晓雯', phone: '13712340001' };
const COMMITTEE = { name: '司马建平', phone: '13712340002' };
const NEW_PASSWORD = 'Xiaowen2026';

/** A node of the organisation tree by its name (its accessible name is "[caret-down] 名称 类型 N 人"). */
const treeNode = (page: Page, name: string) => page.getByRole('treeitem', { name: new RegExp(`(^|\\s)${name} `) });

/** Picks an option of an antd Select opened from the form field with the given label. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').locator(`.ant-select-item-option[title="${option}"]`).click();
}

/**
 * Waits until no modal is on screen. A closing antd modal drops its title at once (so a locator by name stops
 * matching) but stays visible during its animation; screenshots and clicks must wait for it to be gone.
 */
async function modalsGone(page: Page) {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
}

/** Reads the password from the one-time password modal, checks what it says, and closes it. */
async function takeOneTimePassword(page: Page, title: string, login: string, shot: string): Promise<string> {
  const modal = page.getByRole('dialog', { name: title });
  await modal.waitFor();
  const text = await modal.innerText();
  expect(text).toContain(`登录账号：${login}`);
  expect(text).toContain('此密码只显示这一次');
  const password = (await modal.locator('code').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: path.join(shots, shot) });
  await modal.getByRole('button', { name: '我已记下' }).click();
  await modalsGone(page);
  return password;
}

describe('story: the platform admin opens a school union, its chair takes over and appoints a committee member', () => {
  it('walks the whole path in Chromium', async () => {
    const admin = stage.server.accounts.find((a) => a.role === '平台管理员');
    expect(admin, 'the platform admin is printed at first start').toBeTruthy();
    const page = await stage.browser.newPage({ baseURL: stage.server.baseUrl, viewport: { width: 1280, height: 900 } });

    // The admin opens 组织管理 and adds a grassroots union under the district union, naming its chair.
    await logIn(page, admin!.login, admin!.password);
    await page.getByRole('menuitem', { name: '组织管理' }).click();
    await page.waitForURL(/\/orgs$/);
    await treeNode(page, '示例区教育工会').click();
    const detail = page.getByTestId('org-detail');
    await expect.poll(() => detail.locator('.ant-card-head-title').innerText()).toBe('示例区教育工会');
    await detail.getByRole('button', { name: '新建基层工会' }).click();
    const create = page.getByRole('dialog', { name: '新建基层工会' });
    await create.waitFor();
    expect(await create.innerText()).toContain('上级组织：示例区教育工会');
    await create.getByLabel('基层工会名称').fill(UNION);
    await create.getByRole('textbox', { name: '姓名' }).fill(CHAIR.name);
    await create.getByRole('textbox', { name: '手机号' }).fill(CHAIR.phone);
    await page.screenshot({ path: path.join(shots, 'org-1-create-union.png') });
    await create.getByRole('button', { name: /新\s*建/ }).click();

    // The chair's account is opened with a password shown this once.
    const temporary = await takeOneTimePassword(page, `已为工会主席 ${CHAIR.name} 开通账号`, CHAIR.phone, 'org-2-chair-password.png');
    await treeNode(page, UNION).waitFor();
    await expect.poll(() => detail.locator('.ant-card-head-title').innerText()).toBe(UNION);
    const unionFacts = await detail.innerText();
    expect(unionFacts).toContain('基层工会');
    expect(unionFacts).toContain('示例区教育工会');
    await expect.poll(() => page.getByTestId('org-roles').innerText()).toContain(CHAIR.name);
    expect(await page.getByTestId('org-roles').innerText()).toContain('工会主席');
    await logOut(page);

    // The new chair logs in with the temporary password and is sent to change it first.
    await logIn(page, CHAIR.phone, temporary);
    await page.waitForURL(/\/profile$/);
    await page.getByText('您正在使用临时密码', { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).toContain('为了账号安全，请先设置只有您自己知道的新密码。');
    await page.screenshot({ path: path.join(shots, 'org-3-must-change.png'), fullPage: true });
    await page.getByLabel('原密码').fill(temporary);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，其他设备上的登录已退出').waitFor();
    await page.getByText('您正在使用临时密码', { exact: true }).waitFor({ state: 'detached' });

    // In 组织管理 the chair sees their own union and adds a group to it.
    await page.getByRole('menuitem', { name: '组织管理' }).click();
    await page.waitForURL(/\/orgs$/);
    await expect.poll(() => detail.locator('.ant-card-head-title').innerText()).toBe(UNION);
    expect(await page.getByRole('treeitem').count()).toBe(1);
    await detail.getByRole('button', { name: '新建工会小组' }).click();
    const createGroup = page.getByRole('dialog', { name: '新建工会小组' });
    await createGroup.getByLabel('工会小组名称').fill('语文组');
    await createGroup.getByLabel('对应部门或教研组').fill('语文组');
    await createGroup.getByRole('button', { name: /新\s*建/ }).click();
    await modalsGone(page);
    await treeNode(page, '语文组').waitFor();
    await expect.poll(() => detail.locator('.ant-card-head-title').innerText()).toBe('语文组');
    expect(await detail.innerText()).toContain(UNION);

    // Back on the union, the chair appoints a teacher (not yet on any roster) as 工会委员 for 文体.
    await treeNode(page, UNION).click();
    await expect.poll(() => detail.locator('.ant-card-head-title').innerText()).toBe(UNION);
    const roles = page.getByTestId('org-roles');
    await roles.getByRole('button', { name: /任\s*命角色/ }).click();
    const assign = page.getByRole('dialog', { name: `任命角色 · ${UNION}` });
    await assign.waitFor();
    await assign.getByText('填写姓名和手机号', { exact: true }).click();
    await assign.getByRole('textbox', { name: '姓名' }).fill(COMMITTEE.name);
    await assign.getByRole('textbox', { name: '手机号' }).fill(COMMITTEE.phone);
    await choose(page, assign, '角色', '工会委员');
    await choose(page, assign, '分工', '文体');
    await page.screenshot({ path: path.join(shots, 'org-4-appoint.png') });
    await assign.getByRole('button', { name: /任\s*命/ }).click();
    await takeOneTimePassword(page, `已为 ${COMMITTEE.name} 开通账号`, COMMITTEE.phone, 'org-5-committee-password.png');
    const holder = roles.getByRole('row').filter({ hasText: COMMITTEE.name });
    await expect.poll(() => holder.innerText()).toContain('工会委员（文体）');
    expect(await roles.getByRole('row').filter({ hasText: CHAIR.name }).innerText()).toContain('工会主席');
    await page.screenshot({ path: path.join(shots, 'org-6-roles.png'), fullPage: true });
    await logOut(page);

    // The temporary password no longer works; the new one does, and leads home instead of to 个人中心.
    expect(await submitLogin(page, CHAIR.phone, temporary)).toBe(401);
    await page.getByText('账号或密码不正确').waitFor();
    await logIn(page, CHAIR.phone, NEW_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: UNION }).waitFor();
    await expect.poll(() => page.getByTestId('stat-card').filter({ hasText: '工会小组' }).innerText()).toMatch(/工会小组\s*1\s*个/);
    expect(await page.getByRole('row').filter({ hasText: '语文组' }).innerText()).toContain('0 人');
    expect(await page.locator('body').innerText()).not.toContain('临时密码');
    await page.screenshot({ path: path.join(shots, 'org-7-home.png'), fullPage: true });
    await page.close();
  });
});
