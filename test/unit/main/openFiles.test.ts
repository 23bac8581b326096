import { describe, expect, it } from 'vitest';
import {
  FileRouter,
  REQUEST_LIFETIME_MS,
  requestForPath,
  requestsFromArgv,
} from '../../../electron/main/openFiles';

describe('files given to the app', () => {
  it('opens documents and imports tables by their extension', () => {
    expect(requestForPath('/d/2026年.jixiao.json')).toEqual({
      purpose: 'document',
      path: '/d/2026年.jixiao.json',
    });
    expect(requestForPath('/d/旧.JSON')?.purpose).toBe('document');
    for (const table of ['a.xlsx', 'a.XLS', 'a.docx', 'a.pdf', 'a.csv', 'a.txt']) {
      expect(requestForPath(`/d/${table}`)?.purpose, table).toBe('import');
    }
    for (const other of ['a.exe', 'a.doc', 'folder', 'a.jixiao.json.bak']) {
      expect(requestForPath(`/d/${other}`), other).toBeNull();
    }
  });

  it('reads a command line: skips the executable, switches and the dev app folder', () => {
    expect(
      requestsFromArgv(
        ['/opt/jixiao/jixiao', '--no-sandbox', '.', 'out/main/index.js', '表.xlsx'],
        '/home/kj/下载',
      ),
    ).toEqual([{ purpose: 'import', path: '/home/kj/下载/表.xlsx' }]);
  });

  it('turns file:// URLs from Linux file managers into paths', () => {
    expect(
      requestsFromArgv(
        ['jixiao', 'file:///home/kj/%E6%96%87%E6%A1%A3/2026%E5%B9%B4.jixiao.json'],
        '/',
      ),
    ).toEqual([{ purpose: 'document', path: '/home/kj/文档/2026年.jixiao.json' }]);
    expect(requestsFromArgv(['jixiao', 'file://remote-host/x.xlsx'], '/')).toEqual([]);
  });
});

describe('FileRouter', () => {
  function router() {
    const sent: string[] = [];
    let now = 1_000;
    const instance = new FileRouter({ send: (command) => sent.push(command), now: () => now });
    return { instance, sent, advance: (ms: number) => (now += ms) };
  }

  it('waits for the renderer, then sends the command once', () => {
    const { instance, sent } = router();
    instance.request({ purpose: 'import', path: '/t.xlsx' });
    expect(sent).toEqual([]);
    expect(instance.hasPending()).toBe(true);
    instance.rendererReady();
    expect(sent).toEqual(['import']);
    expect(instance.take('document')).toBeNull();
    expect(instance.take('import')).toBe('/t.xlsx');
    expect(instance.take('import')).toBeNull();
    expect(instance.hasPending()).toBe(false);
  });

  it('keeps a newer file over an older one, and forgets one nobody asked for', () => {
    const { instance, sent, advance } = router();
    instance.rendererReady();
    instance.request({ purpose: 'document', path: '/a.jixiao.json' });
    instance.request({ purpose: 'document', path: '/b.jixiao.json' });
    expect(sent).toEqual(['open', 'open']);
    expect(instance.take('document')).toBe('/b.jixiao.json');
    instance.request({ purpose: 'document', path: '/c.jixiao.json' });
    advance(REQUEST_LIFETIME_MS + 1);
    expect(instance.take('document')).toBeNull();
  });

  it('holds commands while the window is gone and drops a file when the clerk cancels', () => {
    const { instance, sent } = router();
    instance.rendererReady();
    instance.rendererGone();
    instance.request({ purpose: 'document', path: '/a.jixiao.json' });
    expect(sent).toEqual([]);
    instance.rendererReady();
    expect(sent).toEqual(['open']);
    instance.drop();
    expect(instance.take('document')).toBeNull();
  });
});
