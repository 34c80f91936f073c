import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { buildMember, buildSchool, buildUser, createTestApp, login, TEST_PASSWORD } from '../support/test-app.js';
import { attemptLogin, nextAddress, signIn } from '../support/api.js';

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

describe('log-in by 工号, failures, log-out', () => {
  it('logs in with the staff number (工号) of a roster row linked to the account', async () => {
    const { union } = await buildSchool(t.database);
    const user = await buildUser(t.database, [{ org: union, role: 'member' }], { name: '周老师' });
    await buildMember(t.database, union, { name: '周老师', staffNo: 'GH2024001', userId: user.id });
    const res = await attemptLogin(t.app, 'GH2024001', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(user.id);
    expect(res.json().user.displayName).toBe('周老师');
  });

  it('a 工号 used by accounts in two unions cannot be used to log in: the message says to use the phone', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const ua = await buildUser(t.database, [{ org: a.union, role: 'member' }]);
    const ub = await buildUser(t.database, [{ org: b.union, role: 'member' }]);
    await buildMember(t.database, a.union, { staffNo: 'SHARED-7', userId: ua.id });
    await buildMember(t.database, b.union, { staffNo: 'SHARED-7', userId: ub.id });
    const res = await attemptLogin(t.app, 'SHARED-7', TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('该工号在多个单位出现，请改用手机号登录');
    expect((await attemptLogin(t.app, ua.phone!, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 and a Chinese message, without setting a cookie', async () => {
    const user = await buildUser(t.database);
    const res = await attemptLogin(t.app, user.phone!, 'not-the-password1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('BAD_CREDENTIALS');
    expect(res.json().error.message).toBe('账号或密码不正确');
    expect(res.headers['set-cookie']).toBeUndefined();
    // An unknown account gets exactly the same answer.
    const unknown = await attemptLogin(t.app, '13999999999', 'not-the-password1');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('账号或密码不正确');
  });

  it('log-out ends the session: /me then answers 401', async () => {
    const user = await buildUser(t.database);
    const c = await signIn(t.app, user.phone!);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/uh_session=;/);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('changing one’s own password', () => {
  it('names oldPassword when the old password is wrong', async () => {
    const user = await buildUser(t.database);
    const c = await signIn(t.app, user.phone!);
    const res = await c.put('/api/v1/me/password', { oldPassword: 'wrong-old-1', newPassword: 'NewPassw0rd' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['oldPassword']);
    expect(res.json().error.message).toContain('原密码');
  });

  it('names newPassword when the new password is weak', async () => {
    const user = await buildUser(t.database);
    const c = await signIn(t.app, user.phone!);
    for (const weak of ['short1', 'onlyletters', '1234567890']) {
      const res = await c.put('/api/v1/me/password', { oldPassword: TEST_PASSWORD, newPassword: weak });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('newPassword');
      expect(res.json().error.message).toMatch(/密码/);
    }
    // Nothing changed: the old password still works.
    await signIn(t.app, user.phone!);
  });

  it('ends the user’s other sessions, keeps this one, and only the new password works afterwards', async () => {
    const user = await buildUser(t.database);
    const here = await signIn(t.app, user.phone!);
    const elsewhere = await signIn(t.app, user.phone!);
    const res = await here.put('/api/v1/me/password', { oldPassword: TEST_PASSWORD, newPassword: 'Br4ndNewPass' });
    expect(res.statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await attemptLogin(t.app, user.phone!, TEST_PASSWORD)).statusCode).toBe(401);
    const again = await attemptLogin(t.app, user.phone!, 'Br4ndNewPass');
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(false);
  });
});

describe('password reset by an administrator', () => {
  it('a platform admin resets anyone: a one-time temporary password that works and must be changed', async () => {
    const admin = await buildUser(t.database, [], { isPlatformAdmin: true });
    const { union } = await buildSchool(t.database);
    const victim = await buildUser(t.database, [{ org: union, role: 'committee', portfolio: '宣传' }]);
    const victimSession = await signIn(t.app, victim.phone!);
    const a = await signIn(t.app, admin.phone!);
    const res = await a.post(`/api/v1/users/${victim.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const temp = res.json().temporaryPassword as string;
    expect(temp).toMatch(/^[A-Za-z0-9]{10}$/);
    // Signed out everywhere, the old password is gone, the temporary one works and must be changed.
    expect((await victimSession.get('/api/v1/me')).statusCode).toBe(401);
    expect((await attemptLogin(t.app, victim.phone!, TEST_PASSWORD)).statusCode).toBe(401);
    const login = await attemptLogin(t.app, victim.phone!, temp);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('a chair resets a member of their own union', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const teacher = await buildUser(t.database, [{ org: union, role: 'member' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.post(`/api/v1/users/${teacher.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const login = await attemptLogin(t.app, teacher.phone!, res.json().temporaryPassword);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it('a chair of school A cannot reset a user of school B (404), and B’s password is untouched', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const chairA = await buildUser(t.database, [{ org: a.union, role: 'chair' }]);
    const userB = await buildUser(t.database, [{ org: b.union, role: 'member' }]);
    const c = await signIn(t.app, chairA.phone!);
    const res = await c.post(`/api/v1/users/${userB.id}/reset-password`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await attemptLogin(t.app, userB.phone!, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a chair cannot take over an account that also holds a role elsewhere (another school, the district)', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const chairA = await buildUser(t.database, [{ org: a.union, role: 'chair' }]);
    // A teacher on A's roster who is also the chair of school B, and a district admin who is a member of A.
    const dual = await buildUser(t.database, [{ org: a.union, role: 'member' }, { org: b.union, role: 'chair' }]);
    const districtAdmin = await buildUser(t.database, [{ org: a.union, role: 'member' }, { org: a.district, role: 'parent_admin' }]);
    const c = await signIn(t.app, chairA.phone!);
    for (const target of [dual, districtAdmin]) {
      const res = await c.post(`/api/v1/users/${target.id}/reset-password`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('平台管理员');
      expect((await attemptLogin(t.app, target.phone!, TEST_PASSWORD)).statusCode).toBe(200);
    }
  });

  it('a plain member cannot reset anybody’s password (403)', async () => {
    const { union } = await buildSchool(t.database);
    const member = await buildUser(t.database, [{ org: union, role: 'member' }]);
    const other = await buildUser(t.database, [{ org: union, role: 'member' }]);
    const c = await signIn(t.app, member.phone!);
    expect((await c.post(`/api/v1/users/${other.id}/reset-password`)).statusCode).toBe(403);
  });
});

describe('switching organisation', () => {
  it('a person with roles in two organisations works in one at a time, with that one’s rights', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const person = await buildUser(t.database, [
      { org: a.union, role: 'chair' },
      { org: b.union, role: 'committee', portfolio: '文体' },
    ]);
    const c = await signIn(t.app, person.phone!);
    const me = (await c.get('/api/v1/me')).json();
    expect(me.memberships.map((m: { org: { id: string } }) => m.org.id).sort()).toEqual([a.union.id, b.union.id].sort());
    // The session starts where the person carries most responsibility.
    expect(me.currentOrg.id).toBe(a.union.id);
    expect(me.abilities).toEqual(expect.arrayContaining(['member.create', 'member.import', 'org.manageRoles', 'audit.read']));

    const switched = await c.put('/api/v1/me/current-org', { orgId: b.union.id });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().currentOrg.id).toBe(b.union.id);
    expect(switched.json().abilities).toContain('member.list');
    expect(switched.json().abilities).not.toContain('member.create');
    expect(switched.json().abilities).not.toContain('member.readPhone');
    // The switch sticks to the session.
    expect((await c.get('/api/v1/me')).json().currentOrg.id).toBe(b.union.id);
    // …and the rights follow it: as a 文体 committee member in B, no new members.
    expect((await c.post('/api/v1/members', { name: '新会员' })).statusCode).toBe(403);
  });

  it('switching to an organisation where the person has no role is refused with 403', async () => {
    const a = await buildSchool(t.database);
    const b = await buildSchool(t.database);
    const person = await buildUser(t.database, [{ org: a.union, role: 'chair' }]);
    const c = await signIn(t.app, person.phone!);
    const res = await c.put('/api/v1/me/current-org', { orgId: b.union.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(res.json().error.message).toMatch(/没有角色/);
    expect((await c.get('/api/v1/me')).json().currentOrg.id).toBe(a.union.id);
  });
});

describe('parallel guessing', () => {
  it('ten wrong passwords sent at once get at most five checks; the rest, and then the right password, are locked out', async () => {
    const user = await buildUser(t.database);
    const guesses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: nextAddress(), payload: { login: user.phone, password: 'wrong-pass1' } }),
      ),
    );
    const codes = guesses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(5);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: nextAddress(), payload: { login: user.phone, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toMatch(/分钟后再试/);
  });
});

describe('cross-site requests (Origin check)', () => {
  it('refuses a state-changing request from another site’s Origin with 403 ORIGIN_REFUSED', async () => {
    const user = await buildUser(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: nextAddress(),
      headers: { origin: 'http://evil.example' },
      payload: { login: user.phone, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_REFUSED');
    expect(res.json().error.message).toBe('请求来源不被允许');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('lets a request from the same host through', async () => {
    const user = await buildUser(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: nextAddress(),
      headers: { host: 'union.school.example:3000', origin: 'http://union.school.example:3000' },
      payload: { login: user.phone, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });

  it('behind a configured reverse proxy, accepts the Origin of the forwarded host and still refuses others', async () => {
    const user = await buildUser(t.database);
    const behindProxy = await buildApp(t.database, { isCookieSecure: false, allowedOrigins: [], logLevel: 'silent', trustProxy: '10.9.9.9' });
    const proxied = { host: '127.0.0.1:3000', 'x-forwarded-host': 'union.school.example' };
    const ok = await behindProxy.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.9.9',
      headers: { ...proxied, origin: 'https://union.school.example' },
      payload: { login: user.phone, password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const evil = await behindProxy.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.9.9',
      headers: { ...proxied, origin: 'https://evil.example' },
      payload: { login: user.phone, password: TEST_PASSWORD },
    });
    expect(evil.statusCode).toBe(403);
    await behindProxy.close();
  });

  it('without a configured proxy, a forged X-Forwarded-Host does not pass the Origin check', async () => {
    const user = await buildUser(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: nextAddress(),
      headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' },
      payload: { login: user.phone, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses Sec-Fetch-Site: cross-site without an Origin header', async () => {
    const user = await buildUser(t.database);
    const c = await signIn(t.app, user.phone!);
    const res = await c.post('/api/v1/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ORIGIN_REFUSED');
    // The session survived the refused log-out.
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('does not apply to reads: a GET with a foreign Origin is answered', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(200);
  });
});
