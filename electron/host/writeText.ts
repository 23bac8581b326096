import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** UTF-16 units encoded per piece; a piece's UTF-8 takes at most three bytes per unit. */
export const PIECE = 256 * 1024;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Writes `text` as UTF-8, a piece at a time through one small buffer. Encoding a 24 MB document
 * in one go first fills 24 MB of fresh memory, and the memory's first touch, not the encoding,
 * is what costs: 311 ms against 160 ms in pieces (bench machine). A piece never ends between
 * the two halves of a surrogate pair, so the bytes equal `Buffer.from(text, 'utf8')`. `hash`, if
 * given, is fed the same bytes.
 */
export async function writeText(handle: FileHandle, text: string, hash?: Hash): Promise<void> {
  const buffer = Buffer.allocUnsafeSlow(Math.min(PIECE, text.length) * 3);
  const encoder = new TextEncoder();
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + PIECE, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    const { written } = encoder.encodeInto(text.slice(start, end), buffer);
    hash?.update(buffer.subarray(0, written));
    for (let offset = 0; offset < written;) {
      const { bytesWritten } = await handle.write(buffer, offset, written - offset);
      offset += bytesWritten;
    }
    start = end;
  }
}
