import { commandForKey, runCommand, type CommandId } from './commands';
import { cycleRegion, hostIsAsking, openTrap } from './focus';

/** Shortcuts a text field keeps for itself (its own undo, Ctrl+Enter, Ctrl+D …). */
const TEXT_OWNED = new Set<CommandId>([
  'undo',
  'redo',
  'deleteRow',
  'duplicateRow',
  'moveRowUp',
  'moveRowDown',
  'addProject',
  'addIndicator',
]);

/** Of those, the ones a drop-down leaves to the document (Alt+↓ opens its list, so it keeps that). */
const LIST_LEAVES = new Set<CommandId>(['undo', 'redo', 'addProject', 'addIndicator']);

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // The grid's text box, while only moving between cells, is the grid itself.
  if (target.dataset.gridEditor === 'navigating') return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

/** Window-level shortcuts from the command registry (commands.ts). Returns the unsubscribe function. */
export function listenForShortcuts(): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    // A dialog (import, export, properties, recovery, print preview …) or the context menu owns
    // the keyboard while it is open (see focus.ts).
    if (openTrap() || hostIsAsking() || document.querySelector('[aria-modal="true"]')) return;
    if (event.key === 'F6' && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      cycleRegion(event.shiftKey ? -1 : 1);
      return;
    }
    const command = commandForKey(event);
    if (!command) return;
    // A drop-down writes its choice at once and has no undo of its own, nor any use for
    // Ctrl+Enter: Ctrl+Z, 新增项目 and 新增指标 there are the document's (they did nothing).
    const listOwnsNot = event.target instanceof HTMLSelectElement && LIST_LEAVES.has(command.id);
    if (isTextField(event.target) && TEXT_OWNED.has(command.id) && !listOwnsNot) {
      // Chromium's own undo is one stack for the whole page: with nothing left to undo in this
      // field it undoes typing in another one and moves the focus there (into the grid's hidden
      // text box, say). Text fields undo their own typing themselves (CommitField, CellEditor).
      if (command.id === 'undo' || command.id === 'redo') event.preventDefault();
      return;
    }
    event.preventDefault();
    void runCommand(command.id);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
