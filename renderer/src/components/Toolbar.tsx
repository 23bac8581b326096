import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { commandSpec, shortcutHint } from '../../../shared/model';
import { REGISTRY, runCommand, type CommandId } from '../commands';
import { currentRegion, focusRegion, hasPendingFocus, openTrap } from '../focus';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore, type OpenDocument } from '../store';
import './contextMenu.css';
import './toolbar.css';

/** Commands on the toolbar, in groups; the rest are under 更多. Every button has a text label. */
export const TOOLBAR: Array<CommandId | '|'> = [
  'save',
  '|',
  'undo',
  'redo',
  '|',
  'addProject',
  'addUnit',
  '|',
  'find',
  'replace',
  '|',
  'togglePanel',
  'toggleFindings',
  '|',
  'exportWord',
  'exportExcel',
  'printPreview',
  '|',
  'merge',
];

export const MORE: CommandId[] = ['saveAs', 'rollForward', 'compareYears', 'properties'];

function tooltip(id: CommandId, label: string): string {
  const keys = shortcutHint(id);
  return keys ? `${label}（${keys}）` : label;
}

/** 更多 ▾: a menu of the less used commands, with their shortcuts; it traps the keyboard. */
function MoreMenu() {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    menu?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onDown = (event: MouseEvent) => {
      if (!menu?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    globalThis.document.addEventListener('mousedown', onDown);
    return () => {
      globalThis.document.removeEventListener('mousedown', onDown);
      if (!menu) return;
      const onTop = openTrap() === menu;
      menu.removeAttribute('data-focus-trap');
      if (onTop && !hasPendingFocus()) focusRegion(currentRegion());
    };
  }, [open]);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'),
    ];
    const index = items.indexOf(globalThis.document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1, Tab: event.shiftKey ? -1 : 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    } else if (step !== undefined && items.length > 0) {
      event.preventDefault();
      items[(index + step + items.length) % items.length]?.focus();
    }
    event.stopPropagation();
  };
  return (
    <span className="menu-button">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((value) => !value)}
      >
        {zhCN.toolbar.more}
      </button>
      {open ? (
        <ul
          className="context-menu toolbar-menu"
          role="menu"
          data-focus-trap="menu"
          ref={menuRef}
          onKeyDown={onKeyDown}
        >
          {MORE.map((id) => (
            <li key={id} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  void runCommand(id);
                }}
              >
                <span>{REGISTRY[id].label}</span>
                <kbd>{shortcutHint(id)}</kbd>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}

/** The document's toolbar: one line at 1366 pixels, text labels, shortcuts in the tooltips. */
export function Toolbar({ current, counts }: { current: OpenDocument; counts: string }) {
  const history = useAppStore((state) => state.history);
  const panelOpen = useAppStore((state) => state.panelOpen);
  const findingsOpen = useAppStore((state) => state.findingsOpen);
  const named = (id: CommandId): string => {
    if (id === 'undo' && history.undo.length > 0)
      return zhCN.edit.undoNamed(history.undo.at(-1)?.label ?? '');
    if (id === 'redo' && history.redo.length > 0)
      return zhCN.edit.redoNamed(history.redo.at(-1)?.label ?? '');
    return commandSpec(id).label;
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="文档">
      {TOOLBAR.map((id, index) =>
        id === '|' ? (
          <span key={index} className="separator" aria-hidden="true" />
        ) : (
          <button
            key={id}
            type="button"
            data-action={id}
            disabled={
              (id === 'undo' && history.undo.length === 0) ||
              (id === 'redo' && history.redo.length === 0)
            }
            aria-pressed={
              id === 'togglePanel' ? panelOpen : id === 'toggleFindings' ? findingsOpen : undefined
            }
            aria-label={named(id)}
            title={tooltip(id, named(id))}
            // Toolbar clicks must not take the focus from the grid's cell.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void runCommand(id)}
          >
            {commandSpec(id).label}
          </button>
        ),
      )}
      <MoreMenu />
      <button
        type="button"
        data-action="close"
        title={tooltip('close', REGISTRY.close.label)}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => void runCommand('close')}
      >
        {REGISTRY.close.label}
      </button>
      <span className="toolbar-file" title={`${current.fileName} · ${counts}`}>
        <span className="file-name" data-testid="file-name">
          {current.fileName}
          {current.dirty ? <span className="unsaved">（{zhCN.toolbar.unsaved}）</span> : null}
        </span>
      </span>
    </div>
  );
}
