import { formatHtml, formatTsv } from '../../../shared/edit';
import { zhCN } from '../i18n/zh-CN';
import { notify } from '../store';
import { clearSelection, pasteText, selectionBlock } from './cellClipboard';

/**
 * 复制 / 剪切 / 粘贴 from the context menu (the keys use the browser's own clipboard events):
 * the async clipboard API, which the browser may refuse; then the clerk is told to use the keys.
 */
export async function copyToClipboard(): Promise<boolean> {
  const block = selectionBlock();
  if (block.length === 0) return false;
  const text = formatTsv(block);
  try {
    if (typeof ClipboardItem === 'function' && navigator.clipboard.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([formatHtml(block)], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
  } catch {
    notify({ kind: 'error', text: zhCN.edit.clipboardWriteRefused });
    return false;
  }
  notify({ kind: 'info', text: zhCN.edit.copied(block.length, block[0]?.length ?? 0) });
  return true;
}

export async function cutToClipboard(): Promise<void> {
  if (await copyToClipboard()) clearSelection();
}

/** Reads HTML and plain text from the clipboard; null when the browser refuses. */
async function readClipboard(): Promise<{ html: string; text: string } | null> {
  try {
    if (!navigator.clipboard.read) return { html: '', text: await navigator.clipboard.readText() };
    let html = '';
    let text = '';
    for (const item of await navigator.clipboard.read()) {
      if (!html && item.types.includes('text/html'))
        html = await (await item.getType('text/html')).text();
      if (!text && item.types.includes('text/plain'))
        text = await (await item.getType('text/plain')).text();
    }
    return { html, text };
  } catch {
    return null;
  }
}

export async function pasteFromClipboard(): Promise<void> {
  const contents = await readClipboard();
  if (!contents) {
    notify({ kind: 'error', text: zhCN.edit.clipboardReadRefused });
    return;
  }
  if (contents.html === '' && contents.text === '') {
    notify({ kind: 'info', text: zhCN.edit.clipboardEmpty });
    return;
  }
  pasteText(contents.html, contents.text);
}
