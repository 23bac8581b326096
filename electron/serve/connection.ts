import { AsyncLocalStorage } from 'node:async_hooks';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { Answers, Question, ServerMessage } from '../../shared/ipc/socket';

/** One browser page connected over the WebSocket. */
export class Connection {
  menuListeners = 0;
  closeListeners = 0;
  /** The page settled its work after a close request and was told its window is closed. */
  windowClosed = false;
  private nextAsk = 1;
  private readonly asks = new Map<number, (answer: unknown) => void>();
  private closed = false;

  constructor(
    /** Increasing number per connection, so a test can tell a reloaded page from the old one. */
    readonly serial: number,
    private readonly socket: WebSocket,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  send(message: ServerMessage): void {
    if (this.closed) return;
    this.socket.send(JSON.stringify(message));
  }

  /**
   * Asks the page a question (a dialog, printing) and waits for the answer; a page that goes
   * away or answers nonsense counts as cancelling. Returns the ask's id with the answer.
   */
  async ask<K extends Question['kind']>(
    question: Extract<Question, { kind: K }>,
    schema: z.ZodType<Answers[K]>,
    cancelled: Answers[K],
  ): Promise<{ id: number; answer: Answers[K] }> {
    const id = this.nextAsk++;
    if (this.closed) return { id, answer: cancelled };
    const raw = await new Promise<unknown>((resolve) => {
      this.asks.set(id, resolve);
      this.send({ type: 'ask', id, question });
    });
    const parsed = schema.safeParse(raw);
    return { id, answer: parsed.success ? parsed.data : cancelled };
  }

  /** An answer arrived from the page. */
  answer(id: number, value: unknown): void {
    const resolve = this.asks.get(id);
    this.asks.delete(id);
    resolve?.(value);
  }

  /** The socket closed: every open question is cancelled. */
  close(): void {
    this.closed = true;
    for (const resolve of this.asks.values()) resolve(undefined);
    this.asks.clear();
  }
}

/** What a host call runs with: the page that made it and work to do once it returns. */
export interface CallContext {
  connection: Connection;
  /** Files the call produced for the page to save (exports), sent before the result. */
  deliveries: Array<{ askId: number; path: string; name: string }>;
  /** Clean-up after the call (temporary uploads). */
  cleanups: Array<() => Promise<void>>;
}

const calls = new AsyncLocalStorage<CallContext>();

/** Runs a host call with its context, so the browser ports know which page to ask. */
export function runInCall<T>(context: CallContext, work: () => Promise<T>): Promise<T> {
  return calls.run(context, work);
}

/** The context of the host call in progress, if any. */
export function currentCall(): CallContext | undefined {
  return calls.getStore();
}
