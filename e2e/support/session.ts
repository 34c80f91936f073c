import type { Page, Response } from 'playwright-core';

/** Resolves with the answer to the next POST /api/v1/auth/login made by the page. */
export function nextLoginAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST');
}

/**
 * Fills the login form (the page must be on /login) and submits it; resolves with the server's HTTP status
 * once it has answered, without waiting for any navigation.
 */
export async function submitLogin(page: Page, login: string, password: string): Promise<number> {
  await page.getByLabel('手机号或工号').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const answer = nextLoginAnswer(page);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return (await answer).status();
}

/** Opens /login, logs in and waits until the client has left the login page. */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  const status = await submitLogin(page, login, password);
  if (status !== 200) throw new Error(`log-in as ${login} answered ${status}`);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Logs out through the user menu in the header and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '用户菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/login'));
  await page.getByLabel('手机号或工号').waitFor();
}
