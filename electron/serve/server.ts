import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { EVENT_CHANNELS, failure } from '../../shared/ipc';
import {
  CLIENT_SCRIPT_PATH,
  PRINT_PATH_PREFIX,
  SOCKET_PATH,
  type ServerMessage,
} from '../../shared/ipc/socket';
import { contentType, resolveAppFile } from '../host/gate/appFiles';
import { channelName, dispatch } from '../host/gate/dispatch';
import type { Handlers } from '../host/handlers';
import { Connection, currentCall, runInCall, type CallContext } from './connection';
import { PrintPages } from './printPages';
import {
  allowedHosts,
  createToken,
  fetchSiteAllowed,
  hostAllowed,
  isLoopback,
  originAllowed,
  presentedToken,
  securityHeaders,
  tokenCookieName,
  tokenMatches,
} from './security';

export interface ServeOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** The built browser client (`out/client/jixiao-client.js`). */
  clientScript: string;
  /** The host handlers each call goes to (a getter, so a test can start a fresh host). */
  handlers: () => Handlers;
  /** Address to listen on; 127.0.0.1 unless `allowRemote`. */
  host?: string;
  /** Port; 0 picks a free one. */
  port?: number;
  /** Required to listen on an address other machines can reach. */
  allowRemote?: boolean;
  /** Access token; a random one by default. */
  token?: string;
  /** Print views the browser opens (shared with the browser print port). */
  printPages?: PrintPages;
  /** A page's socket closed (the tab was closed or reloaded). */
  onPageGone?: () => void;
  onError?: (error: unknown) => void;
}

export interface ServeServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The address to open: origin plus `?token=…`. */
  url: string;
  token: string;
  port: number;
  /** Sends a menu command or the close request to every connected page; returns how many. */
  emit(event: keyof typeof EVENT_CHANNELS, payload?: unknown): number;
  /** Pages connected now. */
  pages(): Array<{ serial: number; menuListeners: number; closeListeners: number }>;
  /**
   * Tells the page whose call this is (outside a call: every page) that its window is closed.
   * True when no page is left that still has a close request to settle.
   */
  windowClosed(): boolean;
  /** Pages that listen for the close request and have not closed their window yet. */
  openWindows(): number;
  /** Resolves once no host call is in flight. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    id: z.number().int(),
    channel: z.string().max(100),
    argument: z.unknown().optional(),
  }),
  z.object({
    type: z.literal('listening'),
    menu: z.number().int().min(0),
    close: z.number().int().min(0),
  }),
  z.object({ type: z.literal('answer'), id: z.number().int(), answer: z.unknown() }),
]);

/** Drops the renderer's own CSP meta tag (the header carries the policy) and loads the client first. */
export function pageWithClient(html: string, attributes = ''): string {
  const withoutMeta = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const script = `<script src="${CLIENT_SCRIPT_PATH}"${attributes}></script>`;
  return /<head[^>]*>/i.test(withoutMeta)
    ? withoutMeta.replace(/<head[^>]*>/i, (head) => `${head}${script}`)
    : `${script}${withoutMeta}`;
}

/**
 * Starts the browser shell's server: the built renderer and the host handlers over one
 * WebSocket, for this machine only, behind a per-start token with Host and Origin checks.
 */
