/**
 * What an indicator's name says about it: a rate, a satisfaction, a reverse (less is better)
 * indicator, or one that is probably filed under the wrong category. Heuristics from reviewers'
 * comments; each one is a warning, never an error.
 */

/** The name without a trailing unit hint: `国家资助政策宣传普及率（%）` → `国家资助政策宣传普及率`. */
function bareName(name: string): string {
  return name
    .trim()
    .replace(/[（(][^（）()]*[）)]$/u, '')
    .replace(/[%％]$/u, '')
    .trim();
}

/** A rate or a satisfaction: its value should be a percentage (V8). */
export function isRateName(name: string): boolean {
  const bare = bareName(name);
  return bare.endsWith('率') || bare.endsWith('满意度');
}

/** Mentions satisfaction (满意度, 满意率). */
export function isSatisfactionName(name: string): boolean {
  return /满意/u.test(name);
}

const REVERSE =
  /事故|投诉|差错|失误|流失|违规|违纪|违法|伤亡|损失|纠纷|上访|信访|案件|不合格|返工|故障率|故障次数|故障数|断网|超支|退回|漏报|错报|挤占|挪用/u;
/** Rates of handling bad events, and reductions, are positive indicators. */
const NOT_REVERSE =
  /(?:处理|处置|关闭|解决|办结|回复|答复|查处|整改|结案|响应|修复|化解|受理)(?:率|及时率|时间|时限)|下降|降低|减少|防范|预防/u;

/** Less is better (accidents, complaints, errors, losses): the value needs ≤ or ＝ (V12). */
export function isReverseName(name: string): boolean {
  return REVERSE.test(name) && !NOT_REVERSE.test(name);
}

/** What a name says about its indicator's value, worked out once per name. */
export interface NameTraits {
  /** `isRateName`. */
  rate: boolean;
  /** `isSatisfactionName`. */
  satisfaction: boolean;
  /** `isReverseName`. */
  reverse: boolean;
}

/** `isRateName`, `isSatisfactionName` and `isReverseName` of one name. */
export function nameTraits(name: string): NameTraits {
  return {
    rate: isRateName(name),
    satisfaction: isSatisfactionName(name),
    reverse: isReverseName(name),
  };
}

/** The unit a reverse count is usually written with: 次数 → 次, 事故 → 起, 投诉 → 件. */
export function guessReverseUnit(name: string): string {
  if (isRateName(name)) return '%';
  if (/次数|次$/u.test(name)) return '次';
  if (/事故|事件|案件|纠纷/u.test(name)) return '起';
  if (/投诉|信访|上访/u.test(name)) return '件';
  return '次';
}

/** A likely misfiling (V11): where the indicator is, what the name suggests instead, and why. */
export interface Misfiling {
  /** Suggested 一级 and 二级 keys (framework `categoryKey`s). */
  level1Key: string;
  level2Key: string;
  /** Clause read after `…放在“经济效益”下，但`. */
  reason: string;
  /** Sure enough to offer a one-click move. */
  confident: boolean;
}

interface MisfilingRule {
  /** The current 二级 key (or 一级 key when `level1` is set). */
  under: string;
  level1?: boolean;
  name: RegExp;
  unless?: RegExp;
  suggest: Misfiling;
}

const QUALITY_RATE =
  /运行率|完好率|合格率|可用率|达标率|准确率|正确率|通过率|优良率|在线率|成功率/u;

const MISFILING_RULES: readonly MisfilingRule[] = [
  {
    under: '经济效益',
    name: /使用率|可用率|利用率|运行率|完好率|合格率|达标率|覆盖率|知晓率|普及率|开出率/u,
    unless: /资金|经费|成本|节约|收入|收益|产值/u,
    suggest: {
      level1Key: '效益',
      level2Key: '社会效益',
      reason: '它反映使用或运行情况，不是经济效益（经济效益指节约资金、增加收入等）',
      confident: false,
    },
  },
  {
    under: '时效',
    name: QUALITY_RATE,
    suggest: {
      level1Key: '产出',
      level2Key: '质量',
      reason: '它衡量的是质量，不是完成时间',
      confident: true,
    },
  },
  {
    under: '数量',
    name: QUALITY_RATE,
    suggest: {
      level1Key: '产出',
      level2Key: '质量',
      reason: '它衡量的是质量，不是数量',
      confident: true,
    },
  },
  {
    under: '质量',
    name: /及时率|及时性|时限|完成时间/u,
    suggest: {
      level1Key: '产出',
      level2Key: '时效',
      reason: '它衡量的是时间，不是质量',
      confident: true,
    },
  },
  {
    under: '满意度',
    level1: true,
    name: /投诉|信访|上访/u,
    unless: /满意/u,
    suggest: {
      level1Key: '效益',
      level2Key: '社会效益',
      reason: '投诉数量不是满意度（满意度指标应填写调查所得的满意度%）',
      confident: false,
    },
  },
];

/**
 * The category the name suggests when the indicator seems misfiled, or undefined. Satisfaction
 * outside 满意度 is checked first, then the table above.
 */
export function suggestCategory(
  name: string,
  level1Key: string,
  level2Key: string,
): Misfiling | undefined {
  if (isSatisfactionName(name) && level1Key !== '满意度') {
    return {
      level1Key: '满意度',
      level2Key: '服务对象满意度',
      reason: '它是满意度，应放在满意度指标下',
      confident: true,
    };
  }
  for (const rule of MISFILING_RULES) {
    const current = rule.level1 ? level1Key : level2Key;
    if (current !== rule.under || !rule.name.test(name)) continue;
    if (rule.unless?.test(name)) continue;
    return rule.suggest;
  }
  return undefined;
}
