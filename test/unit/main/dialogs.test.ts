import { describe, expect, it, vi } from 'vitest';

const showMessageBox = vi.hoisted(() => vi.fn());
vi.mock('electron', () => {
  const module = {
    app: { getPath: () => '/home/kj/文档' },
    dialog: { showMessageBox },
  };
  return { ...module, default: module };
});

const { createDialogPort } = await import('../../../electron/main/dialogs');
const { FileRouter } = await import('../../../electron/main/openFiles');

describe('the main process dialogs', () => {
  it('asks in Chinese before a backup replaces its document, 另存为 by default', async () => {
    const port = createDialogPort(
      '绩效目标表编辑器',
      () => null,
      new FileRouter({ send: () => undefined }),
    );
    for (const [response, choice] of [
      [0, 'restore'],
      [1, 'save-as'],
      [2, 'cancel'],
    ] as const) {
      showMessageBox.mockResolvedValueOnce({ response });
      expect(
        await port.confirmRestoreBackup?.('2025年.jixiao.json.bak', '2025年.jixiao.json'),
      ).toBe(choice);
    }
    const options = showMessageBox.mock.calls[0]![0] as Electron.MessageBoxOptions;
    expect(options.message).toBe(
      '「2025年.jixiao.json.bak」是备份文件。要用它恢复「2025年.jixiao.json」吗？',
    );
    expect(options.buttons).toEqual(['恢复为「2025年.jixiao.json」', '另存为…', '取消']);
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(2);
  });
});
