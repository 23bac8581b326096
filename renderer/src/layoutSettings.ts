import { useAppStore } from './store';

/**
 * Window layout the clerk chose (the project panel's width), kept by the host in its settings
 * so the next start opens the same way. Hosts without the calls (an older preload) keep it for
 * the session only.
 */
export async function loadLayout(): Promise<void> {
  const host = window.jixiao;
  if (!host?.getLayout) return;
  const result = await host.getLayout();
  if (result.ok && result.panelWidth !== null)
    useAppStore.setState({ panelWidth: result.panelWidth });
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Saves the layout shortly after the last change (a drag sends many). */
export function rememberLayout(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const host = window.jixiao;
    const panelWidth = useAppStore.getState().panelWidth;
    if (host?.setLayout && panelWidth !== null) void host.setLayout({ panelWidth });
  }, 200);
}
