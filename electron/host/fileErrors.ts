import { basename } from 'node:path';

/** What the system's error code means for a clerk, and what to do about it. */
const CAUSES: Readonly<Record<string, (path: string) => string>> = {
  ENOSPC: () => '磁盘空间不足。请清理磁盘空间后重试，或换一个位置保存',
  EDQUOT: () => '超出了磁盘配额。请清理文件后重试，或换一个位置保存',
  EROFS: () => '所在的磁盘或文件夹是只读的。请换一个位置保存',
  EACCES: () => '没有写入权限。请换一个文件夹，或请管理员开放权限',
  EPERM: () => '没有写入权限（或文件被设为只读）。请换一个文件夹，或取消只读后重试',
  ENOENT: () => '文件夹不存在。请先创建该文件夹，或换一个位置',
  ENOTDIR: () => '路径中的某一段是文件而不是文件夹。请检查路径，或换一个位置',
  EISDIR: (path) => `「${basename(path)}」是一个文件夹，不能当作文件写入。请换一个文件名`,
  EBUSY: () => '文件正被其他程序占用。请关闭 WPS、Excel 或 Word 中打开的这个文件后重试',
  ETXTBSY: () => '文件正被其他程序占用。请关闭打开这个文件的程序后重试',
  EMFILE: () => '同时打开的文件太多。请关闭一些程序后重试',
  ENFILE: () => '同时打开的文件太多。请关闭一些程序后重试',
  EIO: () => '磁盘读写出错。请检查磁盘或 U 盘是否已拔出，然后换一个位置保存',
  ENAMETOOLONG: () => '文件名或路径太长。请缩短文件名，或保存到层级更浅的文件夹',
  EEXIST: () => '同名文件已存在且无法替换。请换一个文件名',
  EXDEV: () => '不能跨磁盘移动文件。请换一个位置保存',
  ELOOP: () => '快捷方式（符号链接）形成了循环。请检查该链接指向的位置',
  EINVAL: () => '文件名中含有系统不允许的字符。请换一个文件名',
};

/**
 * A Chinese sentence naming the place and the cause of a failed write, with what to
 * do. The system's text (`ENOSPC: no space left on device, …`) never reaches the clerk; only an
 * unknown code is shown, in brackets, for support.
 */
export function describeFileError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const cause =
    typeof code === 'string' && CAUSES[code]
      ? (CAUSES[code] as (path: string) => string)(path)
      : `系统报告了错误${typeof code === 'string' ? `（${code}）` : ''}。请换一个位置重试`;
  return `无法写入「${path}」：${cause}。`;
}

/**
 * A Chinese sentence for a file that cannot be read (the engine text is dropped). A document
 * the app opens points to its .bak backup; a file to import names what to choose instead.
 */
export function describeReadError(
  path: string,
  error: unknown,
  kind: 'document' | 'import' = 'document',
): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const cause =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? '找不到这个文件。请检查文件名和所在的文件夹'
      : code === 'EISDIR'
        ? kind === 'document'
          ? '这是一个文件夹，不是文件。请选择文件夹里的 .jixiao.json 文档'
          : '这是一个文件夹，不是文件。请选择要导入的表格文件'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有读取权限。请把文件复制到自己的文件夹后再打开'
          : code === 'EBUSY'
            ? '文件正被其他程序占用。请关闭该程序后重试'
            : `文件无法读取${typeof code === 'string' ? `（${code}）` : ''}，可能正被其他程序占用或磁盘出错。请稍后重试${kind === 'document' ? '，或打开同一文件夹中的 .bak 备份' : ''}`;
  return `无法读取「${basename(path)}」：${cause}。`;
}
