// Builds the `jixiao` command-line tool from electron/cli into out/cli (run by `npm install`),
// with the import worker's entry beside it (electron/host/import/worker.ts finds it there),
// and the browser shell's client (browser/, for `jixiao serve`) into out/client.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version, dependencies, devDependencies } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);

// Bundled in: the small packages every command loads at start-up (zod alone is about a hundred
// module files, which Node would resolve and compile one by one on each run). The rest stay
// packages, loaded only by the commands that use them.
const BUNDLED = new Set(['zod', 'lowdb', 'fflate']);
const external = Object.keys({ ...dependencies, ...devDependencies }).filter(
  (name) => !BUNDLED.has(name),
);

/**
 * zod's translations of its own messages into 40-odd languages (a third of the bundled zod), which
 * the program never shows: it words every complaint itself, in Chinese. zod's default English
 * stays (imported directly by zod).
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /zod[\\/]v4[\\/](?:classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'jixiao-empty' }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'jixiao-empty' }, () => ({ contents: 'export {};' }));
  },
};

const common = {
  bundle: true,
  plugins: [noZodLocales],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  logLevel: 'warning',
};

// Chunk names change with their content: clear out the last build's.
rmSync('out/cli', { recursive: true, force: true });

await build({
  ...common,
  entryPoints: ['electron/host/import/workerEntry.ts'],
  outfile: 'out/cli/importWorker.js',
});

// Split: what only some commands need (the export writers, the local service) sits in chunks
// loaded by those commands, so `import`, `inspect` and `check` start without ExcelJS or docx.
await build({
  ...common,
  entryPoints: { jixiao: 'electron/cli/main.ts' },
  outdir: 'out/cli',
  splitting: true,
  chunkNames: '[name]-[hash]',
  define: { JIXIAO_VERSION: JSON.stringify(version) },
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
