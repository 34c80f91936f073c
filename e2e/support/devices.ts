import path from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { runningAnimations } from './browser.js';
import { logIn } from './session.js';
import type { PrintedAccount, RunningServer } from './server.js';
import { shots } from './stage.js';

/** A member's phone. */
export const PHONE = { width: 375, height: 812 };
/** An organiser's (or a teller's) desk. */
export const DESKTOP = { width: 1280, height: 900 };
/** A window size. */
export type Viewport = typeof PHONE;

/** Long enough for a request and a re-render on a busy machine (the live pages poll every 5–10 s). */
export const WAIT = { timeout: 20_000 };

/**
 * A browser profile of its own (no cookies) of the given size, its clock in Shanghai as the school's are: a phone
 * is a touch device at twice the pixels.
 */
export function newContext(stage: { readonly server: RunningServer; readonly browser: Browser }, viewport: Viewport): Promise<BrowserContext> {
  const isPhone = viewport.width === PHONE.width;
  return stage.browser.newContext({ baseURL: stage.server.baseUrl, viewport, deviceScaleFactor: isPhone ? 2 : 1, isMobile: isPhone, hasTouch: isPhone, timezoneId: 'Asia/Shanghai' });
}

/** Logs a demo account in on a fresh profile of the given size. */
export async function openAs(stage: { readonly server: RunningServer; readonly browser: Browser }, person: PrintedAccount, viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(stage, viewport);
  const page = await context.newPage();
  await logIn(page, person.login, person.password);
  return { context, page };
}

/** The demo accounts of 示例第一中学 by name, as printed at first start. */
export function accountsByName(server: RunningServer): Map<string, PrintedAccount> {
  return new Map(server.accounts.filter((a) => a.role.endsWith('·示例第一中学') && a.role !== '承办部门·示例第一中学').map((a) => [a.name, a]));
}

/** The text of a locator, or '' while it is not on the page. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.count()) ? (await locator.first().innerText()).trim() : '';
}

/** The page is no wider than the phone: nothing sticks out sideways. */
export async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(PHONE.width);
}

/**
 * Waits until the page has stopped moving. A dialog zooms in from where it was opened and a dropdown slides in; on a
 * starved CPU the click aimed at a button still on its way can land beside it, so clicks inside them wait for this.
 */
export async function settle(page: Page) {
  await expect.poll(() => runningAnimations(page), WAIT).toBe(0);
}

/** A screenshot of the whole page once it has stopped moving (messages fading, dialogs opening). */
export async function shoot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

/** The confirmation dialog whose text contains `title`, opened and settled: ready for its buttons. */
export async function confirmDialog(page: Page, title: string): Promise<Locator> {
  const dialog = page.locator('.ant-modal-confirm').filter({ hasText: title });
  await dialog.waitFor(WAIT);
  await settle(page);
  return dialog;
}

/**
 * Opens an antd Select, puts `text` in its search box (replacing what an earlier pick left there: a multiple select
 * keeps its search text) and picks the visible option containing it.
 */
export async function pick(page: Page, select: Locator, text: string) {
  await select.click();
  await select.locator('input').fill(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor(WAIT);
  await settle(page);
  await option.click();
  await page.keyboard.press('Escape');
}
