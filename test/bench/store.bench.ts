import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readDocumentFile,
  serialiseDocument,
  writeDocumentFile,
} from '../../electron/host/documentFile';
import { writeDurable } from '../../electron/host/durableFile';
import { dispatch } from '../../electron/host/gate/dispatch';
import type { Handlers } from '../../electron/host/handlers';
import { argumentSchemas } from '../../shared/ipc';
import { generateDocument } from './generate';
import { median, type Figure } from './measure';

async function plainWrite(path: string, bytes: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Open+validate against reading and JSON.parse of the same file; the durable write (temp file,
 * fsync, .bak link, rename, folder fsync) against a plain write+fsync of the same bytes; and the
 * whole Save (with serialisation) against the same baseline, for information; and the gate's
 * check of an argument carrying the whole document against zod's parse of it.
 */
export async function runStoreBench(sizes: readonly number[] = [1000, 10000]): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-bench-'));
  const figures: Figure[] = [];
  try {
    for (const projects of sizes) {
      const runs = projects >= 10000 ? 3 : 7;
      const document = generateDocument(projects, 15, 1);
      const text = serialiseDocument(document);
      const path = join(dir, `doc-${projects}.jixiao.json`);
      await writeFile(path, text);
      const megabytes = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);

      const parseMs = await median(runs, async () => JSON.parse(await readFile(path, 'utf8')));
      const openMs = await median(runs, () => readDocumentFile(path));
      figures.push({
        name: `打开+校验 ${projects} 个项目（${megabytes} MB）`,
        ms: openMs,
        baseline: '读文件+JSON.parse',
        baselineMs: parseMs,
        ratio: openMs / parseMs,
        ...(projects === 1000 ? { target: 3 } : {}),
      });

      const plainPath = join(dir, `plain-${projects}.json`);
      const plainMs = await median(runs, () => plainWrite(plainPath, text));
      const durableMs = await median(runs, () => writeDurable(path, text));
      figures.push({
        name: `持久写入 ${projects} 个项目（${megabytes} MB）`,
        ms: durableMs,
        baseline: '同样字节 write+fsync',
        baselineMs: plainMs,
        ratio: durableMs / plainMs,
        ...(projects === 1000 ? { target: 2 } : {}),
      });
      // What the gate costs a call that carries the whole document (export, print; a Save now
      // sends it in parts), against zod parsing the same argument.
      const argument = { documentId: 'bench', document };
      const handlers = { exportCheckReport: async () => ({ ok: true }) } as unknown as Handlers;
      const origin = { senderUrl: 'app://jixiao/index.html', isMainFrame: true };
      const zodMs = await median(runs, async () =>
        argumentSchemas.exportCheckReport.safeParse(argument),
      );
      const gateMs = await median(runs, () =>
        dispatch(handlers, 'exportCheckReport', argument, origin),
      );
      figures.push({
        name: `带整份文档的请求经网关校验（导出检查报告）${projects} 个项目`,
        ms: gateMs,
        baseline: 'zod 解析同一参数',
        baselineMs: zodMs,
        ratio: gateMs / zodMs,
      });
      // What Save costs in the app: serialising the document, then the durable write.
      const saveMs = await median(runs, () => writeDocumentFile(path, document));
      figures.push({
        name: `保存（序列化+持久写入）${projects} 个项目`,
        ms: saveMs,
        baseline: '同样字节 write+fsync',
        baselineMs: plainMs,
        ratio: saveMs / plainMs,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
