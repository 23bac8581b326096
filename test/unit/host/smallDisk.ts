import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A tiny tmpfs that fills up at once, for full-disk tests. `mounted` is false (and the reason is
 * printed) where it cannot be mounted — not root, not Linux; the tests then run only where it is.
 * Call it at describe level: it unmounts after the file's tests.
 */
export function smallDisk(name: string, size: string): { path: string; mounted: boolean } {
  const path = join(tmpdir(), `jixiao-${name}-${process.pid}`);
  let mounted = false;
  try {
    execFileSync('mkdir', ['-p', path]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], {
      stdio: 'ignore',
    });
    mounted = true;
  } catch {
    console.log(
      'full-disk test skipped: a small tmpfs cannot be mounted here (needs root on Linux)',
    );
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', [path]);
  });
  return { path, mounted };
}
