#!/usr/bin/env node
// The `unionhome` command: runs the TypeScript sources through tsx (no separate build step for the server).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
try {
  const code = await runCli(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
