import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, sleep } from './log.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repoRoot, 'bin/unionhome.mjs');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Copies a child's output to our stderr, line by line, with a prefix (stdout stays clean for the JSON). */
function forward(child: ChildProcess, prefix: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stderr.write(`${prefix} ${line}\n`);
    });
  }
}

/** Runs a `unionhome` CLI command to completion; returns its stdout. */
export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[cli ${args[0]}] ${c.toString('utf8')}`));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`unionhome ${args.join(' ')} exited with ${code}`))));
  });
}

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Resident set size of the server process, in MB (VmRSS, and VmHWM = the peak). */
  memory(): { rssMb: number; peakMb: number };
  /** CPU time the server process has used so far (user + system), in ms: unlike wall time, not skewed by other work on the host. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_S = 100;

function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

function statusKb(pid: number, key: string): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  if (!m) throw new Error(`no ${key} in /proc/${pid}/status`);
  return Number(m[1]);
}

/**
 * Starts `unionhome serve` (or another entry point: the node arguments after the executable, e.g. a bench's
 * own server script) as a child process and waits until /healthz answers.
 */
export async function startServer(env: Record<string, string>, label: string, entry: string[] = [cli, 'serve']): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, entry, {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', UNIONHOME_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forward(child, `[server ${label}]`);
  let exited: number | null | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`server (${label}) exited with ${exited} before it was ready`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server (${label}) did not answer /healthz within 120 s`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  log(`server (${label}) ready at ${baseUrl}, pid ${child.pid}`);
  return {
    pid: child.pid!,
    baseUrl,
    memory: () => ({ rssMb: statusKb(child.pid!, 'VmRSS') / 1024, peakMb: statusKb(child.pid!, 'VmHWM') / 1024 }),
    cpuMs: () => cpuMsOf(child.pid!),
    async stop() {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}
