import type { ReviewerReason, Severity } from './types';

/** One rule as the check report, the README and the settings screen describe it. */
export interface RuleInfo {
  code: string;
  /** Usual severity; V2 reports an unconfirmed bare number as a warning only. */
  severity: Severity;
  title: string;
  description: string;
  /** Reason reviewers give; some findings use a more precise one (see each rule). */
  reviewerReason: ReviewerReason;
}

/** Every rule `checkDocument` applies, in the order it reports them within a row. */
export const RULES = [
  {
    code: 'M1',
    severity: 'error',
    title: '总计与资金来源不符',
    description:
      '总计 = 财政拨款 + 财政专户拨款 + 其他资金。本程序的总计由资金来源计算，不会出错；检查导入表格自带的总计，以及中期资金总额 = 财政拨款 + 其他资金。',
    reviewerReason: '其他',
  },
  {
    code: 'M2',
    severity: 'error',
    title: '小计、合计不符',
    description:
      '单位行 = 所属项目之和，合计 = 各单位之和。本程序的小计和合计由项目计算；检查导入表格自带的单位行和合计行。',
    reviewerReason: '其他',
  },
  {
    code: 'M3',
    severity: 'error',
    title: '金额超出可精确计算的范围',
    description:
      '金额或其合计超过程序能精确计算的范围（约 900 亿亿分），合计会出错；多半是多输入了位数，请核对金额。',
    reviewerReason: '其他',
  },
  {
    code: 'M4',
    severity: 'error',
    title: '金额为负数',
    description:
      '项目支出的金额不能为负数。编辑时不能输入负数；这一条检查导入或合并进来的表格，以及用其他程序改过的文档。',
    reviewerReason: '其他',
  },
  {
    code: 'R1',
    severity: 'error',
    title: '缺少产出或效益指标',
    description: '每个项目至少要有一个产出指标下的三级指标和一个效益指标下的三级指标。',
    reviewerReason: '建议增加明确产出指标',
  },
  {
    code: 'R2',
    severity: 'warning',
    title: '没有满意度指标',
    description: '项目没有满意度指标，评审常要求补充。',
    reviewerReason: '建议增加满意度指标',
  },
  {
    code: 'R3',
    severity: 'warning',
    title: '产出指标不全',
    description: '项目没有数量指标，或者既没有质量指标也没有时效指标。',
    reviewerReason: '指标不够完整',
  },
  {
    code: 'R4',
    severity: 'error',
    title: '指标类别不属于指标体系',
    description: '一级指标须在文档所用的指标体系中，二级指标须属于所选的一级指标。',
    reviewerReason: '二级指标类型错误',
  },
  {
    code: 'R5',
    severity: 'error',
    title: '三级指标名称有误',
    description: '三级指标名称必填，不超过设定字数（默认 100），同一项目内不得重名。',
    reviewerReason: '指标不够完整',
  },
  {
    code: 'R6',
    severity: 'error',
    title: '缺少年度目标',
    description: '年度绩效目标必填，不能只有空格或 * _ - 等占位符号。',
    reviewerReason: '其他',
  },
  {
    code: 'R8',
    severity: 'warning',
    title: '指标数量不在常见范围',
    description: '项目的三级指标个数少于或多于设定范围（默认 4–15 个）。',
    reviewerReason: '指标不够完整',
  },
  {
    code: 'V1',
    severity: 'error',
    title: '缺少年度指标值',
    description: '年度指标值必填。实施周期指标值为空时视为只有年度的表式，不报。',
    reviewerReason: '指标不够完整',
  },
  {
    code: 'V2',
    severity: 'error',
    title: '定量指标值不完整',
    description:
      '选了 ≥ ＞ ＝ ＜ ≤ 的指标值须是数字并有计量单位。从公开表导入的裸数字（如 0、18）没有符号和单位，因为打印时省略了，只作警告，待填报人确认。',
    reviewerReason: '指标不够细化、量化',
  },
  {
    code: 'V3',
    severity: 'error',
    title: '指标值含空格或占位符号',
    description: '指标值中不得有空格或 * _ - 等符号。',
    reviewerReason: '其他',
  },
  {
    code: 'V4',
    severity: 'error',
    title: '指标值过长',
    description: '指标值不超过设定字数（默认 200）。',
    reviewerReason: '指标不够细化、量化',
  },
  {
    code: 'V6',
    severity: 'error',
    title: '定性指标值带单位',
    description: '定性指标值是文字，不填计量单位。',
    reviewerReason: '其他',
  },
  {
    code: 'V7',
    severity: 'warning',
    title: '百分比超出范围',
    description: '百分比应在 0–100% 之间；≥100% 或 ＞100% 实际只能是 ＝100%。',
    reviewerReason: '指标与指标值不匹配',
  },
  {
    code: 'V8',
    severity: 'warning',
    title: '比率指标的值不是百分比',
    description: '名称以“率”或“满意度”结尾的指标，指标值应是百分比（如“计划完成率 18”）。',
    reviewerReason: '指标与指标值不匹配',
  },
  {
    code: 'V9',
    severity: 'warning',
    title: '用文字表示比较',
    description: '“以上”“或以上”“不低于”“以内”等应改为 ≥ 或 ≤ 符号。',
    reviewerReason: '其他',
  },
  {
    code: 'V10',
    severity: 'warning',
    title: '满意度目标偏低',
    description: '满意度指标值低于设定下限（默认 85%）。',
    reviewerReason: '其他',
  },
  {
    code: 'V11',
    severity: 'warning',
    title: '指标可能归错类别',
    description:
      '按名称看可能放错了类别：如使用率、可用率放在经济效益下，运行率放在时效指标下，投诉放在满意度下，满意度放在满意度指标以外。',
    reviewerReason: '二级指标类型错误',
  },
  {
    code: 'V12',
    severity: 'warning',
    title: '反向指标未用 ≤ 或 ＝',
    description:
      '事故、投诉、差错、流失等越少越好的指标，指标值应写作 ≤ 或 ＝（如 ＝0起），不能用 ≥ 或不写符号。',
    reviewerReason: '指标与指标值不匹配',
  },
  {
    code: 'V13',
    severity: 'warning',
    title: '实施周期与年度指标值不一致',
    description:
      '一年期项目的实施周期指标值应等于年度指标值；多年期项目的数量指标，年度指标值不应大于实施周期指标值。',
    reviewerReason: '指标与指标值不匹配',
  },
  {
    code: 'T1',
    severity: 'warning',
    title: '残留网页标记',
    description: '目标、名称或指标值中残留 <p> 等网页标记。',
    reviewerReason: '其他',
  },
  {
    code: 'T2',
    severity: 'warning',
    title: '中英文标点混用',
    description: '中文文字旁使用了半角标点（: ; , ( ) ? !），应使用全角标点。',
    reviewerReason: '其他',
  },
  {
    code: 'T3',
    severity: 'warning',
    title: '目标中的年份与本表年度不符',
    description: '绩效目标提到的年份不是本表年度（也不在项目期内），可能是从上年复制后未改。',
    reviewerReason: '其他',
  },
  {
    code: 'T4',
    severity: 'warning',
    title: '文字中有不可见的控制字符',
    description:
      '名称、目标或指标值中有改变文字显示方向的控制字符（如 U+202E）或其他不可见的控制字符，屏幕上看到的与实际内容不同，应删除。',
    reviewerReason: '其他',
  },
  {
    code: 'J1',
    severity: 'error',
    title: '监控：缺少偏差原因',
    description:
      '绩效运行监控中，完成目标可能性不是“确定能”，或全年预计完成值达不到年度指标值时，须选择偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他）或写明原因（财预〔2019〕136号 监控表）。',
    reviewerReason: '其他',
  },
  {
    code: 'J2',
    severity: 'warning',
    title: '监控：执行率落后于序时进度',
    description:
      '截至监控时点的执行率低于该月的预警线。默认预警线：4 月 25%、6 月 40%、8 月 60%、10 月 80%（某省的序时进度预警规则，转引自预算执行指南，未见原文），可按文档设置。',
    reviewerReason: '其他',
  },
  {
    code: 'J3',
    severity: 'error',
    title: '监控：完成值不能按指标单位读取',
    description:
      '定量指标的截至监控时点完成值、全年预计完成值应是以指标计量单位表示的数字（如年度指标值 ≥90% 时写 92% 或 92）。',
    reviewerReason: '指标与指标值不匹配',
  },
  {
    code: 'Z1',
    severity: 'error',
    title: '自评：得分低于分值却未分析原因',
    description:
      '指标或预算执行率的得分低于分值时，须填写偏差原因分析及改进措施（财预〔2020〕10号 项目支出绩效自评表）。',
    reviewerReason: '其他',
  },
  {
    code: 'Z2',
    severity: 'error',
    title: '自评：实际完成值不能计分',
    description: '定量指标的实际完成值应是以指标计量单位表示的数字，否则无法按评分规则计算得分。',
    reviewerReason: '指标与指标值不匹配',
  },
] as const satisfies readonly RuleInfo[];

export type RuleCode = (typeof RULES)[number]['code'];

const BY_CODE = new Map<string, RuleInfo>(RULES.map((rule) => [rule.code, rule]));

/** The catalogue entry of a rule. */
export function ruleInfo(code: RuleCode): RuleInfo {
  return BY_CODE.get(code) as RuleInfo;
}
