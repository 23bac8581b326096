import { basename } from 'node:path';
import { InvalidFileError } from '../host/durableAdapter';
import { MissingFileError } from '../host/documentFile';
import { WriteFileError } from '../host/durableFile';
import { ExportContentError } from '../host/exportErrors';
import { ImportFileError } from '../host/importFile';

/**
 * Characters a document may carry that a terminal would obey instead of print: C0 and C1
 * controls (escape sequences, carriage return, backspace) and the bidirectional overrides and
 * isolates that reorder a line (U+202E shows `exe.txt` as `txt.exe`). Tab and newline stay.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Shows unsafe characters as `\u202E` (valid inside JSON strings too) so a terminal prints them. */
export function escapeForTerminal(text: string): string {
  return text.replace(
    UNSAFE,
    (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

const PARSE_ERRORS: Readonly<Record<string, (option: string, message: string) => string>> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (option) => `未知选项「${option}」`,
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (option, message) =>
    /does not take an argument/.test(message)
      ? `选项「${option}」不带取值`
      : `选项「${option}」缺少取值`,
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: (option) => `多余的参数「${option}」`,
};

/** An expected failure reading one of a command's several files, naming that file. */
export class FileFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFailure';
  }
}

/**
 * Runs `read` on one of several files (merge, compare): an expected failure names the file. A
 * damaged third file of four said only 文件已损坏：压缩包目录不完整。
 */
export async function readingFile<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const message = expectedFailure(error);
    // A missing file's line names it already.
    if (message === null || error instanceof MissingFileError) throw error;
    throw new FileFailure(`「${basename(file)}」：${message}`);
  }
}

/**
 * The Chinese line for an error the CLI expects (unreadable input, a failed write, bad
 * arguments), or null for an unexpected one. Node's own text never reaches the clerk.
 */
export function expectedFailure(error: unknown): string | null {
  if (
    error instanceof FileFailure ||
    error instanceof ImportFileError ||
    error instanceof InvalidFileError ||
    error instanceof WriteFileError ||
    error instanceof ExportContentError
  ) {
    return error.message;
  }
  if (error instanceof MissingFileError) return `「${error.path}」：${error.message}`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    const message = (error as Error).message;
    // Node names an option with its value's placeholder (`-o, --output <value>`): the clerk
    // typed the option, not the placeholder.
    const option = (/'([^']+)'/.exec(message)?.[1] ?? '').replace(/\s*<value>$/, '');
    const describe = PARSE_ERRORS[code];
    return `参数有误：${describe ? describe(option, message) : '无法识别命令行参数'}。运行 jixiao --help 查看用法。`;
  }
  return null;
}
