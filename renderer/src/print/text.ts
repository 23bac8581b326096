/**
 * Wording of the print preview. Kept beside the component until the owner of
 * `renderer/src/i18n/zh-CN.ts` moves it into the dictionary.
 */
export const printText = {
  title: '打印预览',
  layoutLabel: '表格',
  layouts: {
    disclosure: '公开表（A4 横向）',
    formAnnual: '分项目表：年度（A4 纵向）',
    formMidterm: '分项目表：中期＋年度（A4 纵向）',
  },
  marginLabel: '页边距',
  margins: {
    layout: '与 Word 导出相同',
    official: '公文（GB/T 9704）',
    compact: '紧凑（15 毫米）',
  },
  zoomLabel: '缩放',
  pageCount: (pages: number) => `共 ${pages} 页`,
  measuring: '正在分页…',
  print: '打印…',
  exportPdf: '导出 PDF…',
  close: '关闭',
  printing: '正在打开打印对话框…',
  exporting: '正在生成 PDF…',
  printed: '已发送到打印机。',
  exported: (fileName: string, kilobytes: number) => `已导出「${fileName}」（${kilobytes} KB）。`,
  fontMissing: (name: string, face: string | null) =>
    face ? `「${name}」未安装，使用「${face}」` : `「${name}」未安装，使用系统默认字体`,
  noPagination: '当前内核不支持分页预览：页面连续显示，页数以打印结果为准。',
} as const;
