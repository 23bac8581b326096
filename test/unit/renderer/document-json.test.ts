import { produce } from 'immer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentJsonParts, sendParts } from '../../../renderer/src/documentJson';
import type { JixiaoDocument } from '../../../shared/model';
import { generateDocument } from '../../bench/generate';
import sample from '../../../resources/sample/guangzhou-2025.jixiao.json';

const immediately = () => Promise.resolve();

/** The parts joined, as the host joins them. */
async function documentJson(
  document: JixiaoDocument,
  pause: () => Promise<void>,
  size?: number,
): Promise<string> {
  return (await documentJsonParts(document, size, pause)).join('');
}

afterEach(() => vi.restoreAllMocks());

describe('the document as JSON text for the host', () => {
  it('is exactly JSON.stringify of the sample and of a generated department', async () => {
    const department = generateDocument(300, 15, 7) as JixiaoDocument;
    for (const document of [sample as unknown as JixiaoDocument, department]) {
      expect(await documentJson(document, immediately)).toBe(JSON.stringify(document));
    }
  });

  it('follows edits: a changed project, a new unit, a changed title, an unset member', async () => {
    let document = generateDocument(40, 6, 3) as JixiaoDocument;
    const edits: Array<(draft: JixiaoDocument) => void> = [
      (draft) => {
        const project = draft.units[0]?.projects[3];
        if (project) project.money.fiscal = 123456;
      },
      (draft) => {
        draft.title = '第二版：“引号”\\反斜杠\n换行';
      },
      (draft) => {
        draft.units.push({ ...(draft.units[0] as JixiaoDocument['units'][number]), id: 'u-new' });
      },
      (draft) => {
        const project = draft.units[1]?.projects[0] as unknown as Record<string, unknown>;
        project.goals = { ...(project.goals as object), midterm: undefined };
      },
      (draft) => {
        draft.units[0]?.projects.splice(1, 2);
      },
    ];
    for (const edit of edits) {
      document = produce(document, edit);
      expect(await documentJson(document, immediately)).toBe(JSON.stringify(document));
    }
  });

  it('comes in parts of exactly the given size but the last, whatever the size', async () => {
    const document = generateDocument(30, 6, 11) as JixiaoDocument;
    const whole = JSON.stringify(document);
    for (const size of [1, 7, 1000, 65_536, whole.length, whole.length + 1]) {
      const parts = await documentJsonParts(document, size, immediately);
      expect(parts.join('')).toBe(whole);
      expect(parts).toHaveLength(Math.ceil(whole.length / size));
      expect(parts.slice(0, -1).every((part) => part.length === size)).toBe(true);
    }
  });

  it('gives the window back between slices of a large document', async () => {
    const document = generateDocument(5000, 15, 9) as JixiaoDocument;
    const pause = vi.fn(() => Promise.resolve());
    await documentJsonParts(document, undefined, pause);
    expect(pause).toHaveBeenCalled();
  });
});

describe('sending the parts to the host', () => {
  const parts = ['{"a":', '1,"b":', '2}'];

  it('sends each part once, in order, with a pause between parts only', async () => {
    const log: string[] = [];
    const sent = await sendParts(
      parts,
      async (part, text) => {
        log.push(`${part}:${text}`);
        return { ok: true };
      },
      () => true,
      async () => {
        log.push('pause');
      },
    );
    expect(sent).toBe('sent');
    expect(log).toEqual(['0:{"a":', 'pause', '1:1,"b":', 'pause', '2:2}']);
  });

  it('stops at the first refusal and returns it; sends nothing more', async () => {
    const refusal = { ok: false as const, code: 'invalid-argument', message: '分段编号不对' };
    const seen: number[] = [];
    const sent = await sendParts(
      parts,
      async (part) => {
        seen.push(part);
        return part === 1 ? refusal : { ok: true };
      },
      () => true,
      immediately,
    );
    expect(sent).toBe(refusal);
    expect(seen).toEqual([0, 1]);
  });

  it('stops before the next part once the transfer is no longer wanted', async () => {
    let wanted = true;
    const seen: number[] = [];
    const sent = await sendParts(
      parts,
      async (part) => {
        seen.push(part);
        wanted = false; // the clerk saved or edited while the first part was on its way
        return { ok: true };
      },
      () => wanted,
      immediately,
    );
    expect(sent).toBe('stopped');
    expect(seen).toEqual([0]);
  });
});
