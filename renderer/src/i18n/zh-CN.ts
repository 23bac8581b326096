import { shortcutHint } from '../../../shared/model';
import { stageText } from './zh-CN-stage';

/** The hint that a change can be undone, with the key that undoes it. */
const UNDOABLE = `可撤销（${shortcutHint('undo')}）`;

/**
 * Every UI string, in one typed dictionary. Official table wording lives in shared/; the
 * commands' labels and keys in the command manifest (shared/model/commands.ts).
 */
export const zhCN = {
  stage: stageText,
  appName: '绩效目标表编辑器',
  welcome: {
    heading: '绩效目标表编辑器',
    tagline: '编辑、检查、打印和导出项目支出绩效目标表',
    recentHeading: '最近打开',
    recentEmpty: '还没有打开过文档。',
  },
  toolbar: {
    unsaved: '未保存',
    more: '更多 ▾',
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
  importProgress: {
    reading: (percent: number) => `正在读取文件……${percent}%`,
    cancel: '取消导入',
  },
  importDialog: {
    heading: '导入往年表格',
    mergeHeading: '合并同事的文件',
    unsaved: '未保存',
    total: (amount: string, unit: string) => `合计 ${amount || '0.00'} ${unit}`,
    fiscalYear: (year: number | null) => (year === null ? '年度未识别' : `${year} 年度`),
    projectsHeading: '项目',
    unitLabel: '单位',
    projectLabel: '项目名称',
    amountLabel: (unit: string) => `总计（${unit}）`,
    indicatorsLabel: '指标数',
    reportCount: (count: number) => `${count} 条`,
    choose: '接下来：',
    openAsNew: '作为新文档打开',
    openAsNewHint: '关闭当前文档，打开导入的内容。',
    merge: '并入当前文档',
    mergeHint: (name: string) => `把导入的项目加入「${name}」，可撤销。`,
    mergeNeedsDocument: '没有打开的文档，无法并入。',
    rollForward: '复制上年',
    rollForwardHint: '保留单位、项目、目标和指标，生成新年度的表格。',
    cancel: '取消',
    back: '返回',
    duplicatesHeading: (count: number) =>
      `以下 ${count} 个项目在当前文档中已有同名项目，请选择处理方式：`,
    noDuplicates: (count: number) => `没有同名项目，将新增 ${count} 个项目。`,
    resolutionFor: (project: string) => `处理方式：${project}`,
    resolutions: { 'keep-both': '保留两份', replace: '替换', skip: '跳过' },
    setAll: '全部设为：',
    confirmMerge: '并入',
    mergeUndoLabel: '并入导入的表格',
    mergeColleagueUndoLabel: '合并同事的文件',
    merged: (added: number, replaced: number, skipped: number) =>
      `已并入：新增 ${added} 个项目，替换 ${replaced} 个，跳过 ${skipped} 个。${UNDOABLE}`,
    nothingMerged: '没有并入任何项目，当前文档未改动。',
    toYear: '新年度',
    keepAmounts: '保留金额',
    keepAmountsHint: '不勾选时，各项目金额清空为 0，请按新年度预算重新填写。',
    badYear: '请输入 1980–2199 之间的年度。',
    confirmRollForward: '生成新年度表格',
    rolled: (from: number | null, to: number) =>
      `已复制${from === null ? '' : ` ${from} 年`}的表格为 ${to} 年度，请核对文字中的年份。`,
  },
  stageImport: {
    /** The choice offered when the imported file is a filled 监控表 / 自评表 and a document is open. */
    merge: (kind: 'monitoring' | 'evaluation') =>
      `合并到当前文档的${kind === 'monitoring' ? '监控' : '自评'}数据`,
    mergeHint: (name: string) =>
      `按项目名称和指标名称把表中填写的内容并入「${name}」，一步可撤销；未匹配和被替换的内容会列出。`,
    needsDocument: '先打开要合并的文档（目标表），再导入已填写的表格。',
    undoLabel: (kind: 'monitoring' | 'evaluation') =>
      `合并${kind === 'monitoring' ? '监控' : '自评'}数据`,
    reportFormat: (kind: 'monitoring' | 'evaluation') =>
      `合并${kind === 'monitoring' ? '绩效运行监控表' : '项目支出绩效自评表'}`,
    nothingMerged: '表中没有与当前文档同名的项目，当前文档未改动；未匹配的内容已列在报告中。',
  },
  pasteImport: {
    heading: '粘贴表格导入',
    hint: '从 PDF、Word、网页或 Excel 复制整张表格（包括表头），粘贴到下面。单元格之间用制表符分隔、每个单元格各占一行，或从 PDF 提取的按版面对齐的文字，都可以识别。',
    label: '表格文字',
    count: (characters: number, lines: number) =>
      `${characters.toLocaleString('zh-CN')} 个字符，${lines.toLocaleString('zh-CN')} 行`,
    confirm: '导入',
    cancel: '取消',
    empty: '还没有粘贴任何文字。',
    tooLong: (limit: number) =>
      `粘贴的文字超过 ${limit.toLocaleString('zh-CN')} 个字符。请分成几部分导入，或用「导入往年表格…」导入 Excel / Word 文件。`,
    working: '正在识别…',
  },
  rollForward: {
    heading: '新建下一年度',
    body: (year: number | null) =>
      `以当前文档${year === null ? '' : `（${year} 年度）`}为底稿，生成新年度的表格：单位、项目、目标和指标保留，文字中的年份不改动，在表格中标出供核对。当前文档不受影响。`,
    confirm: '生成新年度表格',
    fileName: (year: number, title: string) =>
      `${title.includes(String(year)) ? '' : `${year}年`}${title || '绩效目标表'}.jixiao.json`,
  },
  rollForwardReview: {
    heading: (count: number, toYear: number) => `请核对年份：${count} 处（新年度 ${toYear}）`,
    body: '以下文字中出现年份数字，程序没有改动，请逐条核对是否需要修改。',
    none: '文字中没有出现年份数字。',
    dismiss: '收起',
  },
  exportDialog: {
    title: { docx: '导出 Word', xlsx: '导出 Excel', txt: '导出文本' },
    layoutLabel: '表格样式',
    layouts: {
      disclosure: '公开表（A4 横向，全部项目一张表）',
      formAnnual: '分项目表：年度（A4 纵向，每个项目一页）',
      formMidterm: '分项目表：中期＋年度（A4 纵向，每个项目一页）',
      detail: '明细表（每条指标一行，带筛选，便于汇总和上报）',
    },
    confirm: '导出…',
    cancel: '取消',
    working: '正在生成导出文件，请稍候…',
    done: (name: string, kilobytes: number) => `已导出「${name}」（${kilobytes} KB）`,
    openFile: '打开文件',
    openFolder: '打开所在文件夹',
    allProjects: (count: number) => `查看全部 ${count} 个项目`,
  },
  print: {
    title: '打印预览',
    layoutLabel: '表格',
    layouts: {
      disclosure: '公开表（A4 横向）',
      formAnnual: '分项目表：年度（A4 纵向）',
      formMidterm: '分项目表：中期＋年度（A4 纵向）',
      monitoring: '绩效目标执行监控表（A4 纵向）',
      'self-evaluation': '绩效自评表（A4 纵向）',
      'stage-summary': '监控与自评汇总表（A4 横向）',
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
  },
  edit: {
    nothingToUndo: '没有可以撤销的操作。',
    nothingToRedo: '没有可以重做的操作。',
    undone: (label: string) => `已撤销：${label}`,
    redone: (label: string) => `已重做：${label}`,
    derived: '总计和单位行金额由各项目自动相加，不能直接输入。',
    indicatorsInPanel: '绩效指标在右侧「项目详情」中逐条编辑；也可以整格粘贴。',
    cellEditor: '单元格编辑',
    copied: (rows: number, columns: number) => `已复制 ${rows} 行 ${columns} 列`,
    pasted: `已粘贴，${UNDOABLE}`,
    /** A block of several cells: how far it went, so lines pasted down over other projects show. */
    pastedBlock: (rows: number, columns: number) =>
      `已粘贴 ${rows} 行 ${columns} 列（从当前单元格向下、向右），${UNDOABLE}`,
    /** A paste whose 绩效指标 cell was read with findings: the first two, and how many more. */
    pasteNotes: (notes: readonly string[]) =>
      `请核对绩效指标（${notes.length} 处）：${notes
        .slice(0, 2)
        .map((note) => note.replace(/。$/u, ''))
        .join('；')}${notes.length > 2 ? `；另有 ${notes.length - 2} 处` : ''}。`,
    /** A paste whose pasted 总计 was not kept (the total is always the sum of its parts). */
    totalNotes: (notes: readonly string[]) =>
      `总计按各项之和计算（${notes.length} 处）：${notes
        .slice(0, 2)
        .join('；')}${notes.length > 2 ? `；另有 ${notes.length - 2} 处` : ''}。`,
    /** Rows of an indicator table pasted on a project's 绩效指标 cell. */
    indicatorsAdded: (count: number, project: string) =>
      `已在「${project}」添加 ${count} 条绩效指标，${UNDOABLE}`,
    pasteUnchanged: '粘贴的内容与表中原有内容相同，没有改动。',
    /** Pasted rows whose 绩效指标 was blank: the projects' indicators were kept. */
    indicatorsKept: (rows: number) =>
      `${rows} 行的「绩效指标」为空，对应项目原有的指标未改动（删除指标请在「项目详情」中进行）。`,
    /** A command stopped because typing in progress could not be written. */
    pendingRefused: (command: string) =>
      `输入的内容未能写入（原因见标出的单元格或输入框），「${command}」未执行。请改正，或按 Esc 放弃输入后再试。`,
    closeWindow: '关闭窗口',
    clipboardReadRefused: `程序没有获得读取剪贴板的权限，无法从菜单粘贴。请按 ${shortcutHint('paste')} 粘贴。`,
    clipboardWriteRefused: `程序没有获得写入剪贴板的权限，无法从菜单复制。请按 ${shortcutHint('copy')} 复制。`,
    clipboardEmpty: '剪贴板中没有可粘贴的文字。',
    gridLabel: '项目支出绩效目标表',
    negative: (text: string) => `「${text}」是负数：预算金额不能为负，请输入 0 或正数。`,
    changed: (field: string) => `修改 ${field}`,
    undoNamed: (label: string) => `撤销「${label}」`,
    redoNamed: (label: string) => `重做「${label}」`,
  },
  grid: {
    blankIndicator: '（新指标，请在项目详情中填写）',
    moreIndicators: (count: number) => `…另有 ${count} 条，见项目详情`,
  },
  structure: {
    newUnitName: '新单位',
    newProjectName: '新项目',
    /** Ctrl+Delete on projects: which one, or how many, so a key pressed by mistake shows. */
    deletedProjects: (names: readonly string[]) =>
      names.length === 1
        ? `已删除项目「${names[0]}」，${UNDOABLE}`
        : `已删除 ${names.length} 个项目，${UNDOABLE}`,
    deletedUnit: (name: string, projects: number) =>
      `已删除单位「${name}」${projects > 0 ? `及其 ${projects} 个项目` : ''}，${UNDOABLE}`,
    selectProject: '请先选中一个项目行。',
    moveTo: (name: string) => `移到「${name}」`,
  },
  panel: {
    heading: '项目详情',
    close: '收起',
    resize: '拖动调整项目详情的宽度',
    none: '选中表格中的项目行，在这里编辑项目的全部内容。',
    /** The panel stays on its project while one of its fields holds text it refused. */
    keptForRefused: (field: string) =>
      `「${field}」中的输入未能写入，项目详情停在原项目上；请改正，或在该处按 Esc 放弃后再换项目。`,
    fields: {
      name: '项目名称',
      code: '项目编码',
      supervisor: '主管部门及代码',
      implementer: '实施单位',
      attribute: '项目属性',
      periodStart: '项目期起',
      periodEnd: '项目期止',
      'money.fiscal': '财政拨款',
      'money.specialAccount': '财政专户拨款',
      'money.other': '其他资金',
      'money.carryover': '上年结转',
      'periodMoney.total': '实施期资金总额',
      'periodMoney.fiscal': '其中：财政拨款',
      'periodMoney.other': '其他资金',
      'goals.annual': '年度目标',
      'goals.period': '实施期目标',
    },
    moneyHeading: (unit: string) => `项目资金（${unit}）`,
    total: '总计',
    goalsHeading: '总体目标',
    indicatorsHeading: '绩效指标',
    columns: {
      level1: '一级指标',
      level2: '二级指标',
      name: '三级指标',
      period: '实施周期指标值',
      annual: '年度指标值',
      note: '指标值说明',
      actions: '操作',
    },
    choose: '请选择',
    sign: '符号',
    value: '指标值',
    unit: '单位',
    copyAll: '年度值全部复制到实施周期',
    showNotes: '填写指标值说明',
    notesHint: '指标值说明（绩效标准）：有内容时，分项目表多印一列。',
    copyOne: '年度 → 实施周期',
    copyOneShort: '复制年度值',
    moveUpShort: '上移',
    moveDownShort: '下移',
    namePlaceholder: '请填写三级指标名称',
    addIndicator: '新增指标',
    moveUp: '上移',
    moveDown: '下移',
    duplicate: '复制',
    remove: '删除',
    suggestions: '建议',
    fromDocument: (project: string) => `本文档：${project}`,
    attributeNone: '未填',
    drag: '拖动以调整顺序',
  },
  find: {
    find: '查找',
    replaceWith: '替换为',
    next: '下一个',
    previous: '上一个',
    replace: '替换',
    replaceAll: '全部替换',
    matchCase: '区分大小写',
    close: '关闭',
    count: (index: number, total: number) => (total === 0 ? '无结果' : `第 ${index} / ${total} 处`),
    replaced: (count: number) => `已替换 ${count} 处，${UNDOABLE}`,
  },
  recovery: {
    heading: '发现未保存的工作',
    body: '程序上次没有正常关闭。以下内容是自动保存的，可以恢复：',
    entry: (fileName: string, savedAt: string, projects: number) =>
      `「${fileName}」，${savedAt} 自动保存，${projects} 个项目`,
    restore: '恢复',
    discard: '放弃',
    restored: (name: string) => `已恢复「${name}」，请检查后保存。`,
  },
  properties: {
    heading: '文档属性',
    title: '标题',
    department: '部门名称',
    fiscalYear: '年度',
    moneyUnit: '金额单位',
    framework: '指标体系',
    convert: (from: string, fromUnit: string, to: string | null, toUnit: string) =>
      to === null
        ? `合计 ${from} ${fromUnit} 不能精确换算为${toUnit}（会丢失分位），请先核对金额。`
        : `全部金额将从${fromUnit}换算为${toUnit}：合计 ${from} ${fromUnit} → ${to} ${toUnit}。确定后可撤销。`,
    convertOk: '换算并确定',
    ok: '确定',
    cancel: '取消',
  },
  findings: {
    heading: '检查结果',
    counts: (errors: number, warnings: number) => `错误 ${errors} · 警告 ${warnings}`,
    all: '全部',
    errors: '错误',
    warnings: '警告',
    none: '没有发现问题。',
    fix: '修复',
    reason: '评审意见',
    exportReport: '导出检查报告…',
    exported: (name: string) => `已导出提交前检查报告「${name}」`,
  },
  status: {
    label: '状态栏',
    sum: (amount: string, unit: string) => `求和 ${amount} ${unit}`,
    count: (count: number) => `计数 ${count}`,
    saved: (name: string) => `已保存「${name}」`,
    migrated: (version: number) => `文档已从格式版本 ${version} 升级，保存后生效。`,
  },
  fonts: {
    label: '字体：',
    installed: (name: string) => `「${name}」已安装`,
    printUses: (name: string, used: string) => `「${name}」未安装，打印使用「${used}」`,
    printDefault: (name: string) => `「${name}」未安装，打印使用系统默认字体`,
    exportUses: (name: string, used: string) => `「${name}」本机未安装，在本机显示为「${used}」`,
    exportDefault: (name: string) => `「${name}」本机未安装，在本机显示为默认字体`,
    exportKeeps: '文件中仍写明原字体，在装有这些字体的电脑上按原字体显示和打印。',
  },
  compare: {
    heading: '与上年对比',
    fromKept: (year: number | null) =>
      `上年数据：新建下一年度时保存的${year === null ? '原表' : ` ${year} 年度`}数据。点击一条变动，在表格中选中该项目。`,
    fromFile: (name: string, year: number | null) =>
      `上年文件：${name}${year === null ? '' : `（${year} 年度）`}。点击一条变动，在表格中选中该项目。`,
    noLastYear:
      '本文档不是由「新建下一年度…」生成的，没有保存上年数据。请选择上年的文件（本程序的文档，或可导入的 Excel、Word、文本表格）。',
    pick: '选择上年文件…',
    pickOther: '改用其他文件…',
    previousName: (name: string) => `（上年：${name}）`,
    notThisYear: '（本年已无此项目）',
    noChanges: '与上年相比没有变动',
    unchanged: (count: number) => `；没有变动的项目 ${count} 个`,
    moneyUnit: (unit: string) => `；金额单位：${unit}。`,
    exportWord: '导出变动说明 Word…',
    exportExcel: '导出变动说明 Excel…',
    close: '关闭',
  },
  errors: {
    noHost: '无法连接程序主进程，请重新启动程序。',
  },
} as const;

export type Strings = typeof zhCN;
