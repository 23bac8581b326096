import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { shortcutHint } from '../../../shared/model';
import { currentRegion, focusRegion, hasPendingFocus, openTrap } from '../focus';
import { REGISTRY, runCommand, type CommandId } from '../commands';
import { activeRow } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { moveProjectToUnit } from '../structureEdits';
import { useAppStore } from '../store';
import './contextMenu.css';

/** The grid's right-click menu, in groups. */
export const CONTEXT_ITEMS: Array<CommandId | '|'> = [
  'cut',
  'copy',
  'paste',
  '|',
  'addProject',
  'addUnit',
  'duplicateRow',
  'deleteRow',
  'moveRowUp',
  'moveRowDown',
  'addIndicator',
  'copyAnnualToPeriod',
];

/** Right-click menu of the grid: the same commands as the keyboard, by id. */
export function ContextMenu({ x, y }: { x: number; y: number }) {
  const units = useAppStore((state) => state.current?.document.units ?? []);
  const close = () => useAppStore.setState({ contextMenu: null });
  const row = activeRow();
  const menuRef = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState({ left: x, top: y });
  // Opened near the window's bottom or right edge, the menu moves up or left to stay whole.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPlace({
      left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - height - 4)),
    });
  }, [x, y]);
  // A menu takes the keyboard like a dialog (focus.ts): the first item has the focus, arrows
  // move, Esc closes and the grid gets the focus back.
  useEffect(() => {
    menuRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const menu = menuRef.current;
    return () => {
      if (!menu) return;
      const onTop = openTrap() === menu;
      menu.removeAttribute('data-focus-trap');
      if (onTop && !hasPendingFocus()) focusRegion(currentRegion());
    };
  }, []);
  const onKeyDown = (event: ReactKeyboardEvent<HTMLUListElement>) => {
    const items = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'),
    ];
    const index = items.indexOf(globalThis.document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1, Tab: event.shiftKey ? -1 : 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (step !== undefined && items.length > 0) {
      event.preventDefault();
      items[(index + step + items.length) % items.length]?.focus();
    }
    event.stopPropagation();
  };
  const others = row?.kind === 'project' ? units.filter((unit) => unit.id !== row.unitId) : [];
  return (
    <div
      className="context-backdrop"
      onMouseDown={close}
      onContextMenu={(event) => event.preventDefault()}
    >
      <ul
        className="context-menu"
        role="menu"
        data-focus-trap="menu"
        ref={menuRef}
        onKeyDown={onKeyDown}
        style={place}
        onMouseDown={(event) => event.stopPropagation()}
      >
        {CONTEXT_ITEMS.map((id, index) =>
          id === '|' ? (
            <li key={index} role="separator" className="separator" />
          ) : (
            <li key={id} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  close();
                  void runCommand(id);
                }}
              >
                <span>{REGISTRY[id].label}</span>
                <kbd>{shortcutHint(id)}</kbd>
              </button>
            </li>
          ),
        )}
        {row?.kind === 'project'
          ? others.map((unit) => (
              <li key={unit.id} role="none">
                <button
                  type="button"
                  role="menuitem"
                  onClick={() => {
                    close();
                    moveProjectToUnit(row.projectId, unit.id);
                  }}
                >
                  {zhCN.structure.moveTo(unit.name)}
                </button>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
