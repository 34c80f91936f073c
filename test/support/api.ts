import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { TEST_PASSWORD } from './test-app.js';

/**
 * Helpers for the API suite: sessions that log in from their own client address (the log-in route allows
 * 30 attempts a minute per address), a small request client, spreadsheets and multipart bodies.
 */

export type Res = LightMyRequestResponse;

let clientCounter = 0;
/** A distinct client address per call, so a file with many log-ins never meets the per-address rate limit. */
export function nextAddress(): string {
  clientCounter++;
  return `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
}

/** A request client bound to a session cookie (or to no session). */
export function client(app: App, cookie?: string) {
  const headers = (extra?: Record<string, string>) => ({ ...(cookie ? { cookie } : {}), ...(extra ?? {}) });
  return {
    cookie,
    get: (url: string, extra?: Record<string, string>) => app.inject({ method: 'GET', url, headers: headers(extra) }),
    post: (url: string, payload?: object, extra?: Record<string, string>) =>
      app.inject({ method: 'POST', url, headers: headers(extra), ...(payload !== undefined ? { payload } : {}) }),
    put: (url: string, payload?: object) => app.inject({ method: 'PUT', url, headers: headers(), ...(payload !== undefined ? { payload } : {}) }),
    patch: (url: string, payload?: object) => app.inject({ method: 'PATCH', url, headers: headers(), ...(payload !== undefined ? { payload } : {}) }),
    delete: (url: string) => app.inject({ method: 'DELETE', url, headers: headers() }),
    /** Uploads one file as multipart/form-data under the field name `file`. */
    upload: (url: string, fileName: string, content: Buffer) => {
      const form = multipartBody(fileName, content);
      return app.inject({ method: 'POST', url, headers: headers(form.headers), payload: form.payload });
    },
  };
}
export type Client = ReturnType<typeof client>;

/** Logs in (phone or 工号) and returns a client carrying the session cookie. */
export async function signIn(app: App, login: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: nextAddress(), payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  return client(app, sessionCookie(res));
}

/** Logs in and switches the session to an organisation. */
export async function signInAt(app: App, login: string, orgId: string, password = TEST_PASSWORD): Promise<Client> {
  const c = await signIn(app, login, password);
  const res = await c.put('/api/v1/me/current-org', { orgId });
  if (res.statusCode !== 200) throw new Error(`switch failed ${res.statusCode}: ${res.body}`);
  return c;
}

/** A log-in attempt as the browser makes it (for tests about failures). */
export function attemptLogin(app: App, login: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: nextAddress(), payload: { login, password } });
}

/** The `name=value` part of the session cookie a response sets. */
export function sessionCookie(res: Res): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return String(first).split(';')[0];
}

/** A multipart/form-data body carrying one file, built by hand with a boundary. */
export function multipartBody(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----unionhome${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An .xlsx with one worksheet holding the given rows (the first is the header row). */
export async function xlsxOf(rows: unknown[][], opts: { textColumns?: number[]; sheetName?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1');
  for (const col of opts.textColumns ?? []) ws.getColumn(col).numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first worksheet of an .xlsx as arrays of plain cell values (row 1 = headers). */
export async function readXlsx(buffer: Buffer | Uint8Array): Promise<{ sheetNames: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === undefined ? null : v)));
  });
  return { sheetNames: wb.worksheets.map((w) => w.name), rows };
}

/** Polls an import until it leaves the busy stages ('reading', 'checking'). */
export async function waitForImport(c: Client, id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.get(`/api/v1/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`import poll ${res.statusCode}: ${res.body}`);
    const body = res.json();
    if (body.status !== 'reading' && body.status !== 'checking') return body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Today in Asia/Shanghai (the organisation's day) as YYYY-MM-DD. */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A date `years` years before today (Shanghai) shifted by `days` days, as YYYY-MM-DD (29 Feb → 28 Feb). */
export function yearsAgo(years: number, days = 0): string {
  const [y, m, d] = shanghaiToday().split('-').map(Number);
  const lastDay = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  const base = Date.UTC(y - years, m - 1, Math.min(d, lastDay));
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

/** Number of rows of a table (or of a WHERE clause on it). */
export async function countRows(database: Database, table: string, where = 'TRUE', params: unknown[] = []): Promise<number> {
  const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row.n;
}
