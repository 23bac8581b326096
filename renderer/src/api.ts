import type { JixiaoApi } from '../../shared/ipc';

declare global {
  interface Window {
    jixiao?: JixiaoApi;
  }
}

/** The host API the preload (or the test harness) put on window. */
export function api(): JixiaoApi {
  if (!window.jixiao) throw new Error('window.jixiao is missing');
  return window.jixiao;
}
