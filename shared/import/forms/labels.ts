/**
 * The label synonyms of per-project forms (DOMAIN.md §4, §10), as data: every region names the
 * same field its own way. A label is compared by its base — spaces, line breaks, colons, `*`/`★`,
 * a leading 其中 and every bracketed part removed (`项目（支出）名称` → 项目名称, `主管部门\n及编码` →
 * 主管部门及编码, `二级指标(长期)` → 二级指标) — and the bracketed parts are kept as qualifiers
 * (`万元`, `长期`, `年度`) that say which unit or which half a column is.
 */

/** The fields of a form's head, by meaning. */
export type FieldRole = 'name' | 'supervisor' | 'implementer' | 'attribute' | 'period' | 'code';

export const FIELD_SYNONYMS: Readonly<Record<FieldRole, readonly string[]>> = {
  name: ['项目名称', '项目支出名称', '预算项目名称', '专项名称', '专项资金名称', '项目全称'],
  supervisor: [
    '主管部门',
    '主管部门及代码',
    '主管部门及编码',
    '主管部门名称',
    '项目主管部门',
    '县级主管部门',
    '市级主管部门',
    '主管预算部门',
    '预算主管部门',
    '预算部门',
    '预算部门名称',
    '部门名称',
    '主管单位',
  ],
  implementer: [
    '实施单位',
    '项目单位',
    '项目实施单位',
    '项目执行单位',
    '执行单位',
    '资金使用单位',
    '预算单位',
    '单位名称',
  ],
  attribute: ['项目属性', '是否新增'],
  period: [
    '项目期',
    '项目周期',
    '项目起止时间',
    '项目支出实施期',
    '项目实施期',
    '实施期限',
    '项目期限',
    '项目实施时间',
    '项目计划实施时间',
    '实施期',
  ],
  code: ['项目编码', '项目代码'],
};

/** Who filled the form in: a fallback for the 实施单位 when the form has none. */
export const FILER_LABELS: readonly string[] = ['填报单位', '编制单位', '申报单位', '部门'];

/** People and contacts: kept verbatim with their label, never read into the document. */
export const CONTACT_LABELS: readonly string[] = [
  '项目负责人',
  '项目负责人及电话',
  '联系电话',
  '联系人',
  '填报人',
  '填报人及联系电话',
  '填报日期',
  '负责人',
  '单位负责人',
  '审核人',
  '日期',
  '主管部门编码',
  '单位代码',
  '单位编码',
];

/**
 * Blocks that close a form: opinions, signatures and seals. They end the indicator table, so
 * nothing in them is read as an indicator; their text is kept raw.
 */
export const TRAILER_PATTERN =
  /^(?:附件\d*$|其他说明的问题|其他需要说明的问题|其他说明|备注说明|单位盖章|盖章|（?盖章）?|填报说明)/u;

/**
 * An opinion block: who gives it (`财政部门审核`, `主管部门`, `专家评审`, `单位负责人` …) and
 * 意见, spaces and line breaks anywhere in the label (`财政部门\n审核意见`, `审 核\n意 见`).
 */
const OPINION_LABEL = /^([^]{0,60}?)意[\s\u3000]*见([^]*)$/u;
const OPINION_GIVER = /^.{0,16}(?:初审|审核|审查|审批|复核|评审|部门|负责人|单位|专家|领导)$/u;
/** A remark in brackets right after the label: （盖章）【盖章】〔盖章〕﹙盖章﹚(建议). */
const LABEL_REMARK = /^[\s\u3000]*[（(【〔﹙[][^）)】〕﹚\]]*[）)】〕﹚\]]/u;

/**
 * True for an opinion block's label: alone, or followed by a remark in brackets, a space, a line
 * break or punctuation and the opinion itself (`审核意见：同意`, `审核意见\n同意`). An indicator
 * named after one goes on with more words (`审核意见落实率`, `审核意见（建议）采纳率`).
 */
function isOpinionLabel(text: string): boolean {
  const match = OPINION_LABEL.exec(text.trim());
  if (!match) return false;
  if (!OPINION_GIVER.test((match[1] ?? '').replace(/[\s\u3000]/g, ''))) return false;
  const rest = (match[2] ?? '').replace(LABEL_REMARK, '');
  return rest.trim() === '' || /^[\s\u3000:：,，。.；;、\-—–－]/u.test(rest);
}

