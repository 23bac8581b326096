import { describe, expect, it } from 'vitest';
import {
  disclosureLayout,
  disclosureText,
  formatIndicatorRun,
  formLayout,
  paragraphCell,
  type LayoutRow,
  type LayoutSection,
} from '../../../shared/export';
import { textWidthMm } from '../../../shared/export/page';
import { placeCells } from '../../../shared/export/cells';
import { splitTabRows } from '../../../shared/import/delimited';
import { getFramework } from '../../../shared/frameworks';
import { parseValue } from '../../../shared/model';
import { generateDocument } from '../../bench/generate';
import { indicator, LONG_GOAL, SAMPLE_PROJECT_NAMES, sampleDocument } from './helpers';

const framework = getFramework('gz-2025');

function texts(row: LayoutRow | undefined): string[] {
  return (row?.cells ?? []).map((cell) => cell.text);
}

function widthSum(section: LayoutSection): number {
  return section.columns.reduce((sum, column) => sum + column.widthMm, 0);
}

describe('formatIndicatorRun', () => {
  it('prints the seed sentence with codes, display names and full-width colons', () => {
    const run = formatIndicatorRun(
      [
        indicator('数量', '新增设备数量', '89台套'),
        indicator('社会效益', '重大安全事故次数', '0'),
        indicator('服务对象满意度', '服务对象满意度', '≥90%'),
      ],
      framework,
    );
    expect(run).toBe(
      '1、1-产出指标；11-数量指标；新增设备数量；实施周期指标值：89台套；年度指标值：89台套。' +
        '2、2-效益指标；22-社会效益；重大安全事故次数；实施周期指标值：0；年度指标值：0。' +
        '3、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：≥90%；年度指标值：≥90%。',
    );
  });

  it('renders structured values and keeps imported text verbatim', () => {
    const structured = indicator('质量', '验收合格率', '100%');
    structured.annual = { sign: '≥', value: '95', unit: '%' };
    const kept = indicator('数量', '桌面运维服务对象数量', '>3000（人）');
    expect(kept.annual.text).toBe('>3000（人）');
    const run = formatIndicatorRun([structured, kept], framework);
    expect(run).toContain('实施周期指标值：100%；年度指标值：≥95%。');
    expect(run).toContain('实施周期指标值：>3000（人）；年度指标值：>3000（人）。');
  });

  it('keeps a name containing ； and flattens line breaks', () => {
    const item = indicator('质量', '硬件设备可以正常使用；软件可以\n安全、稳定运行', '100%');
    expect(formatIndicatorRun([item], framework)).toBe(
      '1、1-产出指标；12-质量指标；硬件设备可以正常使用；软件可以 安全、稳定运行；实施周期指标值：100%；年度指标值：100%。',
    );
  });

  it('is empty for no indicators', () => {
    expect(formatIndicatorRun([], framework)).toBe('');
  });
});

