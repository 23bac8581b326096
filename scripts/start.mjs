// `npm start`: always starts something.
//  1. The Electron app (electron-vite preview) when its binary is present;
//  2. when it is missing, Electron's own installer fetches it first (node_modules/electron/install.js);
//  3. when that fails (no network, no Electron build for this processor, no display) the same app
//     in the browser: `jixiao serve --open`, or only the address where no display exists.
// Extra arguments go to `jixiao serve` (e.g. `npm start -- --port 8080`).
// Test hooks: JIXIAO_ELECTRON_DIR (the electron package folder), JIXIAO_ELECTRON_INSTALLER.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ELECTRON_VITE = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
/** An Electron that exits with an error this soon after starting never ran for the user. */
const EARLY_EXIT_MS = 15_000;

function say(line) {
  process.stdout.write(`[jixiao] ${line}\n`);
}

/** The Electron executable: ELECTRON_EXEC_PATH if set, else the one its installer recorded. */
export function electronBinary(packageDir, env = process.env) {
  if (env.ELECTRON_EXEC_PATH)
    return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** True where a window can be shown (Windows, macOS, Linux with X11 or Wayland). */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function serve(open, extra) {
  say('正在构建界面……');
  const built =
    (await run(process.execPath, [ELECTRON_VITE, 'build', '--logLevel', 'warn'])) === 0 &&
    (await run(process.execPath, [join(ROOT, 'scripts/build-cli.js')])) === 0;
  if (!built) {
    say('构建失败，无法启动。');
    return 1;
  }
  return run(process.execPath, [
    join(ROOT, 'bin/jixiao.js'),
    'serve',
    ...(open ? ['--open'] : []),
    ...extra,
  ]);
}

async function main() {
  const extra = process.argv.slice(2);
  const packageDir = process.env.JIXIAO_ELECTRON_DIR ?? join(ROOT, 'node_modules/electron');
  const installer = process.env.JIXIAO_ELECTRON_INSTALLER ?? join(packageDir, 'install.js');
  if (!hasDisplay()) {
    say(
      '本机没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY），桌面窗口无法显示：改为启动浏览器版，请在浏览器中打开下面的地址。',
    );
    return serve(false, extra);
  }
  let binary = electronBinary(packageDir);
  if (!binary) {
    say('第一次启动：正在用 Electron 自带的安装程序下载程序文件（约 100 MB，只需下载一次）……');
    const installed = spawnSync(process.execPath, [installer], {
      cwd: packageDir,
      stdio: 'inherit',
    });
    binary = installed.status === 0 ? electronBinary(packageDir) : null;
    if (!binary) {
      say(
        '无法下载 Electron 程序文件（可能没有网络，或本机的处理器没有 Electron 版本）：改为在浏览器中打开本程序（jixiao serve --open）。',
      );
      return serve(true, extra);
    }
    say('Electron 程序文件已下载。');
  }
  const started = Date.now();
  const code = await run(process.execPath, [ELECTRON_VITE, 'preview'], {
    ...process.env,
    ELECTRON_EXEC_PATH: binary,
  });
  if (code !== 0 && Date.now() - started < EARLY_EXIT_MS) {
    say(
      `Electron 无法在本机启动（退出码 ${code}）：改为在浏览器中打开本程序（jixiao serve --open）。`,
    );
    return serve(true, extra);
  }
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}
