import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type Io } from '../../../electron/cli/index';

export const ROOT = join(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SEED = join(FIXTURES, 'seed-guangzhou-2025-jidian-disclosure.txt');

/** Runs the CLI in-process and collects what it printed. */
export async function cli(args: string[], extra: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...extra,
  });
  return { code, stdout, stderr };
}

export const tempFolder = () => mkdtemp(join(tmpdir(), 'jixiao-cli-'));

/** Node's English error text or a stack frame: never shown to a clerk. */
export const ENGINE_TEXT =
  /\bat .+:\d+|Error:|ENOENT|ENOTDIR|ENOSPC|EACCES|EPIPE|no such file|Unknown option/;