/** A label that opens the money block (its bracket names the unit). */
export const MONEY_BLOCK_LABELS: readonly string[] = [
  '项目资金',
  '资金情况',
  '项目预算',
  '预算资金',
  '项目资金申请',
  '资金总额及构成',
  '年度资金总额及构成',
  '资金来源',
];

/** The lines of the money block. */
export type MoneyLine =
  'total' | 'fiscal' | 'fiscalPart' | 'specialAccount' | 'other' | 'carryover' | 'extra';

/** Money lines by base label; a line's half (中期/实施期 or 年度) comes from its words or column. */
export const MONEY_LINE_SYNONYMS: ReadonlyArray<[RegExp, MoneyLine]> = [
  [
    /^(?:中期|实施期|年度|当年|本年度?)?资金总额$|^总额$|^合计$|^年度本级预算金额$|^(?:项目)?预算金额$/u,
    'total',
  ],
  [/^(?:当年|年度)?财政专户/u, 'specialAccount'],
  [/^(?:当年|年度)?(?:财政拨款|财政资金|市财政资金|本级财政资金|财政补助)$/u, 'fiscal'],
  [/^(?:上级资金|上级财政资金|上级补助资金|上级补助|本级财政|本级安排|本级资金)$/u, 'fiscalPart'],
  [/^(?:当年|年度)?(?:其他资金|其他)$/u, 'other'],
  [/^上年结转/u, 'carryover'],
  [/^(?:专项债券|自有资金|事业收入|经营收入|经营性收入)/u, 'extra'],
];

/** Goal labels: the half a goal belongs to. */
export const GOAL_SYNONYMS: ReadonlyArray<[RegExp, 'period' | 'annual' | 'either']> = [
  [/^(?:中期|实施期|长期|实施周期)(?:绩效)?目标$|^总目标$|^项目总体绩效目标$/u, 'period'],
  [
    /^(?:年度|本年度|当年|年度总体|本年)(?:绩效)?目标$|^年度绩效目标$|^项目年度绩效目标$/u,
    'annual',
  ],
  [/^(?:总体目标|绩效目标|项目绩效目标|项目绩效目标描述|总体绩效目标)$/u, 'either'],
];

/** Labels of an indicator block; the words say which half its values are. */
export const INDICATOR_BLOCK_PATTERN =
  /^(?:(?:中期|实施期|长期|年度|本年度)?绩效指标|绩效项目指标表|(?:长期|中期|年度)?绩效指标表)$/u;

/** Column headers of an indicator table. */
export const INDICATOR_HEADERS = {
  // 山东's forms head the columns 一级 / 二级 / 三级 / 年度数值.
  level1: /^一级(?:指标)?$/u,
  level2: /^二级(?:指标)?$/u,
  name: /^(?:三级指标|三级|指标内容|指标名称|具体指标|三级指标名称)$/u,
  value:
    /^(?:指标值|目标值|预期目标值|年度指标值|中期指标值|实施期指标值|长期指标值|实施周期指标值|(?:年度|中期|实施期|长期)?数值)$/u,
  sign: /^(?:指标性质|运算符号|符号)$/u,
  unit: /^(?:度量单位|计量单位|单位)$/u,
  note: /^(?:指标值说明|绩效标准|备注|评(?:分|价)标准|指标解释|说明)$/u,
} as const;

/** Words that put a column, goal or money line in the 实施期/中期/长期 half. */
export const PERIOD_WORD = /中期|实施期|长期|实施周期|周期/u;
/** Words that put it in the annual half. */
export const ANNUAL_WORD = /年度|当年|本年/u;

/** Rows that title a form: its name and its year line (`2020年度)` with a lost bracket too). */
export const TITLE_PATTERN =
  /绩效目标(?:申报)?表|支出目标申报表|^[(（]?\s*(?:(?:19|20|21)\d{2}|20XX)\s*年度?\s*[)）]?$/u;
