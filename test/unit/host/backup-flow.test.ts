import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDocumentFile } from '../../../electron/host/documentFile';
import { dispatch } from '../../../electron/host/gate/dispatch';
import { createHandlers } from '../../../electron/host/handlers';
import type { DialogPort, PrintPort } from '../../../electron/host/ports';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import type { Failure } from '../../../shared/ipc';
import type { JixiaoDocument } from '../../../shared/model';

const ROOT = join(import.meta.dirname, '../../..');
type RestoreAnswer = 'restore' | 'save-as' | 'cancel';

/** Host handlers over a temp disk with scripted dialog answers. */
async function host(options: { restoreQuestion?: boolean; printer?: PrintPort } = {}) {
  const disk = await mkdtemp(join(tmpdir(), 'jixiao-bak-'));
  const answers = {
    open: [] as string[],
    save: [] as string[],
    export: [] as string[],
    restore: [] as RestoreAnswer[],
  };
  const asked = { save: [] as string[], restore: [] as string[][] };
  const dialogs: DialogPort = {
    chooseOpenPath: async () => answers.open.shift() ?? null,
    chooseSavePath: async (suggested) => {
      asked.save.push(suggested);
      return answers.save.shift() ?? null;
    },
    chooseExportPath: async () => answers.export.shift() ?? null,
    confirmUnsaved: async () => 'cancel',
  };
  if (options.restoreQuestion !== false) {
    dialogs.confirmRestoreBackup = async (backupName, documentName) => {
      asked.restore.push([backupName, documentName]);
      return answers.restore.shift() ?? 'cancel';
    };
  }
  const handlers = createHandlers({
    ...(options.printer ? { printer: options.printer } : {}),
    dialogs,
    clock: { now: () => new Date('2026-11-23T10:00:00Z') },
    config: {
      appName: 'x',
      version: '1',
      platform: 'linux',
      userDataDir: join(disk, 'userData'),
      samplePath: join(ROOT, SAMPLE_FILE),
    },
  });
  return { handlers, disk, answers, asked };
}

function ok<T extends { ok: boolean }>(result: T): Exclude<T, Failure> {
  if (!result.ok) throw new Error((result as unknown as Failure).message);
  return result as Exclude<T, Failure>;
}

const ENGINE_TEXT = /ENOENT|EACCES|ENOSPC|no such file|Cannot read|Error:/;
const titleOf = async (path: string) =>
  (JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument).title;

/** A document saved twice (so a good .bak exists), then damaged on disk. */
async function damagedWithBackup(setup: Awaited<ReturnType<typeof host>>) {
  const sample = ok(await setup.handlers.openSample(undefined));
  const path = join(setup.disk, '部门表.jixiao.json');
  await writeDocumentFile(path, { ...sample.document, title: '第一版' });
  await writeDocumentFile(path, { ...sample.document, title: '第二版' });
  await writeFile(path, '{"schemaVersion":1,"title":"坏');
  return path;
}

describe('opening the .bak as the message advises, then saving', () => {
  it('offers to restore it over the document, with the usual durable write', async () => {
    const setup = await host();
    const { handlers, disk, answers, asked } = setup;
    const path = await damagedWithBackup(setup);
    answers.open.push(path);
    const refused = await handlers.openDocument(undefined);
    expect(refused).toMatchObject({ ok: false, code: 'invalid-document' });
    expect((refused as Failure).message).toContain('部门表.jixiao.json.bak');

    answers.open.push(`${path}.bak`);
    const backup = ok(await handlers.openDocument(undefined));
    expect(backup.document.title).toBe('第一版');
    answers.restore.push('restore');
    const saved = ok(
      await handlers.saveDocument({
        documentId: backup.documentId,
        document: { ...backup.document, title: '恢复后' },
      }),
    );
    expect(asked.restore).toEqual([['部门表.jixiao.json.bak', '部门表.jixiao.json']]);
    expect(saved.fileName).toBe('部门表.jixiao.json');
    expect(await titleOf(path)).toBe('恢复后');
    // The damaged file did not become the backup.
    expect(await titleOf(`${path}.bak`)).toBe('第一版');
    expect((await readdir(disk)).sort()).toEqual([
      'userData',
      '部门表.jixiao.json',
      '部门表.jixiao.json.bak',
    ]);
    // From now on Save writes the document itself, without asking again.
    ok(
      await handlers.saveDocument({
        documentId: backup.documentId,
        document: { ...backup.document, title: '再次保存' },
      }),
    );
    expect(asked.restore).toHaveLength(1);
    expect(await titleOf(path)).toBe('再次保存');
    expect(await titleOf(`${path}.bak`)).toBe('恢复后');
  });

  it('or saves under a new name, or does nothing when cancelled', async () => {
    const setup = await host();
    const { handlers, disk, answers, asked } = setup;
    const path = await damagedWithBackup(setup);
    answers.open.push(`${path}.bak`);
    const backup = ok(await handlers.openDocument(undefined));
    answers.restore.push('cancel');
    expect(
      await handlers.saveDocument({ documentId: backup.documentId, document: backup.document }),
    ).toMatchObject({ ok: false, code: 'cancelled' });
    answers.restore.push('save-as');
    answers.save.push(join(disk, '找回的表'));
    const saved = ok(
      await handlers.saveDocument({ documentId: backup.documentId, document: backup.document }),
    );
    expect(asked.save).toEqual(['部门表（备份）.jixiao.json']);
    expect(saved.fileName).toBe('找回的表.jixiao.json');
    expect(await titleOf(join(disk, '找回的表.jixiao.json'))).toBe('第一版');
    expect((await readdir(disk)).filter((name) => name.includes('.bak.'))).toEqual([]);
  });

  it('asks for a new name when the shell cannot ask the restore question; Save As onto a .bak asks it', async () => {
    const setup = await host({ restoreQuestion: false });
    const { handlers, disk, answers, asked } = setup;
    const path = await damagedWithBackup(setup);
    answers.open.push(`${path}.bak`);
    const backup = ok(await handlers.openDocument(undefined));
    answers.save.push(`${path}.bak`);
    const result = await handlers.saveDocumentAs({
      documentId: backup.documentId,
      document: backup.document,
    });
    // Without the question, a .bak chosen in Save As is not written as `….bak.jixiao.json`.
    expect(result).toMatchObject({ ok: false, code: 'cancelled' });
    expect(asked.save).toEqual(['部门表（备份）.jixiao.json', '部门表（备份）.jixiao.json']);
    expect((await readdir(disk)).filter((name) => name.includes('.bak.'))).toEqual([]);
  });
});

