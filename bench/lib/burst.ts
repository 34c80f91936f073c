import http from 'node:http';

/** One request of a burst: its own session cookie (a distinct signed-in person) and a JSON body. */
export interface BurstRequest {
  method: string;
  path: string;
  cookie: string;
  body?: unknown;
}

/** What one request of a burst got back, and how long it took. */
export interface BurstOutcome {
  /** HTTP status, or 0 for a network error. */
  status: number;
  ms: number;
  body: string;
  error?: string;
}

/** A whole burst: every outcome in request order, the wall time, the throughput and the errors. */
export interface BurstResult {
  outcomes: BurstOutcome[];
  wallMs: number;
  requestsPerS: number;
  /** Non-2xx answers and network errors. */
  errors: number;
}

/**
 * Sends `requests` to the server at `concurrency` requests in flight, over a keep-alive agent with one socket
 * per in-flight request (as that many browsers would hold them). Each request carries its own cookie and an
 * Origin header, as a browser's fetch does; latency is measured from send to the last byte of the answer.
 * Outcomes come back in the order of `requests`.
 */
export async function burst(baseUrl: string, requests: BurstRequest[], concurrency: number): Promise<BurstResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const outcomes: BurstOutcome[] = new Array(requests.length);
  const one = (r: BurstRequest): Promise<BurstOutcome> =>
    new Promise((resolve) => {
      const payload = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
      const started = performance.now();
      const done = (status: number, body: string, error?: string) => resolve({ status, ms: performance.now() - started, body, error });
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method: r.method,
          path: r.path,
          agent,
          headers: {
            accept: 'application/json',
            origin: base.origin,
            cookie: r.cookie,
            ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
          res.on('error', (e) => done(0, '', e.message));
        },
      );
      req.on('error', (e) => done(0, '', e.message));
      if (payload) req.write(payload);
      req.end();
    });

  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      outcomes[i] = await one(requests[i]);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  } finally {
    agent.destroy();
  }
  const wallMs = performance.now() - started;
  return {
    outcomes,
    wallMs,
    requestsPerS: requests.length / (wallMs / 1000),
    errors: outcomes.filter((o) => o.status < 200 || o.status >= 300).length,
  };
}
