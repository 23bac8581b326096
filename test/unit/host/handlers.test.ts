import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/host/handlers';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import { RecoveryStore } from '../../../electron/host/recovery';
import { seedText } from '../export/helpers';
import type { Failure } from '../../../shared/ipc';

const ROOT = join(import.meta.dirname, '../../..');

/** Host handlers over a temp disk; pass `disk` again to simulate the next start of the program. */
async function host(existingDisk?: string) {
  const disk = existingDisk ?? (await mkdtemp(join(tmpdir(), 'jixiao-host-')));
  const answers = {
    open: [] as string[],
    save: [] as string[],
    export: [] as string[],
    unsaved: [] as Array<'save' | 'discard' | 'cancel'>,
  };
  let closed = 0;
  const handlers = createHandlers({
    dialogs: {
      chooseOpenPath: async () => answers.open.shift() ?? null,
      chooseSavePath: async () => answers.save.shift() ?? null,
      chooseExportPath: async () => answers.export.shift() ?? null,
      confirmUnsaved: async () => answers.unsaved.shift() ?? 'cancel',
    },
    clock: { now: () => new Date('2026-11-23T10:00:00Z') },
    config: {
      appName: 'x',
      version: '1',
      platform: 'linux',
      userDataDir: join(disk, 'userData'),
      samplePath: join(ROOT, SAMPLE_FILE),
    },
    window: { close: () => (closed += 1) },
  });
  return { handlers, disk, answers, closed: () => closed };
}

function ok<T extends { ok: boolean }>(result: T): Exclude<T, Failure> {
  if (!result.ok) throw new Error((result as unknown as Failure).message);
  return result as Exclude<T, Failure>;
}

