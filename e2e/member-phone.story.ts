import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { shots, useStage } from './support/stage.js';
import { logIn, submitLogin } from './support/session.js';

const PHONE = { width: 375, height: 812 };
const stage = useStage();

/** A phone-sized browser profile of its own (no cookies, no remembered language). */
function phoneContext(): Promise<BrowserContext> {
  return stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/** The page is no wider than the phone: nothing sticks out sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
}

/** The side menu drawer of the phone layout. */
const menuDrawer = (page: Page) => page.locator('.ant-drawer').filter({ has: page.getByRole('menu') });

/** Waits until nothing inside the element is moving (drawer slides, toggle thumbs), so screenshots show the end state. */
async function settled(element: Locator) {
  await expect.poll(() => element.evaluate((e) => e.getAnimations({ subtree: true }).length)).toBe(0);
}

/** Opens the side menu drawer with the header's menu button and waits until it has slid in. */
async function openMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '打开菜单' }).click();
  const drawer = menuDrawer(page);
  await drawer.getByRole('menu').waitFor();
  await settled(drawer);
  return drawer;
}

/** Waits until the drawer has slid away (antd hides it at the end of its animation). */
async function menuClosed(page: Page) {
  await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
}

describe('story: a member uses the app on a phone, and a chair locks their account by mistyping', () => {
  it('walks the whole path in Chromium at 375 px', async () => {
    const member = stage.server.accounts.find((a) => a.role.startsWith('会员·'));
    const chair = stage.server.accounts.find((a) => a.role.startsWith('工会主席·示例第一中学'));
    expect(member, 'a plain member is printed at first start').toBeTruthy();
    expect(chair, 'the demo chair is printed at first start').toBeTruthy();

    const context = await phoneContext();
    const page = await context.newPage();

    // The member logs in and sees their union's real figures.
    await logIn(page, member!.login, member!.password);
    await page.getByRole('heading', { name: '示例第一中学工会' }).waitFor();
    const onRoll = page.getByTestId('stat-card').filter({ hasText: '在册会员' });
    await expect.poll(() => onRoll.innerText()).toMatch(/在册会员\s*120\s*人/);
    expect(await page.getByText('我的职务：会员').count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, 'phone-1-home.png'), fullPage: true });

    // The menu is a drawer offering what a member may open, and nothing of the chair's tools.
    const drawer = await openMenu(page);
    await drawer.getByRole('menuitem', { name: '首页' }).waitFor();
    const entries = await drawer.getByRole('menuitem').allInnerTexts();
    expect(entries).toContain('个人中心');
    expect(entries).not.toContain('导入会员');
    expect(entries).not.toContain('操作记录');
    await page.screenshot({ path: path.join(shots, 'phone-2-menu.png') });

    // 个人中心 names them and leads to their own member file, with their own phone number in full.
    await drawer.getByRole('menuitem', { name: '个人中心' }).click();
    await page.waitForURL(/\/profile$/);
    await menuClosed(page);
    const account = page.locator('.ant-card').filter({ hasText: '我的账号' });
    expect(await account.innerText()).toContain(member!.name);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, 'phone-3-profile.png'), fullPage: true });
    await page.getByRole('link', { name: '查看我的会员档案' }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('member-name').innerText()).toBe(member!.name);
    const info = await page.getByTestId('member-info').innerText();
    expect(info).toContain(member!.login);
    expect(info).not.toMatch(/\d{3}\*{4}\d{4}/);
    // A member cannot open the roster, so the file offers no way back to it.
    expect(await page.getByRole('link', { name: '返回会员名册' }).count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, 'phone-4-own-file.png'), fullPage: true });

    // The language toggle in the drawer turns the shell to English, and back.
    await openMenu(page);
    await drawer.getByText('English', { exact: true }).click();
    await drawer.getByRole('menuitem', { name: 'My profile' }).waitFor();
    expect(await drawer.getByRole('menuitem', { name: 'Home' }).count()).toBe(1);
    expect(await drawer.innerText()).toContain('Current organisation');
    await settled(drawer);
    await page.screenshot({ path: path.join(shots, 'phone-5-english.png') });
    await drawer.getByText('中文', { exact: true }).click();
    await drawer.getByRole('menuitem', { name: '个人中心' }).waitFor();
    expect(await drawer.getByRole('menuitem', { name: 'My profile' }).count()).toBe(0);
    await drawer.getByRole('menuitem', { name: '首页' }).click();
    await menuClosed(page);
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.getByRole('button', { name: '打开菜单' }).count()).toBe(1);
    await context.close();

    // Someone else, logged out on another phone, mistypes the chair's password five times: the account locks.
    const fresh = await phoneContext();
    const login = await fresh.newPage();
    await login.goto('/login');
    const alert = login.getByRole('alert');
    for (let i = 1; i <= 5; i++) {
      const status = await submitLogin(login, chair!.login, `Wrong${i}pass`);
      expect(status, `attempt ${i}`).toBe(i < 5 ? 401 : 429);
      await expect.poll(() => alert.innerText()).toContain(i < 5 ? '账号或密码不正确' : '分钟后再试');
    }
    expect(await alert.innerText()).toMatch(/密码错误次数过多，请 \d+ 分钟后再试/);
    await expectNoSidewaysScroll(login);
    await login.screenshot({ path: path.join(shots, 'phone-6-locked.png'), fullPage: true });

    // Even the right password is refused until the lock runs out.
    expect(await submitLogin(login, chair!.login, chair!.password)).toBe(429);
    await expect.poll(() => alert.innerText()).toContain('分钟后再试');
    expect(new URL(login.url()).pathname).toBe('/login');
    await fresh.close();
  });
});
