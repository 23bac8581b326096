/**
 * Text files' bytes to text, as Chinese offices write them: UTF-8 (with or without BOM), UTF-16
 * with BOM, or GBK from Chinese Windows. A file that mixes encodings (a UTF-8 file with one line
 * pasted in from a GBK file) or UTF-16 without its BOM would decode to nonsense that no
 * recogniser finds a table in; it is refused with a message about the encoding instead.
 */

import { ImportRefusal } from './refusal';

/** The WHATWG decoder present in Node, Electron and browsers (shared/ compiles without DOM types). */
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean },
) => { decode(bytes: Uint8Array): string };

const SAVE_AS_UTF8 = '请在记事本或 WPS 中把文件另存为“UTF-8”编码后再导入。';

/** Length of the valid UTF-8 sequence at `at`, or 0 when the bytes there are not UTF-8. */
function utf8Sequence(bytes: Uint8Array, at: number): number {
  const first = bytes[at] ?? 0;
  const length =
    first < 0x80
      ? 1
      : first >= 0xc2 && first <= 0xdf
        ? 2
        : first >= 0xe0 && first <= 0xef
          ? 3
          : first >= 0xf0 && first <= 0xf4
            ? 4
            : 0;
  if (length <= 1) return length;
  if (at + length > bytes.length) return 0;
  for (let n = 1; n < length; n += 1) if (((bytes[at + n] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * Counts valid multi-byte UTF-8 sequences and bytes that are not UTF-8 (skipping one byte at a
 * time), and the first line holding one.
 */
function utf8Survey(bytes: Uint8Array): {
  multiByte: number;
  bad: number;
  firstBadLine: number | null;
} {
  let multiByte = 0;
  let bad = 0;
  let firstBadLine: number | null = null;
  let line = 1;
  for (let at = 0; at < bytes.length;) {
    if (bytes[at] === 0x0a) line += 1;
    const length = utf8Sequence(bytes, at);
    if (length === 0) {
      bad += 1;
      firstBadLine ??= line;
      at += 1;
      continue;
    }
    if (length > 1) multiByte += 1;
    at += length;
  }
  return { multiByte, bad, firstBadLine };
}

/**
 * UTF-16 without its byte order mark: text in UTF-8 or GBK never holds a zero byte, UTF-16 has
 * one in every ASCII character (line ends, commas, digits), nearly all on one side of the pair.
 */
function looksLikeUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 65_536);
  let evenZero = 0;
  let oddZero = 0;
  for (let at = 0; at < sample; at += 2) {
    if (bytes[at] === 0) evenZero += 1;
    if (bytes[at + 1] === 0) oddZero += 1;
  }
  const zeros = evenZero + oddZero;
  if (zeros < 2 || zeros < sample / 200) return null;
  if (oddZero >= zeros * 0.9) return 'le';
  if (evenZero >= zeros * 0.9) return 'be';
  return null;
}

/** The text of well-formed UTF-8 (a leading BOM dropped, as the decoder does); else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text file's bytes. Throws ImportRefusal (Chinese) for UTF-16 without BOM and for a
 * UTF-8 file with lines in another encoding.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeUtf16(bytes)) {
    throw new ImportRefusal(
      `文件的编码是不带标记（BOM）的 UTF-16，无法可靠识别其中的文字。${SAVE_AS_UTF8}`,
      'unsupported',
    );
  }
  // Well-formed UTF-8 (nearly every file) decodes in one pass; the survey below, which finds the
  // first bad line, runs only for a file that is not. Every byte sequence the strict decoder
  // takes, the survey finds no bad byte in, and both decoders give the same text for it.
  const strict = strictUtf8(bytes);
  if (strict !== null) return strict.replace(/^\uFEFF/, '');
  const { multiByte, bad, firstBadLine } = utf8Survey(bytes);
  if (firstBadLine === null) return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  // GBK text is valid UTF-8 only by chance (about one character in ten): more valid UTF-8
  // characters than stray bytes, or a UTF-8 BOM, means a UTF-8 file with lines in another encoding.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom || (multiByte >= 4 && multiByte > bad)) {
    throw new ImportRefusal(
      `文件的编码不一致：前面是 UTF-8，第 ${firstBadLine} 行却是另一种编码（可能是从 GBK 文件粘贴进来的），这一行的文字无法读取。${SAVE_AS_UTF8}`,
      'unsupported',
    );
  }
  return new TextDecoder('gbk').decode(bytes);
}