/**
 * A project's description (`项目概况`, 山东's `项目总体情况`): the document has no field for it, so
 * the text beside it is kept raw under its label's name.
 */
export const OVERVIEW_PATTERN = /^(?:项目概况|项目总体情况|项目简介|项目基本情况)$/u;
/** Sub-titles inside a form (`绩效项目指标表`): recognised and skipped. */
export const SUBTITLE_PATTERN =
  /^(?:绩效项目指标表|绩效指标表|项目绩效指标表|项目基本情况|项目概况|绩效目标情况)$/u;

/** The key a label is matched by: no spaces, line breaks, colons or marks. */
export function labelKey(text: string): string {
  return text.replace(/[\s\u3000:：*＊★]/g, '');
}

const partsCache = new Map<string, { base: string; qualifiers: string[] }>();
const labelCache = new Map<string, boolean>();

/** Remembers a result per text: forms repeat their labels, and every cell is asked often. */
function cached<T>(cache: Map<string, T>, text: string, compute: () => T): T {
  let value = cache.get(text);
  if (value === undefined) {
    value = compute();
    if (cache.size >= 20_000) cache.clear();
    cache.set(text, value);
  }
  return value;
}

/** A label's base and its bracketed qualifiers: `项目资金（万元）` → 项目资金 + [万元]. */
export function labelParts(text: string): { base: string; qualifiers: string[] } {
  return cached(partsCache, text, () => computeParts(text));
}

function computeParts(text: string): { base: string; qualifiers: string[] } {
  const key = labelKey(text);
  const qualifiers = [...key.matchAll(/[（(]([^（）()]*)[）)]/gu)].map((match) => match[1] ?? '');
  const base = key
    .replace(/[（(][^（）()]*[）)]/gu, '')
    .replace(/^其中/u, '')
    .replace(/[、，,]$/u, '');
  return { base, qualifiers };
}

/** The head field a label names, or null. */
export function fieldOf(text: string): FieldRole | null {
  const { base } = labelParts(text);
  for (const [role, names] of Object.entries(FIELD_SYNONYMS) as Array<[FieldRole, string[]]>) {
    if (names.includes(base)) return role;
  }
  return null;
}

export function isFilerLabel(text: string): boolean {
  return FILER_LABELS.includes(labelParts(text).base);
}

export function isContactLabel(text: string): boolean {
  return CONTACT_LABELS.includes(labelParts(text).base);
}

export function isMoneyBlock(text: string): boolean {
  return MONEY_BLOCK_LABELS.includes(labelParts(text).base);
}

export function moneyLineOf(text: string): MoneyLine | null {
  const { base } = labelParts(text);
  return MONEY_LINE_SYNONYMS.find(([pattern]) => pattern.test(base))?.[1] ?? null;
}

export function goalOf(text: string): 'period' | 'annual' | 'either' | null {
  const { base } = labelParts(text);
  return GOAL_SYNONYMS.find(([pattern]) => pattern.test(base))?.[1] ?? null;
}

export function isIndicatorBlock(text: string): boolean {
  return INDICATOR_BLOCK_PATTERN.test(labelParts(text).base);
}

export function isTrailer(text: string): boolean {
  return TRAILER_PATTERN.test(labelKey(text)) || isOpinionLabel(text);
}

/** True for any label the form reader knows (so it is never taken for a value). */
export function isLabel(text: string): boolean {
  return cached(labelCache, text, () => computeIsLabel(text));
}

function computeIsLabel(text: string): boolean {
  return (
    fieldOf(text) !== null ||
    isFilerLabel(text) ||
    moneyUnitLine(text) !== null ||
    isContactLabel(text) ||
    isMoneyBlock(text) ||
    moneyLineOf(text) !== null ||
    goalOf(text) !== null ||
    isCompletionHeader(text) ||
    isIndicatorBlock(text)
  );
}

/**
 * The header of a goal's completion column (`年度总体目标完成情况`), which some 目标表 carry
 * blank beside the goal for the 自评 later: a label, never the goal itself.
 */
export function isCompletionHeader(text: string): boolean {
  return STAGE_GOAL_HEADERS.actual.test(labelKey(text));
}

