import { parseArgs } from 'node:util';

/**
 * Exit codes: 0 done; 1 the checks found errors (check); 2 anything that stopped the command
 * (unreadable input, a file that cannot be written, bad usage), with a Chinese message.
 */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

/**
 * The one file a command reads. A second one is refused as Node's own parser refuses an
 * argument it does not take (the same Chinese line, io.ts): it used to be ignored, and
 * `jixiao import a.txt b.txt` read only a.txt without a word.
 */
export function oneFile(positionals: readonly string[]): string | undefined {
  const extra = positionals[1];
  if (extra !== undefined) {
    throw Object.assign(new TypeError(`Unexpected argument '${extra}'`), {
      code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    });
  }
  return positionals[0];
}

/** The arguments of the commands that read one file and may print JSON (check, inspect). */
export function fileAndJson(args: string[]): { file: string | undefined; json: boolean } {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  return { file: oneFile(positionals), json: values.json };
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Output goes to a terminal: control and bidi characters from documents are escaped. */
  terminal?: boolean;
  /** Records an unexpected error's details; returns where (shown to the clerk) or undefined. */
  log?(text: string): string | undefined;
}