describe('recovery of unsaved work', () => {
  it('keeps an autosaved copy that a later start can restore, and drops it once saved', async () => {
    const { handlers, disk } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const edited = { ...sample.document, department: '已修改的部门' };
    ok(
      await handlers.writeRecovery({
        documentId: sample.documentId,
        autosave: 'a1',
        part: 0,
        parts: 1,
        text: JSON.stringify(edited),
      }),
    );

    // A new start of the program (same userData) lists and restores it.
    const next = await host(disk);
    const restarted = next.handlers;
    const listed = ok(await restarted.listRecovery(undefined));
    expect(listed.entries).toHaveLength(1);
    expect(listed.entries[0]).toMatchObject({ projects: 14, savedAt: '2026-11-23T10:00:00.000Z' });
    const restored = ok(await restarted.restoreRecovery({ recoveryId: listed.entries[0]!.id }));
    expect(restored.restored).toBe(true);
    expect(restored.document.department).toBe('已修改的部门');
    // It came from the sample, so Save asks for a new file.
    expect(restored.untitled).toBe(true);
    next.answers.save.push(join(disk, '恢复的表'));
    ok(
      await restarted.saveDocument({
        documentId: restored.documentId,
        document: restored.document,
      }),
    );
    expect(ok(await restarted.listRecovery(undefined)).entries).toEqual([]);
    expect(JSON.parse(await readFile(join(disk, '恢复的表.jixiao.json'), 'utf8')).department).toBe(
      '已修改的部门',
    );
  });

  it('discards on request and on closing the document', async () => {
    const { handlers, disk } = await host();
    const first = ok(await handlers.newDocument(undefined));
    const second = ok(await handlers.newDocument(undefined));
    ok(
      await handlers.writeRecovery({
        documentId: first.documentId,
        autosave: 'a1',
        part: 0,
        parts: 1,
        text: JSON.stringify(first.document),
      }),
    );
    ok(
      await handlers.writeRecovery({
        documentId: second.documentId,
        autosave: 'a1',
        part: 0,
        parts: 1,
        text: JSON.stringify(second.document),
      }),
    );
    ok(await handlers.closeDocument({ documentId: first.documentId }));
    const [entry] = ok(await handlers.listRecovery(undefined)).entries;
    expect(entry?.id).toBe(second.documentId);
    ok(await handlers.discardRecovery({ recoveryId: second.documentId }));
    expect(await readdir(join(disk, 'userData/recovery'))).toEqual([]);
  });

  it('refuses recovery for a document the host does not know', async () => {
    const { handlers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    expect(
      await handlers.writeRecovery({
        documentId: 'unknown',
        autosave: 'a1',
        part: 0,
        parts: 1,
        text: JSON.stringify(sample.document),
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('joins an autosave sent in parts, in any order; an overtaken autosave is never written', async () => {
    const { handlers, disk } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const older = JSON.stringify({ ...sample.document, department: '旧的一次' });
    const newer = JSON.stringify({ ...sample.document, department: '新的一次' });
    const cut = (text: string) => [text.slice(0, 1000), text.slice(1000, 5000), text.slice(5000)];
    const send = (autosave: string, text: string, part: number) =>
      handlers.writeRecovery({
        documentId: sample.documentId,
        autosave,
        part,
        parts: 3,
        text: cut(text)[part] as string,
      });
    const written = async () =>
      (await readdir(join(disk, 'userData/recovery')).catch(() => [])).length > 0;
    ok(await send('old', older, 0));
    ok(await send('old', older, 2));
    expect(await written()).toBe(false); // nothing written before the last part
    ok(await send('new', newer, 2)); // a newer autosave starts: the older one's parts are dropped
    ok(await send('old', older, 1)); // the older one's late part starts it over, never completes it
    expect(await written()).toBe(false);
    ok(await send('new', newer, 0));
    ok(await send('new', newer, 1));
    ok(await send('new', newer, 2));
    const next = await host(disk);
    const [entry] = ok(await next.handlers.listRecovery(undefined)).entries;
    const restored = ok(await next.handlers.restoreRecovery({ recoveryId: entry!.id }));
    expect(restored.document.department).toBe('新的一次');
  });

  it('never leaves behind an autosave that began before the work was saved', async () => {
    const { handlers, disk } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const text = JSON.stringify({ ...sample.document, department: '保存前的修改' });
    const send = (part: number) =>
      handlers.writeRecovery({
        documentId: sample.documentId,
        autosave: 'before-save',
        part,
        parts: 2,
        text: part === 0 ? text.slice(0, 2000) : text.slice(2000),
      });
    ok(await send(0));
    // Saved (or 不保存) while the autosave's last part is still on its way.
    ok(await handlers.clearRecovery({ documentId: sample.documentId }));
    ok(await send(1));
    expect(await readdir(join(disk, 'userData/recovery')).catch(() => [])).toEqual([]);
    // One begun after the save is kept as always.
    ok(
      await handlers.writeRecovery({
        documentId: sample.documentId,
        autosave: 'after-save',
        part: 0,
        parts: 1,
        text,
      }),
    );
    expect(ok(await handlers.listRecovery(undefined)).entries).toHaveLength(1);
  });

  it('removes again a copy whose write was still going on when the work was saved', async () => {
    const disk = await mkdtemp(join(tmpdir(), 'jixiao-recovery-race-'));
    const store = new RecoveryStore(join(disk, 'userData'));
    const { handlers } = await host();
    const document = ok(await handlers.openSample(undefined)).document;
    const entry = {
      id: 'doc-1',
      fileName: '表.jixiao.json',
      originalPath: null,
      savedAt: '',
      document,
    };
    const writing = store.write(entry, store.removed('doc-1'));
    await store.remove('doc-1');
    await writing;
    expect(await store.list()).toEqual([]);
    await rm(disk, { recursive: true, force: true });
  });

  it('refuses text that is not a valid document, in Chinese, and writes nothing', async () => {
    const { handlers, disk } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const broken = JSON.stringify({ ...sample.document, fiscalYear: '明年' });
    for (const text of ['{"schemaVersion":2,"title":', '[]', broken]) {
      const result = await handlers.writeRecovery({
        documentId: sample.documentId,
        autosave: text.slice(0, 5),
        part: 0,
        parts: 1,
        text,
      });
      expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
      expect((result as Failure).message).toMatch(/^自动保存收到的内容不是有效的文档/);
    }
    const written = await readdir(join(disk, 'userData/recovery')).catch(() => []);
    expect(written).toEqual([]);
  });
});

describe('saving a document sent in parts', () => {
  it('saves what the parts of one transfer make, once; anything else is refused, in Chinese, unsaved', async () => {
    const { handlers, disk, answers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const { documentId } = sample;
    const text = JSON.stringify({ ...sample.document, department: '分段送来的部门' });
    const pieces = [text.slice(0, 700), text.slice(700, 4000), text.slice(4000)];
    const stage = (transfer: string, part: number) =>
      handlers.stageDocument({
        documentId,
        transfer,
        part,
        parts: 3,
        text: pieces[part] as string,
      });
    const target = join(disk, '分段.jixiao.json');
    const files = async () => (await readdir(disk)).filter((name) => name.endsWith('.json'));

    // Parts still missing: the save names a transfer that never arrived whole.
    ok(await stage('t1', 0));
    ok(await stage('t1', 2));
    answers.save.push(target);
    const early = await handlers.saveDocumentAs({ documentId, staged: 't1' });
    expect(early).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect((early as Failure).message).toMatch(/^要保存的内容没有完整送到/);
    expect(await files()).toEqual([]);

    ok(await stage('t1', 1));
    answers.save.length = 0;
    answers.save.push(target);
    ok(await handlers.saveDocumentAs({ documentId, staged: 't1' }));
    const saved = JSON.parse(await readFile(target, 'utf8')) as { department: string };
    expect(saved.department).toBe('分段送来的部门');
    // Taken once: the same transfer cannot be saved again.
    expect(await handlers.saveDocument({ documentId, staged: 't1' })).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });

    const broken = await handlers.stageDocument({
      documentId,
      transfer: 't2',
      part: 0,
      parts: 1,
      text: JSON.stringify({ ...sample.document, fiscalYear: '明年' }),
    });
    expect(broken).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect((broken as Failure).message).toMatch(/^要保存的内容不是有效的文档/);
    expect(await handlers.saveDocument({ documentId, staged: 't2' })).toMatchObject({ ok: false });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(saved);
  });

  it('refuses parts for a document the host does not know', async () => {
    const { handlers } = await host();
    expect(
      await handlers.stageDocument({
        documentId: 'unknown',
        transfer: 't',
        part: 0,
        parts: 1,
        text: '{}',
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('export, unsaved-changes question and closing', () => {
  it('writes the export where the dialog says and reports its size', async () => {
    const { handlers, disk, answers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    answers.export.push(join(disk, 'out.xlsx'));
    const result = ok(
      await handlers.exportDocument({
        documentId: sample.documentId,
        document: sample.document,
        options: { format: 'xlsx', layout: 'disclosure' },
      }),
    );
    expect(result.fileName).toBe('out.xlsx');
    expect((await readFile(join(disk, 'out.xlsx'))).byteLength).toBe(result.bytes);
    expect(
      await handlers.exportDocument({
        documentId: sample.documentId,
        document: sample.document,
        options: { format: 'docx', layout: 'form' },
      }),
    ).toMatchObject({ ok: false, code: 'cancelled' });
  });

  it('passes the 保存 / 不保存 / 取消 answer through and closes the window on request', async () => {
    const { handlers, answers, closed } = await host();
    answers.unsaved.push('discard');
    expect(ok(await handlers.confirmUnsaved({ fileName: 'a.jixiao.json' })).choice).toBe('discard');
    expect(ok(await handlers.confirmUnsaved({ fileName: 'a.jixiao.json' })).choice).toBe('cancel');
    ok(await handlers.closeWindow(undefined));
    expect(closed()).toBe(1);
  });

  it('never writes over the shipped sample', async () => {
    const { handlers, answers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    answers.save.push(join(ROOT, SAMPLE_FILE));
    expect(
      await handlers.saveDocument({ documentId: sample.documentId, document: sample.document }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('提交前检查 report export', () => {
  it('writes the report of the sample as Chinese text with a BOM', async () => {
    const { handlers, disk, answers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    answers.export.push(join(disk, '检查报告.txt'));
    const result = ok(
      await handlers.exportCheckReport({
        documentId: sample.documentId,
        document: sample.document,
      }),
    );
    const text = await readFile(join(disk, '检查报告.txt'), 'utf8');
    expect(
      text.startsWith('\uFEFF提交前检查：项目支出绩效目标表（含转移支付项目）（2025年）'),
    ).toBe(true);
    expect(text).toContain('错误 0 项');
    expect(text).toContain('「广州市机电技师学院2024年智慧校园管理系统升级改造项目」');
    expect(result.bytes).toBeGreaterThan(1000);
  });
});

describe('importing a file', () => {
  it('names the import after the file, with one .jixiao.json', async () => {
    const { handlers, answers } = await host();
    answers.open.push(
      join(ROOT, 'test/fixtures/seed-libreoffice.xlsx'),
      join(ROOT, 'test/fixtures/stage/chizhou-2022.jixiao.json'),
    );
    expect(ok(await handlers.importFile(undefined)).fileName).toBe('seed-libreoffice.jixiao.json');
    // A document of this program: not 「chizhou-2022.jixiao.jixiao.json」.
    expect(ok(await handlers.importFile(undefined)).fileName).toBe('chizhou-2022.jixiao.json');
  });
});

describe('importing pasted text', () => {
  const seed = seedText();
  const cellLines = readFileSync(join(ROOT, 'test/fixtures/seed-cell-lines.txt'), 'utf8');

  it('opens the seed pasted as tab-separated text, or with one cell per line, with its report', async () => {
    const { handlers } = await host();
    for (const text of [seed, cellLines]) {
      const opened = ok(await handlers.importText({ text }));
      const projects = opened.document.units.flatMap((unit) => unit.projects);
      expect(projects).toHaveLength(14);
      expect(projects.flatMap((project) => project.indicators)).toHaveLength(89);
      expect(opened.fileName).toBe('粘贴的表格.jixiao.json');
      expect(opened.importReport?.entries.length).toBeGreaterThan(0);
    }
  });

  it('explains in Chinese what is wrong with empty, unreadable or overlong text', async () => {
    const { handlers } = await host();
    const empty = await handlers.importText({ text: ' \n\t ' });
    expect(empty).toMatchObject({ ok: false, code: 'invalid-document' });
    expect((empty as Failure).message).toContain('没有粘贴任何文字');
    const prose = await handlers.importText({ text: '这是一段普通的说明文字，\n不是表格。' });
    expect(prose).toMatchObject({ ok: false, code: 'invalid-document' });
    expect((prose as Failure).message).toMatch(/表头|表格/);
    // Past the old 5,000,000-character cap: read in the worker, refused only for what it holds.
    const long = await handlers.importText({ text: `${'x'.repeat(1999)}\n`.repeat(3000) });
    expect(long).toMatchObject({ ok: false, code: 'invalid-document' });
    expect((long as Failure).message).toMatch(/表头|表格/);
  });
});