export async function startServeServer(options: ServeOptions): Promise<ServeServer> {
  const bindHost = options.host ?? '127.0.0.1';
  if (!isLoopback(bindHost) && !options.allowRemote) {
    throw new Error(`拒绝监听 ${bindHost}：只允许本机地址（127.0.0.1）。`);
  }
  const token = options.token ?? createToken();
  const printPages = options.printPages ?? new PrintPages();
  const connections = new Set<Connection>();
  /** The close request went out: pages that begin listening later are asked too. */
  let closing = false;
  const inFlight = new Set<Promise<unknown>>();
  let serial = 0;
  let port = 0;
  let origin = '';
  let hosts = new Set<string>();
  let headers: Record<string, string> = {};

  function refuse(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end(text);
  }

  function sendBody(response: ServerResponse, type: string, body: string | Buffer, head: boolean) {
    response.writeHead(200, { ...headers, 'content-type': type });
    response.end(head ? undefined : body);
  }

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, hosts)) {
      return refuse(response, 403, '拒绝：请求的主机名不是本机服务。');
    }
    if (
      !originAllowed(request.headers.origin, hosts) ||
      !fetchSiteAllowed(request.headers['sec-fetch-site'] as string | undefined)
    ) {
      return refuse(response, 403, '拒绝来自其他网站的请求。');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refuse(response, 405, '不支持的请求方式。');
    }
    const url = new URL(request.url ?? '/', origin);
    if (!tokenMatches(presentedToken(url, request.headers.cookie, port), token)) {
      return refuse(
        response,
        401,
        '需要访问令牌：请用 jixiao serve 启动时显示的完整地址（含 ?token=…）打开。',
      );
    }
    if (url.searchParams.has('token')) {
      // First visit: the token moves into a cookie and out of the address bar and history.
      response.writeHead(303, {
        ...headers,
        location: url.pathname,
        'set-cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      response.end();
      return;
    }
    const head = request.method === 'HEAD';
    if (url.pathname === CLIENT_SCRIPT_PATH) {
      const body = await readFile(options.clientScript);
      return sendBody(response, 'text/javascript; charset=utf-8', body, head);
    }
    if (url.pathname.startsWith(PRINT_PATH_PREFIX)) {
      const html = printPages.get(url.pathname.slice(PRINT_PATH_PREFIX.length));
      if (html === undefined) return refuse(response, 404, '打印页面已失效。');
      return sendBody(
        response,
        'text/html; charset=utf-8',
        pageWithClient(html, ' data-print'),
        head,
      );
    }
    const file = resolveAppFile(`app://jixiao${url.pathname}`, options.rendererDir);
    if (file === null) return refuse(response, 404, '未找到。');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(response, 404, '未找到。');
    }
    if (file.endsWith('index.html')) {
      return sendBody(response, contentType(file), pageWithClient(body.toString('utf8')), head);
    }
    return sendBody(response, contentType(file), body, head);
  }

  async function invoke(connection: Connection, id: number, channel: string, argument: unknown) {
    const name = channelName(channel);
    const context: CallContext = { connection, deliveries: [], cleanups: [] };
    const call = name
      ? runInCall(context, () =>
          dispatch(options.handlers(), name, argument, {
            senderUrl: origin,
            isMainFrame: true,
            trustedOrigin: origin,
            onError: options.onError,
          }),
        )
      : Promise.resolve(failure('forbidden', '拒绝未知的请求通道。'));
    // `idle()` waits for the whole call, deliveries and clean-up included: were it to wait for
    // `call` alone, a settled call still being delivered would make it spin without yielding.
    let finished!: () => void;
    const handled = new Promise<void>((resolve) => (finished = resolve));
    inFlight.add(handled);
    let value: unknown = failure('internal', '程序内部错误。');
    try {
      value = await call;
      for (const delivery of context.deliveries) {
        if ((value as { ok?: boolean }).ok !== true) continue;
        const data = await readFile(delivery.path).catch(() => null);
        if (data === null) continue;
        connection.send({
          type: 'deliver',
          id: delivery.askId,
          name: delivery.name,
          data: data.toString('base64'),
        });
      }
    } finally {
      // Temporary files go before the page hears the result.
      for (const cleanup of context.cleanups) await cleanup().catch(() => undefined);
      inFlight.delete(handled);
      finished();
      connection.send({ type: 'result', id, value });
    }
  }

  function attach(socket: WebSocket): void {
    const connection = new Connection(++serial, socket);
    connections.add(connection);
    socket.on('message', (data) => {
      let message: z.infer<typeof clientMessageSchema>;
      try {
        message = clientMessageSchema.parse(JSON.parse(String(data)));
      } catch {
        socket.close(1008, 'invalid message');
        return;
      }
      if (message.type === 'invoke') {
        void invoke(connection, message.id, message.channel, message.argument).catch(
          (error: unknown) => options.onError?.(error),
        );
      } else if (message.type === 'listening') {
        const began = connection.closeListeners === 0 && message.close > 0;
        connection.menuListeners = message.menu;
        connection.closeListeners = message.close;
        // A tab opened or reloaded while the server is closing settles its work too.
        if (began && closing && !connection.windowClosed)
          connection.send({ type: 'event', channel: EVENT_CHANNELS.closeRequested });
      } else {
        connection.answer(message.id, message.answer);
      }
    });
    socket.on('close', () => {
      connection.close();
      connections.delete(connection);
      options.onPageGone?.();
    });
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', origin);
    const allowed =
      url.pathname === SOCKET_PATH &&
      hostAllowed(request.headers.host, hosts) &&
      // Browsers always send Origin on a WebSocket; a page of another site sends its own.
      request.headers.origin !== undefined &&
      originAllowed(request.headers.origin, hosts) &&
      tokenMatches(presentedToken(url, request.headers.cookie, port), token);
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, attach);
  }

  const server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) refuse(response, 500, '服务内部错误。');
    });
  });
  server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  origin = `http://${urlHost === '0.0.0.0' || urlHost === '[::]' ? '127.0.0.1' : urlHost}:${port}`;
  hosts = allowedHosts(bindHost, port);
  headers = securityHeaders(origin);

  const broadcast = (message: ServerMessage) => {
    for (const connection of connections) connection.send(message);
  };
  const openWindows = () =>
    [...connections].filter(
      (connection) =>
        connection.isOpen && connection.closeListeners > 0 && !connection.windowClosed,
    ).length;

  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    port,
    emit(event, payload) {
      if (event === 'closeRequested') closing = true;
      broadcast({ type: 'event', channel: EVENT_CHANNELS[event], payload });
      return connections.size;
    },
    pages: () =>
      [...connections].map(({ serial: number, menuListeners, closeListeners }) => ({
        serial: number,
        menuListeners,
        closeListeners,
      })),
    windowClosed() {
      // Only the page that settled its work: another tab may still be asking 是否保存.
      const caller = currentCall()?.connection;
      for (const connection of caller ? [caller] : connections) {
        connection.windowClosed = true;
        connection.send({ type: 'window-closed' });
      }
      return openWindows() === 0;
    },
    openWindows,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