/**
 * A label and its value written in one cell (`年度资金总额：16`, `填报人：张三`): the label part and
 * the value, or null when the cell is not such a pair.
 */
export function gluedPair(text: string): { label: string; value: string } | null {
  const match = /^([^:：]{2,16})[:：]\s*(.+)$/su.exec(text.trim());
  if (!match) return null;
  const label = match[1] ?? '';
  const value = (match[2] ?? '').trim();
  if (value === '' || !isLabel(label)) return null;
  return { label, value };
}

/** A line naming the money unit (`单位：万元`, `金额单位：元`), or null. */
export function moneyUnitLine(text: string): '万元' | '元' | null {
  const match = /^(?:金额)?单位[:：]\s*(万元|元)$/u.exec(text.replace(/[\s\u3000]/g, ''));
  return match?.[1] === '元' ? '元' : match?.[1] === '万元' ? '万元' : null;
}

/**
 * True for a cell that closes a form's indicator tables: an opinion, signature or seal block, or
 * a contact line (`填报人：…`, `单位负责人：`).
 */
export function isClosing(text: string): boolean {
  if (isTrailer(text) || isContactLabel(text)) return true;
  const pair = /^([^:：]{2,16})[:：]/u.exec(text.trim());
  return pair !== null && isContactLabel(pair[1] ?? '');
}

/*
 * Filled 绩效运行监控表 and 项目支出绩效自评表 (DOMAIN.md §9): the same label approach, for the
 * columns and lines those forms add to the target form. Read by shared/import/stages/.
 */

/** Titles that say which stage a form is. */
export const STAGE_TITLE_SYNONYMS: ReadonlyArray<[RegExp, 'monitoring' | 'evaluation']> = [
  [/监控表|监控情况表|运行监控|执行监控|绩效监控/u, 'monitoring'],
  [/自评表|绩效自评|自评情况表/u, 'evaluation'],
];

/** A month range or date a monitoring column is as of: `1-7月`, `截至7月底`, `半年度`. */
export const STAGE_AS_OF_PATTERN =
  /^(?:\d{1,2}\s*[-—－~～至到]\s*(\d{1,2})\s*月|截至\s*(\d{1,2})\s*月底?|截至监控时点|半年度?|上半年|当前)/u;

/** The columns of a stage form's indicator table, by base label (first match wins). */
export type StageColumn =
  | 'likelihood'
  | 'forecast'
  | 'toDate'
  | 'actual'
  | 'points'
  | 'score'
  | 'analysis'
  | 'cause'
  | 'corrective'
  | 'remark';

export const STAGE_COLUMN_SYNONYMS: ReadonlyArray<[RegExp, StageColumn]> = [
  [/^完成目标可能性$|^能否完成目标$|^目标完成可能性$|^是否能完成目标$/u, 'likelihood'],
  [/^(?:全年|预计全年)预计?完成(?:值|情况)?$|^全年预计(?:完成)?$/u, 'forecast'],
  [
    /^(?:\d{1,2}[-—－~～至到]\d{1,2}月|截至\d{1,2}月底?|截至监控时点|半年度?|上半年|当前)(?:指标)?(?:执行情况|实际完成值|实际完成情况|完成值|完成情况)$/u,
    'toDate',
  ],
  [
    /^(?:全年)?实际完成值$|^(?:全年)?完成值$|^实际完成情况$|^全年实际值$|^实际值$|^实际完成$/u,
    'actual',
  ],
  [/^分值$|^权重$|^标准分值$/u, 'points'],
  [/^得分$|^自评得分$/u, 'score'],
  [
    /^偏差原因分析及改进措施$|^未完成原因(?:分析)?(?:[及和](?:拟采取的)?改进措施)?$|^偏差大或目标未完成原因分析$/u,
    'analysis',
  ],
  [/^偏差原因分析$|^偏差原因$|^原因分析$|^偏差或不能完成目标原因分析$/u, 'cause'],
  [/^纠偏措施$|^相关建议或举措$|^拟采取的措施$|^改进措施$/u, 'corrective'],
  [/^备注$/u, 'remark'],
];

