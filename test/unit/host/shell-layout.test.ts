import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/host/handlers';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import type { ShellPort } from '../../../electron/host/ports';
import type { Failure } from '../../../shared/ipc';

const ROOT = join(import.meta.dirname, '../../..');

async function host(disk?: string, shell?: ShellPort) {
  const folder = disk ?? (await mkdtemp(join(tmpdir(), 'jixiao-shell-')));
  const saves: string[] = [];
  const suggested: string[] = [];
  const handlers = createHandlers({
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async (name) => {
        suggested.push(name);
        return saves.shift() ?? null;
      },
      chooseExportPath: async () => join(folder, '公开表.docx'),
      confirmUnsaved: async () => 'cancel',
    },
    clock: { now: () => new Date('2026-11-23T10:00:00Z') },
    config: {
      appName: 'x',
      version: '1',
      platform: 'linux',
      userDataDir: join(folder, 'userData'),
      samplePath: join(ROOT, SAMPLE_FILE),
    },
    ...(shell ? { shell } : {}),
  });
  return { handlers, folder, saves, suggested };
}

function ok<T extends { ok: boolean }>(result: T): Exclude<T, Failure> {
  if (!result.ok) throw new Error((result as unknown as Failure).message);
  return result as Exclude<T, Failure>;
}

describe('save names', () => {
  it('suggests the year with the title and writes one .jixiao.json whatever the dialog appended', async () => {
    const { handlers, folder, saves, suggested } = await host();
    const sample = ok(await handlers.openSample(undefined));
    saves.push(join(folder, '新文档.jixiao.jixiao.json'));
    const saved = ok(
      await handlers.saveDocumentAs({ documentId: sample.documentId, document: sample.document }),
    );
    expect(suggested).toEqual(['2025年项目支出绩效目标表（含转移支付项目）.jixiao.json']);
    expect(saved.fileName).toBe('新文档.jixiao.json');
    expect((await readdir(folder)).filter((name) => name.endsWith('.json'))).toEqual([
      '新文档.jixiao.json',
    ]);
  });
});

describe('打开文件 / 打开所在文件夹 after an export', () => {
  it('opens the written file through the shell port by the id the export returned', async () => {
    const calls: string[] = [];
    const { handlers, folder } = await host(undefined, {
      openPath: async (path) => {
        calls.push(`open ${path}`);
        return '';
      },
      showItemInFolder: (path) => calls.push(`folder ${path}`),
    });
    const sample = ok(await handlers.openSample(undefined));
    const exported = ok(
      await handlers.exportDocument({
        documentId: sample.documentId,
        document: sample.document,
        options: { format: 'docx', layout: 'disclosure' },
      }),
    );
    expect(exported.exportId).toBeTruthy();
    ok(await handlers.showExported({ exportId: exported.exportId ?? '', how: 'open' }));
    ok(await handlers.showExported({ exportId: exported.exportId ?? '', how: 'folder' }));
    const target = join(folder, '公开表.docx');
    expect(calls).toEqual([`open ${target}`, `folder ${target}`]);
    const unknown = await handlers.showExported({ exportId: 'nope', how: 'open' });
    expect(unknown).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('says in Chinese when no program opens the file', async () => {
    const { handlers } = await host(undefined, {
      openPath: async () => 'No application',
      showItemInFolder: () => undefined,
    });
    const sample = ok(await handlers.openSample(undefined));
    const exported = ok(
      await handlers.exportDocument({
        documentId: sample.documentId,
        document: sample.document,
        options: { format: 'docx', layout: 'disclosure' },
      }),
    );
    const result = await handlers.showExported({ exportId: exported.exportId ?? '', how: 'open' });
    expect(result).toMatchObject({ ok: false, code: 'io-error' });
    expect((result as Failure).message).toContain('没有可以打开该文件的程序');
  });
});

describe('layout settings', () => {
  it('remembers the panel width across starts', async () => {
    const first = await host();
    expect(ok(await first.handlers.getLayout(undefined)).panelWidth).toBeNull();
    ok(await first.handlers.setLayout({ panelWidth: 612 }));
    const next = await host(first.folder);
    expect(ok(await next.handlers.getLayout(undefined)).panelWidth).toBe(612);
  });
});
