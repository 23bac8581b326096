import { DIALOG_SHOWN_EVENT } from '../shared/ipc/channels';
import type { Answers, Question } from '../shared/ipc/socket';
import { fileToBase64 } from './files';

const STYLE = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex;
  align-items: center; justify-content: center; z-index: 2147483647;
  font: 14px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #222; }
.box { background: #fff; border-radius: 6px; box-shadow: 0 8px 30px rgba(0,0,0,.3);
  padding: 18px 20px; width: min(520px, 92vw); max-height: 86vh; overflow: auto; }
h2 { font-size: 16px; margin: 0 0 10px; }
p { margin: 6px 0; }
.folder { color: #555; font-size: 12px; word-break: break-all; }
ul { list-style: none; margin: 8px 0; padding: 0; max-height: 40vh; overflow: auto;
  border: 1px solid #ddd; border-radius: 4px; }
li button { display: flex; justify-content: space-between; width: 100%; border: 0;
  background: none; padding: 6px 10px; text-align: left; font: inherit; cursor: pointer; }
li button:hover, li button:focus { background: #e8f0fe; }
.time { color: #777; font-size: 12px; margin-left: 12px; white-space: nowrap; }
.drop { border: 2px dashed #aaa; border-radius: 6px; padding: 16px; text-align: center;
  margin: 10px 0; color: #555; }
.drop.over { border-color: #1a73e8; background: #e8f0fe; }
input[type=text] { width: 100%; box-sizing: border-box; font: inherit; padding: 5px 8px;
  border: 1px solid #aaa; border-radius: 4px; }
.warn { color: #a15c00; font-size: 13px; }
.error { color: #c5221f; font-size: 13px; }
.buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 14px; }
button.action { font: inherit; padding: 5px 16px; border: 1px solid #999; border-radius: 4px;
  background: #f6f6f6; cursor: pointer; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
`;

type Close = () => void;

/** A modal box in its own shadow root, so the app's styles and shortcuts never touch it. */
function modal(title: string, onEscape: () => void): { box: HTMLElement; close: Close } {
  const host = document.createElement('div');
  // The renderer's shortcuts stand still while a modal is open (it looks for aria-modal).
  host.setAttribute('aria-modal', 'true');
  host.setAttribute('data-jixiao-dialog', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
  const box = document.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', title);
  const heading = document.createElement('h2');
  heading.textContent = title;
  box.append(heading);
  backdrop.append(box);
  root.append(style, backdrop);
  const previous = document.activeElement as HTMLElement | null;
  // The app beneath takes no focus, clicks or keys while the box is open: a dialog of the app's
  // own (新建下一年度) kept the focus in its field under 是否保存, and keys typed there reached
  // the grid behind it and renamed a project.
  const app = document.getElementById('root');
  const appWasInert = app?.inert ?? false;
  if (app) app.inert = true;
  host.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Escape') onEscape();
  });
  document.body.append(host);
  window.dispatchEvent(new Event(DIALOG_SHOWN_EVENT));
  return {
    box,
    close() {
      host.remove();
      if (app) app.inert = appWasInert;
      previous?.focus?.();
    },
  };
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function buttons(
  box: HTMLElement,
  entries: Array<[string, () => void, boolean?]>,
): HTMLButtonElement[] {
  const row = element('div', undefined, 'buttons');
  const made = entries.map(([label, onClick, primary]) => {
    const button = element('button', label, primary ? 'action primary' : 'action');
    button.type = 'button';
    button.addEventListener('click', onClick);
    row.append(button);
    return button;
  });
  box.append(row);
  return made;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 打开 / 导入: a document from the documents folder, or a file from this computer. */
export function askOpen(question: Extract<Question, { kind: 'open' }>): Promise<Answers['open']> {
  return new Promise((resolve) => {
    const title = question.purpose === 'import' ? '导入往年表格' : '打开文档';
    const done = (answer: Answers['open']) => {
      close();
      resolve(answer);
    };
    const { box, close } = modal(title, () => done(null));
    const message = element('p', undefined, 'error');
    const upload = async (file: File) => {
      message.textContent = `正在读取「${file.name}」……`;
      try {
        done({ source: 'upload', name: file.name, data: await fileToBase64(file) });
      } catch {
        message.textContent = `无法读取「${file.name}」。`;
      }
    };
    if (question.purpose === 'document') {
      box.append(element('p', '文档文件夹：'), element('p', question.folder, 'folder'));
      if (question.documents.length > 0) {
        const list = element('ul');
        for (const entry of question.documents) {
          const button = element('button');
          button.type = 'button';
          button.append(
            element('span', entry.name),
            element('span', formatTime(entry.modifiedAt), 'time'),
          );
          button.addEventListener('click', () => done({ source: 'folder', name: entry.name }));
          const item = element('li');
          item.append(button);
          list.append(item);
        }
        box.append(list);
      } else {
        box.append(element('p', '文件夹中还没有文档。', 'folder'));
      }
    }
    const input = element('input');
    input.type = 'file';
    input.hidden = true;
    input.accept = question.accept.map((extension) => `.${extension}`).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void upload(file);
    });
    const drop = element('div', undefined, 'drop');
    const pick = element('button', '从本机选择文件…', 'action');
    pick.type = 'button';
    pick.addEventListener('click', () => input.click());
    drop.append(element('p', '把文件拖到这里，或'), pick);
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      const file = event.dataTransfer?.files[0];
      if (file) void upload(file);
    });
    box.append(drop, input, message);
    const [cancel] = buttons(box, [['取消', () => done(null)]]);
    ((box.querySelector('li button') as HTMLButtonElement | null) ?? pick ?? cancel)?.focus();
  });
}

/** 保存: a file name in the documents folder on the host. */
export function askSave(question: Extract<Question, { kind: 'save' }>): Promise<Answers['save']> {
  return new Promise((resolve) => {
    const done = (answer: Answers['save']) => {
      close();
      resolve(answer);
    };
    const { box, close } = modal('保存文档', () => done(null));
    box.append(element('p', '保存到文档文件夹：'), element('p', question.folder, 'folder'));
    const input = element('input');
    input.type = 'text';
    input.value = question.suggestedName;
    input.setAttribute('aria-label', '文件名');
    const warning = element('p', undefined, 'warn');
    const existing = new Set(question.existing.map((name) => name.toLowerCase()));
    const withExtension = () => {
      const name = input.value.trim();
      return name.toLowerCase().endsWith('.jixiao.json')
        ? name
        : `${name.replace(/\.json$/i, '')}.jixiao.json`;
    };
    const update = () => {
      warning.textContent = existing.has(withExtension().toLowerCase())
        ? '已有同名文档：保存会替换它（上一版本保留为 .bak）。'
        : '';
    };
    input.addEventListener('input', update);
    const submit = () => {
      if (input.value.trim() === '') return;
      done({ name: withExtension() });
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') submit();
    });
    box.append(input, warning);
    buttons(box, [
      ['取消', () => done(null)],
      ['保存', submit, true],
    ]);
    update();
    input.focus();
    input.setSelectionRange(0, input.value.length - '.jixiao.json'.length);
  });
}

/** Handles the user picked with the File System Access API, by the export's question id. */
const pickedFiles = new Map<number, FileSystemFileHandle>();

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types?: Array<{ description: string; accept: Record<string, string[]> }>;
  }) => Promise<FileSystemFileHandle>;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  docx: ['Word 文档', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['Excel 工作簿', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  pdf: ['PDF 文件', 'application/pdf'],
  txt: ['文本文件', 'text/plain'],
};

/**
 * 导出: where the browser saves the file — a file the user picks (File System Access API,
 * Chromium) or the browser's download folder.
 */
export function askExport(
  id: number,
  question: Extract<Question, { kind: 'export' }>,
): Promise<Answers['export']> {
  return new Promise((resolve) => {
    const done = (answer: Answers['export']) => {
      close();
      resolve(answer);
    };
    const { box, close } = modal('导出', () => done(null));
    const picker = (window as unknown as SavePickerWindow).showSaveFilePicker;
    box.append(
      element('p', picker ? '点「保存…」选择保存位置。' : '文件将保存到浏览器的“下载”文件夹。'),
    );
    const input = element('input');
    input.type = 'text';
    input.value = question.suggestedName;
    input.setAttribute('aria-label', '文件名');
    const message = element('p', undefined, 'error');
    box.append(input, message);
    const submit = async () => {
      const name = input.value.trim();
      if (name === '') return;
      if (!picker) return done({ name });
      const [description, mime] = TYPE_NAMES[question.extension] ?? [
        '文件',
        'application/octet-stream',
      ];
      try {
        const handle = await picker.call(window, {
          suggestedName: name,
          types: [{ description, accept: { [mime]: [`.${question.extension}`] } }],
        });
        pickedFiles.set(id, handle);
        done({ name: handle.name });
      } catch (error) {
        // Closing the browser's own picker returns here to choose again or cancel.
        if ((error as DOMException).name !== 'AbortError') {
          message.textContent = '无法选择保存位置，文件将改为下载。';
          done({ name });
        }
      }
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') void submit();
    });
    buttons(box, [
      ['取消', () => done(null)],
      [picker ? '保存…' : '下载', () => void submit(), true],
    ]);
    input.focus();
  });
}

/** Saves an export's bytes where the user chose: the picked file, or a download. */
export async function saveDelivered(id: number, name: string, bytes: Uint8Array): Promise<void> {
  const handle = pickedFiles.get(id);
  pickedFiles.delete(id);
  if (handle) {
    try {
      const writable = await handle.createWritable();
      await writable.write(bytes as unknown as BufferSource);
      await writable.close();
      return;
    } catch {
      // Not writable after all (permissions): fall back to a download below.
    }
  }
  const url = URL.createObjectURL(new Blob([bytes as unknown as BlobPart]));
  const link = element('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 是否保存: 保存 / 不保存 / 取消. */
export function askConfirm(
  question: Extract<Question, { kind: 'confirm' }>,
): Promise<Answers['confirm']> {
  return new Promise((resolve) => {
    const done = (answer: Answers['confirm']) => {
      close();
      resolve(answer);
    };
    const { box, close } = modal('绩效目标表编辑器', () => done('cancel'));
    box.append(
      element('p', `是否保存对「${question.fileName}」的修改？`),
      element('p', '如果不保存，所做的修改将会丢失。', 'folder'),
    );
    const [save] = buttons(box, [
      ['保存', () => done('save'), true],
      ['不保存', () => done('discard')],
      ['取消', () => done('cancel')],
    ]);
    save?.focus();
  });
}

/** Opens the print view in its own window, which shows the browser's print dialog. */
export function askPrint(question: Extract<Question, { kind: 'print' }>): Promise<boolean> {
  return new Promise((resolve) => {
    const watch = (popup: Window) => {
      const timer = setInterval(() => {
        if (!popup.closed) return;
        clearInterval(timer);
        resolve(true);
      }, 300);
    };
    const popup = window.open(question.url, '_blank', 'popup,width=960,height=720');
    if (popup) return watch(popup);
    // Blocked as a pop-up (no click to go with it): one click here opens it.
    const done = (answer: boolean) => {
      close();
      if (!answer) resolve(false);
    };
    const { box, close } = modal('打印', () => done(false));
    box.append(element('p', '打印页面将在新窗口中打开，并显示浏览器的打印对话框。'));
    const [print] = buttons(box, [
      ['取消', () => done(false)],
      [
        '打印',
        () => {
          const opened = window.open(question.url, '_blank', 'popup,width=960,height=720');
          done(true);
          if (opened) watch(opened);
          else resolve(false);
        },
        true,
      ],
    ]);
    print?.focus();
  });
}
