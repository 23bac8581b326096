// Builds the `jixiao` command-line tool from electron/cli into out/cli (run by `npm install`),
// with the import worker's entry beside it (electron/host/import/worker.ts finds it there),
// and the browser shell's client (browser/, for `jixiao serve`) into out/client.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['electron/host/import/workerEntry.ts'],
  outfile: 'out/cli/importWorker.js',
});

// Split: what only some commands need (the export writers, the local service) sits in chunks
// loaded by those commands, so `import`, `inspect` and `check` start without ExcelJS or docx.
await build({
  entryPoints: { jixiao: 'electron/cli/main.ts' },
  outdir: 'out/cli',
  splitting: true,
  chunkNames: '[name]-[hash]',
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
