import { DOCUMENT_PART_CHARS } from '../../shared/ipc';
import type { JixiaoDocument } from '../../shared/model';

/**
 * The document as JSON text in parts, which joined equal `JSON.stringify(document)`, for handing
 * it to the host without freezing the window. At 10,000 projects the old way stopped the window
 * for 1.0–1.1 s on every autosave (Chromium, the bench machine): the whole document was copied
 * for IPC in one task. One 32,000,000-character string is no better: every copy of it fills
 * 64 MB of fresh memory. So no step here or in IPC handles more than one part: projects are
 * stringified one at a time into parts, in slices that give the window back between them.
 * Project texts are not kept between autosaves: kept, they cost 64 MB for good, and their
 * promotion stopped the window for 60 ms at a time in the garbage collector.
 */
/** Longest run of work between two returns to the event loop (ms). */
const SLICE_MS = 8;

/** Lets the window handle what is waiting (keys, paints) before the next step. */
export function yieldToWindow(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Sends `parts` to the host one per task (each is copied on its way there, so the window never
 * stops for more than one). Stops at the first refusal, which it returns, or before a part once
 * `wanted` says the transfer is no longer wanted.
 */
export async function sendParts<Refusal extends { ok: false }>(
  parts: readonly string[],
  send: (part: number, text: string) => Promise<{ ok: true } | Refusal>,
  wanted: () => boolean = () => true,
  pause: () => Promise<void> = yieldToWindow,
): Promise<'sent' | 'stopped' | Refusal> {
  for (let part = 0; part < parts.length; part += 1) {
    if (part > 0) await pause();
    if (!wanted()) return 'stopped';
    const result = await send(part, parts[part] as string);
    if (!result.ok) return result;
  }
  return 'sent';
}

/** Collects text into parts of exactly `size` characters (the last may be shorter). */
class Parts {
  readonly done: string[] = [];
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly size: number) {}

  add(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      const room = this.size - this.length;
      const piece = rest.length <= room ? rest : rest.slice(0, room);
      this.pieces.push(piece);
      this.length += piece.length;
      rest = rest.slice(piece.length);
      if (this.length === this.size) this.close();
    }
  }

  close(): void {
    if (this.length === 0) return;
    this.done.push(this.pieces.join(''));
    this.pieces = [];
    this.length = 0;
  }
}

/** Writes `object` as JSON.stringify would, with the member `key`'s value written by `inner`. */
async function writeObject(
  out: Parts,
  object: object,
  key: string,
  inner: () => Promise<void>,
): Promise<void> {
  out.add('{');
  let separator = '';
  for (const [name, value] of Object.entries(object)) {
    if (name === key) {
      out.add(`${separator}${JSON.stringify(name)}:`);
      await inner();
    } else {
      // Members JSON.stringify leaves out (undefined, functions) are left out here too.
      const text = JSON.stringify(value) as string | undefined;
      if (text === undefined) continue;
      out.add(`${separator}${JSON.stringify(name)}:${text}`);
    }
    separator = ',';
  }
  out.add('}');
}

/**
 * The document's JSON text in parts of at most `size` characters, built in slices; `pause`
 * returns to the window between them.
 */
export async function documentJsonParts(
  document: JixiaoDocument,
  size: number = DOCUMENT_PART_CHARS,
  pause: () => Promise<void> = yieldToWindow,
): Promise<string[]> {
  const out = new Parts(size);
  let sliceStart = performance.now();
  const writeProjects = async (projects: readonly object[]) => {
    out.add('[');
    for (let index = 0; index < projects.length; index += 1) {
      const project = projects[index] as object;
      const text = JSON.stringify(project);
      out.add(index === 0 ? text : `,${text}`);
      if (performance.now() - sliceStart > SLICE_MS) {
        await pause();
        sliceStart = performance.now();
      }
    }
    out.add(']');
  };
  await writeObject(out, document, 'units', async () => {
    out.add('[');
    for (let index = 0; index < document.units.length; index += 1) {
      const unit = document.units[index] as JixiaoDocument['units'][number];
      if (index > 0) out.add(',');
      await writeObject(out, unit, 'projects', () => writeProjects(unit.projects));
    }
    out.add(']');
  });
  out.close();
  return out.done;
}
