import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/gate/appFiles';
import { createHandlers } from '../../../electron/host/handlers';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import { startServeServer, type ServeServer } from '../../../electron/serve/server';
import { INVOKE_CHANNELS } from '../../../shared/ipc';
import { fakeBuild, get, SocketPage } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');

let server: ServeServer;
let root: string;
let cookie: string;

beforeAll(async () => {
  const build = await fakeBuild();
  root = build.root;
  const handlers = createHandlers({
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      chooseExportPath: async () => null,
      confirmUnsaved: async () => 'cancel',
    },
    clock: { now: () => new Date('2026-11-23T09:00:00+08:00') },
    config: {
      appName: '绩效目标表编辑器',
      version: 'test',
      platform: process.platform,
      userDataDir: join(root, 'userData'),
      samplePath: join(ROOT, SAMPLE_FILE),
    },
  });
  server = await startServeServer({
    rendererDir: build.rendererDir,
    clientScript: build.clientScript,
    handlers: () => handlers,
  });
  cookie = `jixiao-token-${server.port}=${server.token}`;
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('jixiao serve: who may ask', () => {
  it('listens on 127.0.0.1 and puts a long random token in the address it prints', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses every request without the token or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/index.js', '/jixiao-client.js']) {
      const none = await get(server.port, path);
      expect(none.status).toBe(401);
      expect(none.body).not.toContain('renderer');
      expect((await get(server.port, `${path}?token=wrong`)).status).toBe(401);
      expect(
        (await get(server.port, path, { cookie: `jixiao-token-${server.port}=wrong` })).status,
      ).toBe(401);
    }
  });

  it('the token in the address becomes an HttpOnly, SameSite=Strict cookie and leaves the address bar', async () => {
    const first = await get(server.port, `/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toContain(`${cookie}; HttpOnly; SameSite=Strict`);
    const page = await get(server.port, '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/jixiao-client.js"></script>');
    // The client loads before the renderer's module script.
    expect(page.body.indexOf('jixiao-client.js')).toBeLessThan(
      page.body.indexOf('assets/index.js'),
    );
  });

  it("serves the Electron window's CSP; the only difference is the page's own socket", async () => {
    const page = await get(server.port, '/', { cookie });
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toBe(
      CONTENT_SECURITY_POLICY.replace(
        "connect-src 'none'",
        `connect-src 'self' ws://127.0.0.1:${server.port}`,
      ),
    );
    // The renderer's meta CSP (connect-src 'none') would block the socket; the header replaces it.
    expect(page.body).not.toContain('http-equiv="Content-Security-Policy"');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a rebinding Host header even with the right token', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1:${server.port + 1}`,
    ]) {
      const reply = await get(server.port, '/', { cookie, host });
      expect(reply.status).toBe(403);
      expect(reply.body).not.toContain('绩效目标表编辑器');
    }
    expect((await get(server.port, '/', { cookie, host: `localhost:${server.port}` })).status).toBe(
      200,
    );
  });

  it('refuses requests another site starts (foreign Origin, cross-site fetch)', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      expect((await get(server.port, '/assets/index.js', { cookie, origin })).status).toBe(403);
    }
    for (const site of ['cross-site', 'same-site']) {
      expect((await get(server.port, '/', { cookie, 'sec-fetch-site': site })).status).toBe(403);
    }
    expect((await get(server.port, '/', { cookie, origin: server.origin })).status).toBe(200);
  });

  it('answers no CORS: no Access-Control headers, no OPTIONS, no POST', async () => {
    const page = await get(server.port, '/', { cookie, origin: server.origin });
    expect(Object.keys(page.headers).filter((name) => name.startsWith('access-control'))).toEqual(
      [],
    );
    expect((await get(server.port, '/', { cookie, origin: server.origin }, 'OPTIONS')).status).toBe(
      405,
    );
    expect((await get(server.port, '/', { cookie }, 'POST')).status).toBe(405);
  });

  it('never serves a path outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/assets/%00.js',
    ]) {
      const reply = await get(server.port, path, { cookie });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('SECRET');
    }
    expect((await get(server.port, '/assets/index.js', { cookie })).body).toContain('renderer');
  });

  it('refuses to listen on an address other machines reach unless told to', async () => {
    await expect(
      startServeServer({
        rendererDir: root,
        clientScript: join(root, 'client/jixiao-client.js'),
        handlers: () => {
          throw new Error('unused');
        },
        host: '0.0.0.0',
      }),
    ).rejects.toThrow('只允许本机地址');
  });
});

describe('jixiao serve: the WebSocket carries the IPC contract', () => {
  const socketUrl = () => `ws://127.0.0.1:${server.port}/socket`;

  it('refuses a socket without the token, from a foreign Origin, without Origin, or under another Host', async () => {
    const origin = server.origin;
    await expect(SocketPage.open(socketUrl(), { origin })).rejects.toThrow('refused 403');
    await expect(
      SocketPage.open(socketUrl(), { origin, cookie: `jixiao-token-${server.port}=wrong` }),
    ).rejects.toThrow('refused 403');
    await expect(
      SocketPage.open(socketUrl(), { origin: 'http://evil.example', cookie }),
    ).rejects.toThrow('refused 403');
    await expect(SocketPage.open(socketUrl(), { cookie })).rejects.toThrow('refused 403');
    await expect(
      SocketPage.open(socketUrl(), { origin, cookie, host: `evil.example:${server.port}` }),
    ).rejects.toThrow('refused 403');
  });

  it('runs calls through the same dispatcher: validation and result codes as over Electron IPC', async () => {
    const page = await SocketPage.open(socketUrl(), { origin: server.origin, cookie });
    try {
      page.send({ type: 'invoke', id: 1, channel: INVOKE_CHANNELS.getAppInfo });
      expect((await page.next('result', (m) => m.id === 1)).value).toMatchObject({
        ok: true,
        name: '绩效目标表编辑器',
      });
      page.send({ type: 'invoke', id: 2, channel: INVOKE_CHANNELS.openSample });
      const sample = (await page.next('result', (m) => m.id === 2)).value as {
        ok: true;
        documentId: string;
        document: { units: Array<{ name: string }> };
      };
      expect(sample.document.units[0]?.name).toBe('广州市机电技师学院');
      page.send({
        type: 'invoke',
        id: 3,
        channel: INVOKE_CHANNELS.closeDocument,
        argument: { documentId: sample.documentId, extra: 'x' },
      });
      expect((await page.next('result', (m) => m.id === 3)).value).toMatchObject({
        ok: false,
        code: 'invalid-argument',
      });
      page.send({ type: 'invoke', id: 4, channel: 'jixiao:shell:run', argument: 'rm -rf /' });
      expect((await page.next('result', (m) => m.id === 4)).value).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    } finally {
      page.close();
    }
  });

  it('sends menu commands and the close request to the pages that listen', async () => {
    const page = await SocketPage.open(socketUrl(), { origin: server.origin, cookie });
    try {
      page.send({ type: 'listening', menu: 1, close: 1 });
      await expect
        .poll(() => server.pages().find((entry) => entry.menuListeners === 1))
        .toBeTruthy();
      server.emit('menuCommand', 'save');
      expect((await page.next('event')).payload).toBe('save');
      server.emit('closeRequested');
      expect((await page.next('event')).channel).toBe('jixiao:window:close-requested');
    } finally {
      page.close();
    }
  });
});
