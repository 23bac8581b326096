import { describe, expect, it } from 'vitest';
import { hasDisplay, parseServeArguments } from '../../../electron/cli/serve';
import { defaultDocumentsDir, defaultUserDataDir } from '../../../electron/serve/app';

describe('jixiao serve arguments', () => {
  it('listens on 127.0.0.1 by default, on the port given, and opens the browser only when asked', () => {
    expect(parseServeArguments([])).toMatchObject({ host: '127.0.0.1', port: null, open: false });
    expect(parseServeArguments(['--port', '8080', '--open'])).toMatchObject({
      port: 8080,
      open: true,
    });
  });

  it('refuses an address other machines reach unless --allow-remote is given too', () => {
    expect(() => parseServeArguments(['--host', '0.0.0.0'])).toThrow('--allow-remote');
    expect(() => parseServeArguments(['--host', '192.168.1.20'])).toThrow('只对本机开放');
    expect(parseServeArguments(['--host', '0.0.0.0', '--allow-remote'])).toMatchObject({
      host: '0.0.0.0',
      allowRemote: true,
    });
    expect(parseServeArguments(['--host', 'localhost']).allowRemote).toBe(false);
  });

  it('refuses a port that is not a port, in Chinese', () => {
    expect(() => parseServeArguments(['--port', 'abc'])).toThrow('端口「abc」无效');
    expect(() => parseServeArguments(['--port', '70000'])).toThrow('0–65535');
  });

  it('shares the desktop app’s settings and recovery folder and keeps documents in 文档/绩效目标表', () => {
    expect(
      defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a'),
    ).toContain('绩效目标表编辑器');
    expect(defaultUserDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/绩效目标表编辑器');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe(
      '/x/绩效目标表编辑器',
    );
    expect(defaultDocumentsDir('/nonexistent-home')).toBe('/nonexistent-home/绩效目标表');
  });

  it('knows when there is no display to open a browser on', () => {
    if (process.platform !== 'linux') return;
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });
});
