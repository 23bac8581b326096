import {
  argumentSchemas,
  failure,
  INVOKE_CHANNELS,
  type Failure,
  type InvokeName,
} from '../../shared/ipc';
import type { Handlers } from './handlers';

/** Origin the packaged UI is served from (ARCHITECTURE decision 6: app://, not file://). */
export const APP_ORIGIN = 'app://jixiao';

/** True when a frame URL belongs to the app's own UI. */
export function isTrustedUrl(url: string, trustedOrigin: string = APP_ORIGIN): boolean {
  try {
    const parsed = new URL(url);
    const expected = new URL(trustedOrigin);
    return parsed.protocol === expected.protocol && parsed.host === expected.host;
  } catch {
    return false;
  }
}

const CHANNEL_NAMES = new Map<string, InvokeName>(
  Object.entries(INVOKE_CHANNELS).map(([name, channel]) => [channel, name as InvokeName]),
);

/** The channel's handler name, or undefined for a channel not in the contract. */
export function channelName(channel: string): InvokeName | undefined {
  return CHANNEL_NAMES.get(channel);
}

export interface DispatchOptions {
  /** URL of the frame that sent the call. */
  senderUrl: string;
  /** True when the sender is the window's main frame (not an iframe). */
  isMainFrame: boolean;
  trustedOrigin?: string;
  /** Called with unexpected errors (logged by main); the caller gets an `internal` result. */
  onError?: (error: unknown) => void;
}

/**
 * Everything main does with an incoming call: check the sender, parse the argument with the
 * contract's schema, run the handler, and turn surprises into result codes.
 */
export async function dispatch(
  handlers: Handlers,
  name: InvokeName,
  argument: unknown,
  options: DispatchOptions,
): Promise<unknown> {
  if (!options.isMainFrame || !isTrustedUrl(options.senderUrl, options.trustedOrigin)) {
    return failure('forbidden', '拒绝来自未知页面的请求。');
  }
  const parsed = argumentSchemas[name].safeParse(argument);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(
      'invalid-argument',
      `请求参数无效：${issue ? `${issue.path.join('.') || '参数'} ${issue.message}` : ''}`,
    );
  }
  try {
    const handler = handlers[name] as (value: unknown) => Promise<unknown>;
    return await handler(parsed.data);
  } catch (error) {
    options.onError?.(error);
    return failure(
      'internal',
      `程序内部错误：${(error as Error).message ?? String(error)}`,
    ) satisfies Failure;
  }
}
