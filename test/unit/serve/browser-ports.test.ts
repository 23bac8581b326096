import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import { startServeApp } from '../../../electron/serve/app';
import type { ServeServer } from '../../../electron/serve/server';
import { INVOKE_CHANNELS, type OpenedDocument } from '../../../shared/ipc';
import { fakeBuild, get, SocketPage } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, SAMPLE_FILE);

let server: ServeServer;
let root: string;
let page: SocketPage;
let cookie: string;
let nextId = 1;
let closed = 0;

const documentsDir = () => join(root, '文档/绩效目标表');
const stagingDir = () => join(root, 'userData/serve-temp');

/** Starts a call; returns a function that waits for its result. */
function call(channel: string, argument?: unknown): () => Promise<unknown> {
  const id = nextId++;
  page.send({ type: 'invoke', id, channel, ...(argument === undefined ? {} : { argument }) });
  return async () => (await page.next('result', (message) => message.id === id)).value;
}

beforeAll(async () => {
  const build = await fakeBuild();
  root = build.root;
  server = await startServeApp({
    rendererDir: build.rendererDir,
    clientScript: build.clientScript,
    samplePath: SAMPLE,
    version: 'test',
    userDataDir: join(root, 'userData'),
    documentsDir: documentsDir(),
    onWindowClosed: () => (closed += 1),
  });
  cookie = `jixiao-token-${server.port}=${server.token}`;
  page = await SocketPage.open(`ws://127.0.0.1:${server.port}/socket`, {
    origin: server.origin,
    cookie,
  });
});

