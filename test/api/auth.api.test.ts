import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchool, buildUser, createTestApp, login, TEST_PASSWORD } from '../support/test-app.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('log-in', () => {
  it('logs in with a phone number, sets an HttpOnly SameSite cookie, and /me answers', async () => {
    const { union } = await buildSchool(t.database);
    const user = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.phone, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const { cookie: c } = await login(t.app, user.phone!);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: c } });
    expect(me.json().currentOrg.id).toBe(union.id);
    expect(me.json().abilities).toContain('member.import');
  });

  it('locks an account after 5 wrong passwords with a message that says how long to wait', async () => {
    const user = await buildUser(t.database);
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.phone, password: 'wrong-pass1' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.phone, password: 'wrong-pass1' } });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.message).toMatch(/请 1[45] 分钟后再试/);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.phone, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
  });
});
