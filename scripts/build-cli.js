// Builds the `jixiao` command-line tool from electron/cli into out/cli (run by `npm install`),
// and the browser shell's client (browser/, for `jixiao serve`) into out/client.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['electron/cli/main.ts'],
  outfile: 'out/cli/jixiao.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  define: { JIXIAO_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});

await build({
  entryPoints: ['browser/client.ts'],
  outfile: 'out/client/jixiao-client.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome110',
  logLevel: 'warning',
});