describe('disclosureLayout', () => {
  const document = sampleDocument();
  const layout = disclosureLayout(document);
  const section = layout.sections[0] as LayoutSection;

  it('is one A4 landscape section with the title block repeated', () => {
    expect(layout.kind).toBe('disclosure');
    expect(layout.sections).toHaveLength(1);
    expect(section.page).toMatchObject({
      paper: 'A4',
      orientation: 'landscape',
      widthMm: 297,
      heightMm: 210,
    });
    expect(section.repeatTitleBlock).toBe(true);
    expect(section.titleBlock).toEqual([
      { center: { text: '项目支出绩效目标表（含转移支付项目）', font: 'title' } },
      { center: { text: '（2025年度）', font: 'subtitle' } },
      {
        left: { text: '部门名称：广州市人力资源和社会保障局', font: 'unit' },
        right: { text: '单位：万元', font: 'unit' },
      },
    ]);
  });

  it('has seven columns of absolute widths summing to the text width', () => {
    expect(section.columns.map((column) => column.key)).toEqual([
      'name',
      'total',
      'fiscal',
      'specialAccount',
      'other',
      'goal',
      'indicators',
    ]);
    expect(widthSum(section)).toBeCloseTo(textWidthMm(section.page), 6);
    // The money columns fit the widest amount (1,234,567 hundredths → `12,345.67` …).
    const money = section.columns[1]?.widthMm ?? 0;
    expect(money).toBeGreaterThanOrEqual(19);
    expect(section.columns[6]?.widthMm).toBeGreaterThan(money * 2);
  });

  it('prints the header, 合计, unit rows and project rows in order', () => {
    expect(section.headerRows).toHaveLength(1);
    expect(texts(section.headerRows[0])).toEqual([
      '项目名称（资金使用单位）',
      '总计',
      '财政拨款',
      '财政专户拨款',
      '其他资金',
      '绩效目标',
      '绩效指标',
    ]);
    expect(section.bodyRows.map((row) => row.role)).toEqual([
      'total',
      'unit',
      'project',
      'project',
      'project',
      'project',
      'unit',
      'project',
    ]);
    const names = section.bodyRows
      .filter((row) => row.role === 'project')
      .map((row) => row.cells[0]?.text);
    expect(names).toEqual([...SAMPLE_PROJECT_NAMES]);
  });

  it('derives totals exactly, prints #,##0.00 and leaves zero blank', () => {
    const [total, unit1] = section.bodyRows;
    // 合计 = 638.00 + 2.63 + 12,358.17 + 0 + 123,956.00
    expect(texts(total).slice(0, 5)).toEqual([
      '合计',
      '136,954.80',
      '124,106.63',
      '2.50',
      '12,845.67',
    ]);
    expect(texts(unit1).slice(0, 5)).toEqual([
      '广州市机电技师学院',
      '12,998.80',
      '650.63',
      '2.50',
      '12,345.67',
    ]);
    expect(texts(unit1).slice(5)).toEqual(['', '']);
    const zero = section.bodyRows[5];
    expect(texts(zero).slice(1, 5)).toEqual(['', '', '', '']);
    expect(zero?.cells[1]).toMatchObject({ kind: 'money', amount: 0, align: 'right' });
    const formula = section.bodyRows[4];
    expect(formula?.cells[1]).toMatchObject({ text: '12,358.17', amount: 1_235_817 });
  });

  it('keeps goal paragraphs as line breaks and the indicator run in one cell', () => {
    const campus = section.bodyRows[3];
    expect(campus?.cells[5]?.text).toBe(LONG_GOAL);
    expect(campus?.cells[5]?.text.split('\n')).toHaveLength(4);
    expect(campus?.cells[6]?.text).toMatch(/^1、1-产出指标；11-数量指标；备份策略；/);
    expect(campus?.cells[6]?.text).toContain(
      '15、3-满意度指标；31-服务对象满意度；师生使用满意度；',
    );
  });

  it('lets only rows taller than half a page break across pages', () => {
    expect(section.headerRows.every((row) => row.keepTogether)).toBe(true);
    expect(section.bodyRows.map((row) => row.keepTogether)).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('keeps each unit row with its first project', () => {
    const flags = section.bodyRows.map((row) => row.keepWithNext ?? false);
    expect(flags).toEqual([false, true, false, false, false, false, true, false]);
  });

  it('fills the grid exactly in every row', () => {
    expect(() => placeCells([...section.headerRows, ...section.bodyRows], 7)).not.toThrow();
  });

  it('takes font overrides and keeps the defaults as fallbacks', () => {
    const custom = disclosureLayout(document, { fonts: { title: '黑体', table: '宋体' } });
    expect(custom.fonts.title).toMatchObject({
      name: '黑体',
      fallbacks: ['方正小标宋简体', '华文中宋', '宋体'],
    });
    expect(custom.fonts.table).toMatchObject({
      name: '宋体',
      fallbacks: ['仿宋_GB2312', '仿宋', 'FangSong'],
    });
    expect(layout.fonts.title).toMatchObject({
      name: '方正小标宋简体',
      fallbacks: ['华文中宋', '宋体'],
      sizePt: 16,
    });
    expect(layout.fonts.table).toMatchObject({
      name: '仿宋_GB2312',
      fallbacks: ['仿宋', 'FangSong'],
    });
    expect(layout.fonts.unit).toMatchObject({ name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'] });
  });

  it('prints 元 documents with a 元 unit line and wider money columns', () => {
    const inYuan = { ...document, moneyUnit: '元' as const };
    inYuan.units = structuredClone(document.units);
    const project = inYuan.units[1]?.projects[0];
    if (project) project.money.fiscal = 123_456_789_00;
    const yuan = disclosureLayout(inYuan).sections[0] as LayoutSection;
    expect(yuan.titleBlock[2]?.right?.text).toBe('单位：元');
    expect(yuan.columns[1]?.widthMm).toBeGreaterThan(section.columns[1]?.widthMm ?? 0);
    expect(widthSum(yuan)).toBeCloseTo(textWidthMm(yuan.page), 6);
  });
});

describe('formLayout', () => {
  const document = sampleDocument();

  it('makes one A4 portrait section per project with title, year and name repeated', () => {
    const layout = formLayout(document, { variant: 'annual' });
    expect(layout.sections.map((section) => section.name)).toEqual([...SAMPLE_PROJECT_NAMES]);
    for (const section of layout.sections) {
      expect(section.page).toMatchObject({ orientation: 'portrait', widthMm: 210, heightMm: 297 });
      expect(section.titleBlock.map((line) => line.center?.text)).toEqual([
        '项目支出绩效目标表',
        '（2025年度）',
      ]);
      expect(section.repeatTitleBlock).toBe(true);
      expect(texts(section.headerRows[0])).toEqual(['项目名称', section.name]);
      expect(widthSum(section)).toBeCloseTo(textWidthMm(section.page), 6);
      expect(() => placeCells([...section.headerRows, ...section.bodyRows], 5)).not.toThrow();
    }
  });

  it('prints the annual money block, carryover when present, and one goal', () => {
    const layout = formLayout(document, { variant: 'annual' });
    const base = layout.sections[4] as LayoutSection;
    const money = base.bodyRows.filter((row) => row.role === 'money');
    expect(money.map((row) => texts(row).filter((text) => text !== '项目资金\n（万元）'))).toEqual([
      ['年度资金总额', '123,956.00'],
      ['其中：财政拨款', '123,456.00'],
      ['财政专户拨款', ''],
      ['其他资金', '500.00'],
      ['上年结转', '100.00'],
    ]);
    expect(money[0]?.cells[0]).toMatchObject({ text: '项目资金\n（万元）', rowSpan: 5 });
    const goal = base.bodyRows.find((row) => row.role === 'goal');
    expect(texts(goal)).toEqual(['年度绩效目标', '完成实训基地二期建设。\n新增实训工位137个。']);
    const fields = base.bodyRows.filter((row) => row.role === 'field').map(texts);
    expect(fields).toEqual([
      ['主管部门及代码', '广州市人力资源和社会保障局', '实施单位', '广州市轻工技师学院'],
      ['项目属性', '延续', '项目期', '5年（2023—2027）'],
    ]);
  });

  it('prints the midterm halves side by side', () => {
    const layout = formLayout(document, { variant: 'midterm' });
    const base = layout.sections[4] as LayoutSection;
    const money = base.bodyRows.filter((row) => row.role === 'money').map(texts);
    expect(money[0]).toEqual([
      '项目资金\n（万元）',
      '中期资金总额',
      '600,000.00',
      '年度资金总额',
      '123,956.00',
    ]);
    expect(money[1]).toEqual(['其中：财政拨款', '590,000.00', '其中：财政拨款', '123,456.00']);
    const goals = base.bodyRows.filter((row) => row.role === 'goal').map(texts);
    expect(goals).toEqual([
      ['总体目标', '中期目标（2023—2027年）', '年度目标'],
      ['建成集教学、培训、竞赛于一体的实训基地。', '完成实训基地二期建设。\n新增实训工位137个。'],
    ]);
    const header = base.bodyRows.find((row) => row.role === 'indicator-header');
    expect(texts(header)).toEqual(['一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值']);
  });

  it('merges 一级 and 二级 over their indicators, grouped by the framework order', () => {
    const layout = formLayout(document, { variant: 'annual' });
    const campus = layout.sections[1] as LayoutSection;
    const header = campus.bodyRows.find((row) => row.role === 'indicator-header');
    expect(texts(header)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '实施周期指标值',
      '年度指标值',
    ]);
    const rows = campus.bodyRows.filter((row) => row.role === 'indicator');
    expect(rows).toHaveLength(15);
    const merged = rows.flatMap((row) => row.cells.filter((cell) => cell.kind === 'label'));
    expect(merged.map((cell) => `${cell.text}×${cell.rowSpan}`)).toEqual([
      '产出指标×10',
      '数量指标×5',
      '质量指标×2',
      '时效指标×3',
      '效益指标×4',
      '经济效益指标×2',
      '社会效益指标×2',
      '满意度指标×1',
      '服务对象满意度指标×1',
    ]);
    expect(texts(rows[0])).toEqual([
      '产出指标',
      '数量指标',
      '备份策略',
      '本地全量备份不小于每周一次',
      '本地全量备份不小于每周一次',
    ]);
    expect(texts(rows[1])).toEqual(['桌面运维服务对象数量', '>3000（人）', '>3000（人）']);
  });

  it('groups out-of-order indicators under their category', () => {
    const document = sampleDocument();
    const project = document.units[0]?.projects[0];
    if (!project) throw new Error('no project');
    project.indicators = [
      indicator('服务对象满意度', '满意度', '≥90%'),
      indicator('数量', '数量一', '1个'),
      indicator('社会效益', '效益一', '0次'),
      indicator('数量', '数量二', '2个'),
    ];
    const section = formLayout(document, { variant: 'annual' }).sections[0] as LayoutSection;
    const names = section.bodyRows
      .filter((row) => row.role === 'indicator')
      .map((row) => row.cells.at(-3)?.text);
    expect(names).toEqual(['数量一', '数量二', '效益一', '满意度']);
  });

  it('adds a 指标值说明 column to a project whose indicators carry notes, and only to it', () => {
    const document = sampleDocument();
    const project = document.units[0]?.projects[0];
    if (!project?.indicators[0]) throw new Error('no indicator');
    project.indicators[0].note = '按验收报告核定';
    for (const variant of ['annual', 'midterm'] as const) {
      const [noted, plain] = formLayout(document, { variant }).sections as LayoutSection[];
      if (!noted || !plain) throw new Error('no sections');
      expect(noted.columns).toHaveLength(6);
      expect(plain.columns).toHaveLength(5);
      for (const section of [noted, plain]) {
        expect(widthSum(section)).toBeCloseTo(textWidthMm(section.page), 6);
        const rows = [...section.headerRows, ...section.bodyRows];
        expect(() => placeCells(rows, section.columns.length)).not.toThrow();
        // Every row fills the table's width exactly.
        for (const row of placeCells(rows, section.columns.length)) {
          const last = row.at(-1);
          if (last) expect(last.column + last.cell.colSpan).toBe(section.columns.length);
        }
      }
      const header = noted.bodyRows.find((row) => row.role === 'indicator-header');
      expect(texts(header).at(-1)).toBe('指标值说明');
      const notes = noted.bodyRows
        .filter((row) => row.role === 'indicator')
        .map((row) => row.cells.at(-1)?.text);
      expect(notes).toContain('按验收报告核定');
      expect(notes.filter((note) => note !== '')).toEqual(['按验收报告核定']);
    }
  });

  it('still makes a page for a document without projects', () => {
    const document = sampleDocument();
    document.units = [];
    const layout = formLayout(document, { variant: 'annual' });
    expect(layout.sections).toHaveLength(1);
    expect(layout.sections[0]?.bodyRows[0]?.cells[0]?.text).toBe('（本文档没有项目）');
  });
});

describe('disclosureText', () => {
  it('writes the seed layout: title, 年度, 部门名称, 单位, header, 合计, unit and project rows', () => {
    const lines = splitTabRows(disclosureText(sampleDocument())).map((row) => row.cells.join('\t'));
    expect(lines.slice(0, 8)).toEqual([
      '项目支出绩效目标表（含转移支付项目）',
      // The year under the title, as Word and Excel print it.
      '（2025年度）',
      '',
      '部门名称：广州市人力资源和社会保障局',
      '',
      '单位：万元',
      '',
      '项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标',
    ]);
    expect(lines[8]).toBe('合计\t136,954.80\t124,106.63\t2.50\t12,845.67\t\t');
    expect(lines[9]).toBe('广州市机电技师学院\t12,998.80\t650.63\t2.50\t12,345.67\t\t');
    expect(lines[13]).toBe(
      '市机电技师学院教学实训设备维修维护工作经费项目\t\t\t\t\t保障实训教学、竞赛训练安全、有序进行。\t' +
        '1、1-产出指标；11-数量指标；新增设备数量；实施周期指标值：89台套；年度指标值：89台套。' +
        '2、1-产出指标；12-质量指标；设备验收合格率；实施周期指标值：100%；年度指标值：100%。' +
        '3、2-效益指标；22-社会效益；安全生产事故发生数；实施周期指标值：0次；年度指标值：0次。' +
        '4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值：≥90%；年度指标值：≥90%。',
    );
    expect(lines[14]?.startsWith('广州市轻工技师学院\t')).toBe(true);
    expect(lines).toHaveLength(16);
    for (const line of lines.slice(7)) expect(line.split('\t')).toHaveLength(7);
    // A document of no known year prints no year line.
    const unknown = disclosureText({ ...sampleDocument(), fiscalYear: null }).split('\n');
    expect(unknown.slice(0, 3)).toEqual([
      '项目支出绩效目标表（含转移支付项目）',
      '',
      '部门名称：广州市人力资源和社会保障局',
    ]);
  });

  it('quotes multi-paragraph goals as Excel copies them, never as HTML', () => {
    expect(paragraphCell('一\n二\r\n三')).toBe('"一\n二\n三"');
    expect(paragraphCell('只有一段')).toBe('只有一段');
    expect(paragraphCell('"引号"开头')).toBe('"""引号""开头"');
    expect(paragraphCell('中间有"引号"')).toBe('中间有"引号"');
    expect(paragraphCell('')).toBe('');
    const text = disclosureText(sampleDocument());
    expect(text).not.toMatch(/<\/?p>/);
    expect(text).toContain(`"${LONG_GOAL}"`);
  });

  it('never lets a tab or line break in a name split a row', () => {
    const document = sampleDocument();
    const project = document.units[0]?.projects[0];
    if (!project) throw new Error('no project');
    project.name = '带\t制表符\n和换行的项目';
    project.indicators[0]!.annual = parseValue('\t90%');
    const line = disclosureText(document).split('\n')[10];
    expect(line?.split('\t')).toHaveLength(7);
    expect(line?.startsWith('带 制表符 和换行的项目\t')).toBe(true);
  });

  it('is deterministic and complete for a generated document', () => {
    const document = generateDocument(40, 12, 3);
    const text = disclosureText(document);
    expect(text).toBe(disclosureText(generateDocument(40, 12, 3)));
    const rows = splitTabRows(text).slice(7);
    expect(rows).toHaveLength(1 + 1 + document.units.length + 40);
  });
});