/** The five 偏差原因 groups of the monitoring form, as column headers under 偏差原因分析. */
export const STAGE_CAUSE_COLUMNS: readonly string[] = [
  '经费保障',
  '制度保障',
  '人员保障',
  '硬件条件保障',
  '其他',
];

/** Target-value headers a stage form may use besides the target form's. */
export const STAGE_TARGET_HEADER = /^(?:年初目标值|全年指标值|年度目标值|指标值|年度指标值)$/u;

/** The columns of a stage form's money block. */
export type StageMoneyColumn =
  'initial' | 'adjusted' | 'executed' | 'forecast' | 'points' | 'rate' | 'score';

export const STAGE_MONEY_COLUMN_SYNONYMS: ReadonlyArray<[RegExp, StageMoneyColumn]> = [
  [/^全年预计执行数$|^预计全年执行数$/u, 'forecast'],
  [/^年初预算数?$|^年初预算金额$|^年初批复预算数?$/u, 'initial'],
  [/^全年预算数$|^调整后预算数?$|^预算数$|^全年预算$/u, 'adjusted'],
  [
    /^全年执行数$|^预算执行数$|^执行数$|^(?:\d{1,2}[-—－~～至到]\d{1,2}月|截至\d{1,2}月底?|截至监控时点|半年度?|上半年)执行数$/u,
    'executed',
  ],
  [/^分值$|^权重$/u, 'points'],
  [/^(?:预算)?执行率$|^执行进度$/u, 'rate'],
  [/^得分$/u, 'score'],
];

/** The lines of a stage form's money block. */
export const STAGE_MONEY_LINE_SYNONYMS: ReadonlyArray<
  [RegExp, 'total' | 'fiscal' | 'carryover' | 'other']
> = [
  [/^(?:年度)?资金总额$|^总额$|^合计$|^年度财政资金总额$/u, 'total'],
  [
    /^(?:当年|本年|年度)?财政拨款$|^财政资金$|^(?:当年)?一般公共预算拨款$|^本年财政资金$|^中央、?省、?市补助县级资金$/u,
    'fiscal',
  ],
  [/^上年结转(?:资金)?$/u, 'carryover'],
  [/^其他资金$|^财政专户管理资金$|^单位资金$/u, 'other'],
];

/**
 * A form template's instruction left in a cell (`对照年度目标，说明…（100字以内）`): what to write
 * there, not what was written.
 */
export const TEMPLATE_PROMPT =
  /[（(]\s*(?:限|不超过)?\s*\d+\s*字(?:以内|以下|左右)?\s*[）)][。.；;]?$/u;

/** The 年度总体目标 block: 预期目标 and 实际完成情况 (or 进展情况) headers over their texts. */
export const STAGE_GOAL_HEADERS = {
  expected: /^预期目标$|^年初设定目标$|^(?:项目)?年度目标$/u,
  actual:
    /^(?:全年)?实际完成情况$|^目标实际完成情况$|^年度(?:总体)?目标完成情况(?:综述)?$|^进展情况$|^执行情况$/u,
} as const;

/** The 总分 line. */
export const STAGE_TOTAL_LABEL = /^总分$|^自评总分$|^自评得分$/u;

/** Which stage column a header names, or null. */
export function stageColumnOf(text: string): StageColumn | null {
  const { base } = labelParts(text);
  return STAGE_COLUMN_SYNONYMS.find(([pattern]) => pattern.test(base))?.[1] ?? null;
}

/** Which money column a header names, or null. */
export function stageMoneyColumnOf(text: string): StageMoneyColumn | null {
  const { base } = labelParts(text);
  return STAGE_MONEY_COLUMN_SYNONYMS.find(([pattern]) => pattern.test(base))?.[1] ?? null;
}

/** Which money line a row label names, or null. */
export function stageMoneyLineOf(text: string): 'total' | 'fiscal' | 'carryover' | 'other' | null {
  const { base } = labelParts(text);
  return STAGE_MONEY_LINE_SYNONYMS.find(([pattern]) => pattern.test(base))?.[1] ?? null;
}

/** The stage a title names, or null. */
export function stageOfTitle(text: string): 'monitoring' | 'evaluation' | null {
  const key = labelKey(text);
  return STAGE_TITLE_SYNONYMS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}
