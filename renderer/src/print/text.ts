import { zhCN } from '../i18n/zh-CN';

/** Wording of the print preview (in the UI dictionary with every other string). */
export const printText = zhCN.print;