afterAll(async () => {
  page.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('the browser shell: dialogs, files and printing in the browser', () => {
  let opened: OpenedDocument;

  it('打开: a file chosen in the browser is uploaded, copied into the documents folder and opened', async () => {
    const result = call(INVOKE_CHANNELS.openDocument);
    const ask = await page.next('ask');
    expect(ask.question).toMatchObject({ kind: 'open', purpose: 'document', documents: [] });
    const data = (await readFile(SAMPLE)).toString('base64');
    page.send({
      type: 'answer',
      id: ask.id,
      answer: { source: 'upload', name: '去年的表.jixiao.json', data },
    });
    opened = (await result()) as OpenedDocument;
    expect(opened).toMatchObject({ ok: true, fileName: '去年的表.jixiao.json', untitled: false });
    expect(opened.document.units[0]?.projects).toHaveLength(14);
    expect(await readdir(documentsDir())).toEqual(['去年的表.jixiao.json']);
    // The recent list is the host's, pointing at the copy in the documents folder.
    const recent = (await call(INVOKE_CHANNELS.listRecent)()) as {
      files: Array<{ fileName: string; folder: string }>;
    };
    expect(recent.files).toEqual([
      expect.objectContaining({ fileName: '去年的表.jixiao.json', folder: documentsDir() }),
    ]);
  });

  it('保存: an edit is written durably into the documents folder under the name typed', async () => {
    const edited = { ...opened.document, department: '广州市教育局' };
    const result = call(INVOKE_CHANNELS.saveDocumentAs, {
      documentId: opened.documentId,
      document: edited,
    });
    const ask = await page.next('ask');
    expect(ask.question).toMatchObject({
      kind: 'save',
      suggestedName: '去年的表.jixiao.json',
      existing: ['去年的表.jixiao.json'],
    });
    page.send({ type: 'answer', id: ask.id, answer: { name: '../../今年的表.jixiao.json' } });
    expect(await result()).toMatchObject({ ok: true, fileName: '今年的表.jixiao.json' });
    const saved = JSON.parse(await readFile(join(documentsDir(), '今年的表.jixiao.json'), 'utf8'));
    expect(saved.department).toBe('广州市教育局');
  });

  it('打开 from the documents folder lists the documents and opens the one clicked', async () => {
    const result = call(INVOKE_CHANNELS.openDocument);
    const ask = await page.next('ask');
    expect(
      ask.question.kind === 'open' && ask.question.documents.map((d) => d.name).sort(),
    ).toEqual(['今年的表.jixiao.json', '去年的表.jixiao.json']);
    page.send({
      type: 'answer',
      id: ask.id,
      answer: { source: 'folder', name: '今年的表.jixiao.json' },
    });
    const reopened = (await result()) as OpenedDocument;
    expect(reopened.document.department).toBe('广州市教育局');
  });

  it('a name outside the folder or a broken upload opens nothing and copies nothing', async () => {
    const outside = call(INVOKE_CHANNELS.openDocument);
    const ask = await page.next('ask');
    page.send({ type: 'answer', id: ask.id, answer: { source: 'folder', name: '../secret.txt' } });
    expect(await outside()).toMatchObject({ ok: false, code: 'cancelled' });
    const broken = call(INVOKE_CHANNELS.openDocument);
    const second = await page.next('ask');
    page.send({
      type: 'answer',
      id: second.id,
      answer: {
        source: 'upload',
        name: '坏.jixiao.json',
        data: Buffer.from('{"x":').toString('base64'),
      },
    });
    expect(await broken()).toMatchObject({ ok: false, code: 'invalid-document' });
    expect(await readdir(documentsDir())).not.toContain('坏.jixiao.json');
    expect(await readdir(documentsDir())).toHaveLength(2);
    expect(await readdir(stagingDir()).catch(() => [])).toEqual([]);
  });

  it('导出: the browser receives the .docx bytes before the result; nothing stays on the host', async () => {
    const result = call(INVOKE_CHANNELS.exportDocument, {
      documentId: opened.documentId,
      document: opened.document,
      options: { format: 'docx', layout: 'disclosure' },
    });
    const ask = await page.next('ask');
    expect(ask.question).toMatchObject({ kind: 'export', extension: 'docx' });
    page.send({ type: 'answer', id: ask.id, answer: { name: '公开表.docx' } });
    const exported = (await result()) as { ok: true; bytes: number };
    expect(exported).toMatchObject({ ok: true, fileName: '公开表.docx' });
    const delivered = await page.next('deliver');
    expect(delivered).toMatchObject({ id: ask.id, name: '公开表.docx' });
    const bytes = Buffer.from(delivered.data, 'base64');
    expect(bytes.length).toBe(exported.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await readdir(stagingDir())).toEqual([]);
  });

  it('导入: an uploaded table is read from a temporary copy that is removed afterwards', async () => {
    const result = call(INVOKE_CHANNELS.importFile);
    const ask = await page.next('ask');
    expect(ask.question).toMatchObject({ kind: 'open', purpose: 'import' });
    expect(ask.question.kind === 'open' && ask.question.accept).toContain('xlsx');
    const table = await readFile(join(ROOT, 'test/fixtures/seed-libreoffice.xlsx'));
    page.send({
      type: 'answer',
      id: ask.id,
      answer: { source: 'upload', name: '公开表.xlsx', data: table.toString('base64') },
    });
    const imported = (await result()) as OpenedDocument;
    expect(imported).toMatchObject({ ok: true, untitled: true });
    expect(imported.document.units[0]?.projects).toHaveLength(14);
    expect(await readdir(stagingDir())).toEqual([]);
  });

  it('打印: the browser gets a one-time print page (same CSP) and reports back', async () => {
    const result = call(INVOKE_CHANNELS.printDocument, {
      documentId: opened.documentId,
      document: opened.document,
      options: { layout: 'disclosure' },
    });
    const ask = await page.next('ask');
    expect(ask.question.kind).toBe('print');
    const url = ask.question.kind === 'print' ? ask.question.url : '';
    expect((await get(server.port, url)).status).toBe(401);
    const printPage = await get(server.port, url, { cookie });
    expect(printPage.status).toBe(200);
    expect(printPage.body).toContain('<script src="/jixiao-client.js" data-print></script>');
    expect(printPage.body).toContain('广州市机电技师学院');
    expect(printPage.headers['content-security-policy']).toContain("script-src 'self'");
    page.send({ type: 'answer', id: ask.id, answer: true });
    expect(await result()).toEqual({ ok: true });
    expect((await get(server.port, url, { cookie })).status).toBe(404);
  });

  it('导出 PDF says to use the browser print dialog, without asking for a file name first', async () => {
    const result = await call(INVOKE_CHANNELS.exportPdf, {
      documentId: opened.documentId,
      document: opened.document,
      options: { layout: 'disclosure' },
    })();
    expect(result).toMatchObject({ ok: false });
    expect((result as { message: string }).message).toContain(
      '在浏览器的打印对话框中选择「另存为 PDF」',
    );
    expect(page.received.filter((message) => message.type === 'ask')).toEqual([]);
    expect(await readdir(stagingDir())).toEqual([]);
  });

  it('是否保存 is asked in the browser; closing the window tells the page and the command', async () => {
    const result = call(INVOKE_CHANNELS.confirmUnsaved, { fileName: '今年的表.jixiao.json' });
    const ask = await page.next('ask');
    page.send({ type: 'answer', id: ask.id, answer: 'discard' });
    expect(await result()).toEqual({ ok: true, choice: 'discard' });
    await call(INVOKE_CHANNELS.closeWindow)();
    await page.next('window-closed');
    expect(closed).toBe(1);
  });
});
