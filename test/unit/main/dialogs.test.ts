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
const { DIALOG_ANSWERED_CHANNEL } = await import('../../../shared/ipc/channels');

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

  it('tells the window once a dialog is answered, and not before (keys held until then)', async () => {
    const send = vi.fn();
    const owner = { isDestroyed: () => false, webContents: { send } };
    const port = createDialogPort(
      '绩效目标表编辑器',
      () => owner as unknown as Electron.BrowserWindow,
      new FileRouter({ send: () => undefined }),
    );
    let answer: (value: { response: number }) => void = () => undefined;
    showMessageBox.mockReturnValueOnce(new Promise((done) => (answer = done)));
    const choice = port.confirmUnsaved('2025年.jixiao.json');
    await Promise.resolve();
    expect(showMessageBox.mock.calls.at(-1)?.[0]).toBe(owner);
    expect(send).not.toHaveBeenCalled();
    answer({ response: 1 });
    expect(await choice).toBe('discard');
    expect(send.mock.calls).toEqual([[DIALOG_ANSWERED_CHANNEL]]);
    // A dialog that fails still lets the window's keys go.
    showMessageBox.mockRejectedValueOnce(new Error('dialog failed'));
    await expect(port.confirmUnsaved('2025年.jixiao.json')).rejects.toThrow('dialog failed');
    expect(send).toHaveBeenCalledTimes(2);
  });
});
