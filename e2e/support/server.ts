import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** A demo account as the server printed it at first start. */
export interface PrintedAccount {
  role: string;
  name: string;
  login: string;
  password: string;
}

export interface RunningServer {
  baseUrl: string;
  accounts: PrintedAccount[];
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Parses the demo accounts block the server prints once ("角色：姓名，登录名 X，密码 Y"). */
export function parseAccounts(output: string): PrintedAccount[] {
  const accounts: PrintedAccount[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s+(.+?)：(.+?)，登录名 (\S+)，密码 (\S+)\s*$/.exec(line);
    if (m) accounts.push({ role: m[1], name: m[2], login: m[3], password: m[4] });
  }
  return accounts;
}

/**
 * Starts the real server (`node bin/unionhome.mjs serve`) on a free port with a fresh embedded database and the
 * demo district, and waits until it answers /healthz. The web client must have been built into dist/web.
 */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('dist/web is missing: run `npx vite build` first');
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin/unionhome.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', UNIONHOME_DATA_DIR: dataDir, UNIONHOME_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    accounts: parseAccounts(output),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
