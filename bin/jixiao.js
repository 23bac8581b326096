#!/usr/bin/env node
// Entry of the `jixiao` command; the tool itself is built into out/cli by `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../out/cli/jixiao.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('jixiao：命令行工具尚未构建，请在项目目录运行 npm run build:cli。\n');
  process.exit(2);
}
await import(built.href);
