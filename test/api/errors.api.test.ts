import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchool, buildUser, createTestApp } from '../support/test-app.js';
import { nextAddress, signIn } from '../support/api.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('one error model', () => {
  it('an unknown /api route is a 404 JSON body with code NOT_FOUND', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/api/v1/members/abc/explode'],
      ['GET', '/api/v2/members'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.json().error.message).toContain('接口不存在');
    }
  });

  it('malformed JSON is a 400 BAD_REQUEST, never a 500', async () => {
    for (const payload of ['{"login": "13800000001", "password":', 'not json at all', '']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: nextAddress(),
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
      expect(res.json().error.message).toMatch(/请求/);
    }
  });

  it('an unsupported content type is a 4xx with a Chinese message, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a body over the size limit is a 413 with a Chinese message', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: nextAddress(),
      payload: { login: '13800000001', password: 'x'.repeat(3 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '文件过大' });
  });

  it('more than 30 log-in attempts a minute from one address are refused with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.250.0.1',
        payload: { login: `1390000${String(i).padStart(4, '0')}`, password: 'whatever-1' },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().error).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    }
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.250.0.2', payload: { login: '13900009999', password: 'whatever-1' } })).statusCode).toBe(401);
  });

  it('values of the wrong type are a 400 VALIDATION_FAILED naming each field in Chinese', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.post('/api/v1/members', { name: 12345, tags: 'not-a-list', isLunarBirthday: 'yes' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const paths = error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'tags', 'isLunarBirthday']));
    const nameProblem = error.fields.find((f: { path: string }) => f.path === 'name');
    expect(nameProblem.message).toMatch(/^姓名/);

    const query = await c.get('/api/v1/members?page=abc&pageSize=100000');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['page']));
  });

  it('a bad id in the path is a 400 naming the field, not a database error', async () => {
    const { union } = await buildSchool(t.database);
    const chair = await buildUser(t.database, [{ org: union, role: 'chair' }]);
    const c = await signIn(t.app, chair.phone!);
    const res = await c.get('/api/v1/members/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields[0].path).toBe('id');
  });

  it('the roster without a session is a 401 asking to log in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/members' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie: 'uh_session=forged-token' } });
    expect(forged.statusCode).toBe(401);
  });
});

describe('health and documentation', () => {
  it('GET /healthz answers {status: "ok"}', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/openapi.json is an OpenAPI 3 document listing the API’s paths', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toContain('职工之家');
    for (const p of ['/api/v1/members', '/api/v1/members/{id}', '/api/v1/auth/login', '/api/v1/orgs', '/api/v1/imports', '/api/v1/audit']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/v1/members'].get).toBeDefined();
    expect(doc.paths['/api/v1/members'].post).toBeDefined();
    // Internal routes stay out of the document.
    expect(Object.keys(doc.paths)).not.toContain('/healthz');
  });

  it('GET /api/docs serves the documentation page', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const location = new URL(String(res.headers.location), 'http://localhost/api/docs').pathname;
      res = await t.app.inject({ method: 'GET', url: location });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});