describe('what the app tells a clerk when a save or export cannot be done', () => {
  it('refuses to export onto a document of ours, leaving it untouched', async () => {
    const { handlers, disk, answers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const path = join(disk, '部门表.jixiao.json');
    await writeDocumentFile(path, sample.document);
    const before = await readFile(path, 'utf8');
    answers.export.push(path);
    const result = await handlers.exportDocument({
      documentId: sample.documentId,
      document: sample.document,
      options: { format: 'xlsx', layout: 'disclosure' },
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect((result as Failure).message).toMatch(/不会(写入或)?覆盖/);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('explains a missing folder and a read-only file in Chinese, without engine text', async () => {
    const { handlers, disk, answers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    answers.save.push(join(disk, '没有的文件夹', '表.jixiao.json'));
    const missing = await handlers.saveDocument({
      documentId: sample.documentId,
      document: sample.document,
    });
    expect(missing).toMatchObject({ ok: false, code: 'io-error' });
    expect((missing as Failure).message).toMatch(/文件夹不存在/);
    expect((missing as Failure).message).not.toMatch(ENGINE_TEXT);

    const locked = join(disk, '只读.jixiao.json');
    await writeDocumentFile(locked, sample.document);
    await chmod(locked, 0o444);
    answers.save.push(locked);
    const readOnly = await handlers.saveDocument({
      documentId: sample.documentId,
      document: { ...sample.document, title: '新' },
    });
    expect((readOnly as Failure).message).toMatch(/只读/);
    expect(await titleOf(locked)).toBe(sample.document.title);
  });

  it('opening a folder or an unreadable file says so in Chinese', async () => {
    const { handlers, disk, answers } = await host();
    answers.open.push(disk);
    const result = await handlers.openDocument(undefined);
    expect(result.ok).toBe(false);
    expect((result as Failure).message).toMatch(/[\u4e00-\u9fff]/);
    expect((result as Failure).message).not.toMatch(/EISDIR|illegal operation/);
  });
});

describe('printing engine failures', () => {
  it('are Chinese and say what to do; the engine text is not shown', async () => {
    const broken: PrintPort = {
      print: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'webContents')");
      },
      toPdf: async () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const { handlers, disk, answers } = await host({ printer: broken });
    const sample = ok(await handlers.openSample(undefined));
    const { documentId, document } = sample;
    const printed = await handlers.printDocument({
      documentId,
      document,
      options: { layout: 'disclosure' },
    });
    expect((printed as Failure).message).toMatch(/^打印失败：.*请/);
    expect((printed as Failure).message).not.toMatch(/Cannot read/);
    answers.export.push(join(disk, 'a.pdf'));
    const pdf = await handlers.exportPdf({ documentId, document, options: { layout: 'form' } });
    expect((pdf as Failure).message).toMatch(/^生成 PDF 失败.*请/);
    expect((pdf as Failure).message).not.toMatch(/Maximum call stack/);
    expect(await readdir(disk)).not.toContain('a.pdf');
  });
});

describe('calls through the IPC dispatcher', () => {
  it('explain a bad amount and an internal failure in Chinese and log the engine text', async () => {
    const { handlers } = await host();
    const sample = ok(await handlers.openSample(undefined));
    const logged: unknown[] = [];
    const options = {
      senderUrl: 'app://jixiao/index.html',
      isMainFrame: true,
      onError: (error: unknown) => logged.push(error),
    };
    const document = structuredClone(sample.document);
    document.units[0]!.projects[0]!.money.fiscal = Infinity;
    const bad = (await dispatch(
      handlers,
      'saveDocument',
      { documentId: sample.documentId, document },
      options,
    )) as Failure;
    expect(bad).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(bad.message).toMatch(/金额超出程序能处理的范围/);
    expect(bad.message).not.toMatch(/Infinity|received|expected/);
    expect(String(logged[0])).toMatch(/Infinity/);

    const throwing = {
      ...handlers,
      getAppInfo: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    };
    const internal = (await dispatch(throwing, 'getAppInfo', undefined, options)) as Failure;
    expect(internal).toMatchObject({ ok: false, code: 'internal' });
    expect(internal.message).toMatch(/^程序内部错误/);
    expect(internal.message).not.toMatch(/Cannot read/);
  });
});
