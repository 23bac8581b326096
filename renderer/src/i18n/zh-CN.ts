/** Every UI string, in one typed dictionary. Official table wording lives in shared/. */
export const zhCN = {
  appName: '绩效目标表编辑器',
  welcome: {
    heading: '绩效目标表编辑器',
    tagline: '编辑、检查、打印和导出项目支出绩效目标表',
    newDocument: '新建',
    open: '打开…',
    importTable: '导入往年表格…',
    openSample: '打开示例',
    recentHeading: '最近打开',
    recentEmpty: '还没有打开过文档。',
  },
  toolbar: {
    save: '保存',
    saveAs: '另存为…',
    close: '关闭',
    unsaved: '未保存',
  },
  document: {
    department: '部门名称：',
    unit: '单位：',
    fiscalYear: '年度：',
    sample: '示例文档：保存时会另存为新文件，不会改动示例。',
    summary: (units: number, projects: number, indicators: number) =>
      `${units} 个单位，${projects} 个项目，${indicators} 条指标`,
    emptyUnits: '文档中还没有单位和项目。',
  },
  importReport: {
    heading: '导入报告',
    kinds: { normalised: '已规范', raw: '原样保留', recovered: '已找回', warning: '请核对' },
    none: '导入时没有需要说明的情况。',
    dismiss: '收起',
  },
  status: {
    saved: (name: string) => `已保存「${name}」`,
    migrated: (version: number) => `文档已从格式版本 ${version} 升级，保存后生效。`,
  },
  errors: {
    noHost: '无法连接程序主进程，请重新启动程序。',
  },
} as const;

export type Strings = typeof zhCN;
