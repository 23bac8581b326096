import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../../shared/ipc/socket';

/** A renderer folder like out/renderer (with the Electron meta CSP), a secret beside it. */
export async function fakeBuild(): Promise<{
  root: string;
  rendererDir: string;
  clientScript: string;
}> {
  const root = await mkdtemp(join(tmpdir(), 'jixiao-serve-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta charset="UTF-8" />
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'none'; connect-src 'none'"
    /><title>绩效目标表编辑器</title></head><body><div id="root"></div>
    <script type="module" src="./assets/index.js"></script></body></html>`,
  );
  await writeFile(join(rendererDir, 'assets/index.js'), 'console.log("renderer");');
  await writeFile(join(root, 'secret.txt'), 'SECRET');
  await mkdir(join(root, 'client'));
  const clientScript = join(root, 'client/jixiao-client.js');
  await writeFile(clientScript, '/* client */');
  return { root, rendererDir, clientScript };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (the path is sent exactly as given, headers as given). */
export function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A WebSocket page: sends client messages, collects server messages. */
export class SocketPage {
  readonly received: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Opens the socket; rejects with the HTTP status when the server refuses the upgrade. */
  static open(url: string, headers: Record<string, string>): Promise<SocketPage> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => resolve(new SocketPage(socket)));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`refused ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first received message matching, waiting for it up to 10 s. */
  async next<T extends ServerMessage['type']>(
    type: T,
    match: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const index = this.received.findIndex(
        (message) => message.type === type && match(message as Extract<ServerMessage, { type: T }>),
      );
      if (index >= 0)
        return this.received.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no ${type} message`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
