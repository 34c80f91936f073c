import http from 'node:http';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json<T = any>(): T;
}

/**
 * A small HTTP/1.1 client over a keep-alive agent (real loopback sockets, as a browser would hold them), with
 * the session cookie the server sets on log-in.
 */
export class ApiClient {
  cookie: string | null = null;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(readonly baseUrl: string) {}

  request(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(body ? { 'content-length': String(body.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const buf = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: buf,
              json: () => JSON.parse(buf.toString('utf8')),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }

  /** Sends JSON (or nothing) and expects one of the given statuses; throws with the body otherwise. */
  async call<T = any>(method: string, path: string, payload?: unknown, expect: number[] = [200, 201, 202, 204]): Promise<T> {
    const body = payload === undefined ? undefined : Buffer.from(JSON.stringify(payload));
    const res = await this.request(method, path, body, body ? { 'content-type': 'application/json' } : {});
    if (!expect.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${res.body.toString('utf8').slice(0, 1000)}`);
    return res.status === 204 || res.body.length === 0 ? (undefined as T) : res.json<T>();
  }

  /** Logs in through the API and keeps the session cookie. */
  async login(login: string, password: string): Promise<any> {
    const body = Buffer.from(JSON.stringify({ login, password }));
    const res = await this.request('POST', '/api/v1/auth/login', body, { 'content-type': 'application/json' });
    if (res.status !== 200) throw new Error(`login as ${login} → ${res.status}: ${res.body.toString('utf8')}`);
    const raw = res.headers['set-cookie'];
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (!first) throw new Error('login did not set a session cookie');
    this.cookie = first.split(';')[0];
    return res.json();
  }

  /** Uploads one file as multipart/form-data (field `file`). */
  async upload<T = any>(path: string, fileName: string, contentType: string, file: Buffer): Promise<{ status: number; data: T }> {
    const boundary = `----unionhome-bench-${Date.now().toString(16)}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const res = await this.request('POST', path, Buffer.concat([head, file, tail]), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    if (res.status >= 300) throw new Error(`upload → ${res.status}: ${res.body.toString('utf8').slice(0, 1000)}`);
    return { status: res.status, data: res.json<T>() };
  }

  close(): void {
    this.agent.destroy();
  }
}
