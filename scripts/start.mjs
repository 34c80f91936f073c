// `npm start`: builds the web client when it is missing or older than its sources, then serves.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'src/web'), path.join(root, 'src/contracts')];
const isStale = !fs.existsSync(built) || sources.some((d) => fs.existsSync(d) && newestMtime(d) > fs.statSync(built).mtimeMs);
if (isStale) {
  console.log('正在构建网页端（首次启动约需一分钟）…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
process.argv.splice(2, process.argv.length - 2, 'serve');
await import('../bin/unionhome.mjs');
