#!/usr/bin/env node
// The `linli` command: runs the compiled server (dist/server/linli.mjs), compiling it first when the
// sources changed since the last build (scripts/ensure-server.mjs; ~1 s), so every command runs the code
// of the checkout. Starting compiled JavaScript spares the ~2.3 s tsx took to load the TypeScript.
import { ensureServer, serverBundle } from '../scripts/ensure-server.mjs';
import { pathToFileURL } from 'node:url';

try {
  await ensureServer();
} catch (error) {
  console.error(`错误 Error: 服务器编译失败 Compiling the server failed: ${error.message}`);
  process.exit(1);
}
performance.mark('server checked');
await import(pathToFileURL(serverBundle).href);
