import { create } from 'zustand';

/**
 * The 粘贴表格导入 dialog's state, kept outside the component so that what the clerk pasted
 * survives a refused import (the message shows under the text, which stays as it was).
 */
export interface PasteState {
  open: boolean;
  text: string;
  /** Why the last import was refused, in Chinese; null when there is nothing to say. */
  error: string | null;
}

export const usePasteStore = create<PasteState>(() => ({ open: false, text: '', error: null }));
