import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEarly } from '../host/fileRead';

// The file these commands read first is read while the rest of the program loads (below: its
// code is loaded only after the read has started).
const READ_FIRST = new Set(['import', 'inspect', 'check', 'export']);
const [command, first] = process.argv.slice(2);
if (command && READ_FIRST.has(command) && first && !first.startsWith('-')) readEarly(first);

const [{ rememberValidFiles }, { readTextInProcess }, { runCli }] = await Promise.all([
  import('../host/durableAdapter'),
  import('../host/importFile'),
  import('./index'),
]);

// A reader that stops early (`jixiao check big.xlsx | head`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const LOG = join(tmpdir(), 'jixiao-cli.log');

// One file per run, no window to keep responsive: text and CSV are read in this process.
// `jixiao serve` is the app in a browser: its imports stay in the worker, as the window's do.
readTextInProcess(process.argv[2] !== 'serve');
// A run reads or writes each file about once: remembering which bytes were valid (SHA-256, and
// checking a document written only to remember it) costs more than it could save. `serve`
// saves the same document again and again, as the app does, and keeps it.
rememberValidFiles(process.argv[2] === 'serve');

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stdout.isTTY === true,
  log: (text) => {
    try {
      appendFileSync(LOG, `[${new Date().toISOString()}] ${text}\n`);
      return LOG;
    } catch {
      return undefined;
    }
  },
});
process.exitCode = code;
