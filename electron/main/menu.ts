import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS } from '../../shared/ipc';
import {
  APP_MENU,
  commandSpec,
  menuAccelerator,
  type MenuCommand,
  type MenuEntry,
} from '../../shared/model/commands';

/**
 * The Chinese application menu's template, from the command manifest (shared/model/commands.ts):
 * a command's item sends its id to the renderer, which runs it; the clipboard's items are
 * Electron's roles. Keys the renderer handles (a text field keeps Ctrl+Z for itself, the grid's
 * editor Alt+Enter) are shown without being taken.
 */
export function menuTemplate(
  appName: string,
  send: (command: MenuCommand) => void,
): MenuItemConstructorOptions[] {
  const entry = (item: MenuEntry): MenuItemConstructorOptions => {
    if (item === '-') return { type: 'separator' };
    if (typeof item !== 'string') {
      return { role: item.role, label: item.withAppName ? `${item.label}${appName}` : item.label };
    }
    const spec = commandSpec(item);
    const label = spec.menuLabel ?? spec.label;
    if (spec.menuRole) return { role: spec.menuRole, label };
    const keys = spec.keys?.[0];
    return {
      label,
      ...(keys ? { accelerator: menuAccelerator(keys) } : {}),
      ...(keys && spec.keyOwner !== 'menu' ? { registerAccelerator: false } : {}),
      click: () => send(item as MenuCommand),
    };
  };
  return APP_MENU.map((menu) => ({ label: menu.label, submenu: menu.items.map(entry) }));
}

/** The application menu of `window`; its commands are dispatched by id in the renderer. */
export function buildMenu(window: BrowserWindow, appName: string): Menu {
  return Menu.buildFromTemplate(
    menuTemplate(appName, (command) =>
      window.webContents.send(EVENT_CHANNELS.menuCommand, command),
    ),
  );
}
