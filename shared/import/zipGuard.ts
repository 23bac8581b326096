/**
 * Zip-bomb guard for .xlsx and .docx, run before any Office reader sees the bytes. First the
 * central directory (no inflating): declared sizes, compression ratios and entry counts no office
 * file has are refused. Then every entry is inflated as a stream whose output is counted and
 * thrown away: an entry that inflates past its declared size is stopped at once, so an archive
 * that lies about its sizes never costs more than the declared total.
 */

import { Inflate } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed size ÷ compressed size, for entries over 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 300 * 1024 * 1024,
  maxRatio: 200,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** Declared uncompressed size (central directory). */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags; bit 0 is encryption. */
  flags: number;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/** True when the bytes start like a zip archive (`PK\3\4`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Lists a zip's entries from its central directory and checks them against the limits. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  const broken: ZipCheck = { ok: false, message: '文件已损坏：压缩包目录不完整。' };
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return broken;
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    return { ok: false, message: '不支持 ZIP64 格式的压缩包（办公文件不会这么大）。' };
  }
  if (count > limits.maxEntries) {
    return { ok: false, message: `压缩包中的文件过多（${count} 个），不是正常的办公文档。` };
  }
  if (directoryOffset + directorySize > end) return broken;
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return broken;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) return broken;
    let name = '';
    for (let n = 0; n < nameLength; n += 1) name += String.fromCharCode(bytes[at + 46 + n] ?? 0);
    if (compressedSize === 0xffffffff || size === 0xffffffff) {
      return { ok: false, message: '不支持 ZIP64 格式的压缩包（办公文件不会这么大）。' };
    }
    if (size > 1024 * 1024 && size > compressedSize * limits.maxRatio) {
      return {
        ok: false,
        message: `压缩包中的「${name}」压缩比异常（${compressedSize} 字节解压为 ${size} 字节），疑似压缩炸弹，已拒绝。`,
      };
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      return {
        ok: false,
        message: `压缩包解压后超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB，已拒绝。`,
      };
    }
    entries.push({ name, compressedSize, size, offset: u32(bytes, at + 42), method, flags });
    at += 46 + nameLength + extraLength + commentLength;
  }
  for (const entry of entries) {
    const message = checkInflatedSize(bytes, entry, end);
    if (message) return { ok: false, message };
  }
  return { ok: true, entries };
}

/** Compressed bytes pushed at a time: one push inflates to at most ~1032 times as much. */
const INFLATE_STEP = 8 * 1024;

/** Thrown from the inflater's output callback to stop it. */
class Overflow extends Error {}

/**
 * Inflates an entry's data as a stream, counting the output and keeping none of it; null when the
 * real size is the declared one, else the reason for refusing the archive.
 */
function checkInflatedSize(bytes: Uint8Array, entry: ZipEntry, directory: number): string | null {
  const { name, size } = entry;
  if ((entry.flags & 1) !== 0) return `压缩包中的「${name}」已加密，无法读取。`;
  const local = entry.offset;
  if (local + 30 > directory || u32(bytes, local) !== 0x04034b50) {
    return '文件已损坏：压缩包中的文件头不完整。';
  }
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  if (start + entry.compressedSize > directory) return '文件已损坏：压缩包中的数据不完整。';
  const data = bytes.subarray(start, start + entry.compressedSize);
  const mismatch = (real: string): string =>
    `压缩包中的「${name}」实际解压大小（${real}）与声明的 ${size} 字节不符，文件已损坏或被篡改，已拒绝。`;
  if (entry.method === 0) return data.length === size ? null : mismatch(`${data.length} 字节`);
  if (entry.method !== 8) return `压缩包中的「${name}」使用了不支持的压缩方式（${entry.method}）。`;
  let real = 0;
  const inflater = new Inflate((chunk) => {
    real += chunk.length;
    if (real > size) throw new Overflow();
  });
  try {
    let at = 0;
    do {
      const next = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, next), next === data.length);
      at = next;
    } while (at < data.length);
  } catch (error) {
    if (error instanceof Overflow) {
      return `压缩包中的「${name}」实际解压后超过声明的 ${size} 字节，疑似压缩炸弹，已拒绝。`;
    }
    return `文件已损坏：压缩包中的「${name}」无法解压。`;
  }
  return real === size ? null : mismatch(`${real} 字节`);
}
