// Regenerates the import fixtures in test/fixtures from HTML this script writes, converted by
// LibreOffice (`soffice`): files written by another program, as clerks receive them.
// Run: npx tsx scripts/make-fixtures.ts   (needs soffice and iconv on the PATH)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitTabRows } from '../shared/import/delimited';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures');
const SEED = join(ROOT, 'test/fixtures/seed-guangzhou-2025-jidian-disclosure.txt');
const work = mkdtempSync(join(tmpdir(), 'jixiao-fixtures-'));

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>fixture</title></head><body>${body}</body></html>\n`;
}

/** The seed's pages: furniture lines, then table rows of seven cells. */
function seedPages(): Array<{ furniture: string[]; rows: string[][] }> {
  const text = readFileSync(SEED, 'utf8').replace(/\r\n?/g, '\n');
  const pages: Array<{ furniture: string[]; rows: string[][] }> = [];
  for (const row of splitTabRows(text)) {
    const texts = row.cells.map((cell) => cell.trim());
    if (texts.every((cell) => cell === '')) continue;
    if (row.cells.length === 1) {
      const last = pages.at(-1);
      if (!last || last.rows.length > 0) pages.push({ furniture: [], rows: [] });
      pages.at(-1)?.furniture.push(texts[0] ?? '');
    } else {
      pages.at(-1)?.rows.push(row.cells);
    }
  }
  return pages;
}

const td = (text: string, attributes = '') => `<td${attributes}>${escape(text)}</td>`;

/** The seed as one spreadsheet table: each page's title block as merged rows, as an export gives. */
function seedSheetHtml(): string {
  const rows: string[] = [];
  for (const { furniture, rows: body } of seedPages()) {
    for (const line of furniture) rows.push(`<tr>${td(line, ' colspan="7"')}</tr>`);
    for (const cells of body) rows.push(`<tr>${cells.map((cell) => td(cell)).join('')}</tr>`);
  }
  return page(`<table border="1">${rows.join('\n')}</table>`);
}

/** The seed as Word: one table per page with the title block repeated, as PDF-to-Word gives. */
function seedWordHtml(): string {
  const parts = seedPages().map(({ furniture, rows }, index) => {
    const breakStyle = index === 0 ? '' : ' style="page-break-before: always"';
    const lines = furniture.map((line, n) => `<p${n === 0 ? breakStyle : ''}>${escape(line)}</p>`);
    const table = rows.map((cells) => `<tr>${cells.map((cell) => td(cell)).join('')}</tr>`);
    return `${lines.join('\n')}\n<table border="1">${table.join('\n')}</table>`;
  });
  return page(parts.join('\n'));
}

/** A cell of a hand-written form: text, rowspan, colspan. */
type FormCell = [text: string, rowSpan?: number, colSpan?: number];

function formTable(rows: FormCell[][]): string {
  const body = rows.map(
    (cells) =>
      `<tr>${cells
        .map(([text, rowSpan = 1, colSpan = 1]) => {
          const span = `${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}${colSpan > 1 ? ` colspan="${colSpan}"` : ''}`;
          return td(text, span);
        })
        .join('')}</tr>`,
  );
  return `<table border="1">${body.join('\n')}</table>`;
}

const SUPERVISOR = '广州市人力资源和社会保障局';
const COLLEGE = '广州市机电技师学院';

/**
 * National 项目支出绩效目标申报表 with 中期 and 年度 halves (DOMAIN.md §4): merged 一级/二级 cells,
 * a placeholder 时效指标 row, 成本指标 under 产出, 社会公众或服务对象满意度指标 under 效益, `≧`,
 * money with glued units.
 */
const national: FormCell[][] = [
  [['项目支出绩效目标申报表', 1, 8]],
  [['（2025年度）', 1, 8]],
  [['项目名称'], ['市机电技师学院技能竞赛设备设施购置项目', 1, 7]],
  [['主管部门及代码'], [`${SUPERVISOR}[301001]`, 1, 3], ['实施单位'], [COLLEGE, 1, 3]],
  [['项目属性'], ['延续', 1, 3], ['项目期'], ['2年（2025–2026）', 1, 3]],
  [
    ['项目资金（万元）', 3],
    ['中期资金总额', 1, 2],
    ['1540万元'],
    ['年度资金总额', 1, 2],
    ['770万', 1, 2],
  ],
  [['其中：财政拨款', 1, 2], ['1540'], ['其中：财政拨款', 1, 2], ['770', 1, 2]],
  [['其他资金', 1, 2], ['0'], ['其他资金', 1, 2], ['0', 1, 2]],
  [
    ['总体目标', 2],
    ['中期目标（2025—2026年）', 1, 4],
    ['年度目标', 1, 3],
  ],
  [
    [
      '对接世赛标准，两年内完成智能控制类技能竞赛集训设备购置，建成2间竞赛实训室，培养竞赛选手200人次。',
      1,
      4,
    ],
    ['2025年完成首批89台套设备购置与验收，新增实训工位137个，培养竞赛选手100人次。', 1, 3],
  ],
  [
    ['绩效指标', 10],
    ['一级指标'],
    ['二级指标'],
    ['三级指标'],
    ['指标值'],
    ['二级指标'],
    ['三级指标'],
    ['指标值'],
  ],
  [
    ['产出指标', 6],
    ['数量指标', 3],
    ['新增设备数量'],
    ['89台套'],
    ['数量指标', 3],
    ['新增设备数量'],
    ['89台套'],
  ],
  [['新增实训工位数'], ['137个'], ['新增实训工位数'], ['137个']],
  [['培养竞赛选手'], ['≧200人次'], ['培养竞赛选手'], ['≧100人次']],
  [['质量指标'], ['设备验收合格率'], ['100%'], ['质量指标'], ['设备验收合格率'], ['100%']],
  [['时效指标'], [''], [''], ['时效指标'], [''], ['']],
  [['成本指标'], ['设备购置成本'], ['≤1540万元'], ['成本指标'], ['设备购置成本'], ['≤770万元']],
  [
    ['效益指标', 3],
    ['社会效益指标', 2],
    ['参与行业交流学习活动'],
    ['4次'],
    ['社会效益指标', 2],
    ['参与行业交流学习活动'],
    ['2次'],
  ],
  [['重大安全事故发生数量'], ['0'], ['重大安全事故发生数量'], ['0']],
  [
    ['社会公众或服务对象满意度指标'],
    ['参训学生满意度'],
    ['≥90%'],
    ['社会公众或服务对象满意度指标'],
    ['参训学生满意度'],
    ['≥90%'],
  ],
];

/** Provincial annual-only form in 元 with a 指标值说明 column and unmerged category cells. */
function annualForm(
  project: string,
  money: [total: string, fiscal: string, other: string, carryover: string],
  goal: string,
  indicators: FormCell[][],
): FormCell[][] {
  return [
    [['项目名称'], [project, 1, 5]],
    [['主管部门'], [SUPERVISOR, 1, 2], ['实施单位'], [COLLEGE, 1, 2]],
    [['项目属性'], ['延续', 1, 2], ['项目期'], ['1年', 1, 2]],
    [
      ['项目资金（元）', 4],
      ['年度资金总额', 1, 2],
      [money[0], 1, 3],
    ],
    [
      ['其中：财政拨款', 1, 2],
      [money[1], 1, 3],
    ],
    [
      ['其他资金', 1, 2],
      [money[2], 1, 3],
    ],
    [
      ['上年结转', 1, 2],
      [money[3], 1, 3],
    ],
    [['年度绩效目标'], [goal, 1, 5]],
    [['一级指标'], ['二级指标'], ['三级指标'], ['指标值'], ['指标值说明', 1, 2]],
    ...indicators,
  ];
}

const grants = annualForm(
  '市机电技师学院国家助学金补助资金项目',
  ['597,300.00', '597,300.00', '0.00', '0'],
  '按政策足额发放国家助学金，资助家庭经济困难学生371人，资助对象认定准确率100%。',
  [
    [['产出指标'], ['数量指标'], ['学生受助人数量'], ['371人'], ['按在籍在校学生名单核定', 1, 2]],
    [[''], ['质量指标'], ['助学金工作对象认定准确率'], ['100%'], ['', 1, 2]],
    [[''], [''], ['学生申报资格零差错'], ['0'], ['', 1, 2]],
    [['效益指标'], ['社会效益指标'], ['国家资助政策宣传普及率'], ['100%'], ['', 1, 2]],
    [[''], ['可持续影响指标'], [''], [''], ['', 1, 2]],
    [['满意度指标'], ['服务对象满意度指标'], ['服务对象满意度'], ['≥95%'], ['抽样问卷调查', 1, 2]],
  ],
);
const fees = annualForm(
  '市机电技师学院免学费财政补助项目',
  ['989,200元', '98.92万', '0', ''],
  '落实中职免学费政策，按时足额拨付免学费补助资金。',
  [
    [['产出指标'], ['质量指标'], ['学生申报资格零差错'], ['0'], ['', 1, 2]],
    [['效益指标'], ['社会效益指标'], ['国家资助政策宣传普及率'], ['100%'], ['', 1, 2]],
    [['满意度指标'], ['服务对象满意度指标'], ['享受免学费资助学生满意度'], ['95%'], ['', 1, 2]],
  ],
);

/** A 长期/年度 form: one row per indicator with 长期指标值, 年度指标值 and 绩效标准 columns. */
const longTerm: FormCell[][] = [
  [['项目绩效目标表（2025年度）', 1, 6]],
  [['项目名称'], ['2024年智慧校园管理系统升级改造项目', 1, 5]],
  [['主管部门'], [SUPERVISOR, 1, 2], ['项目单位'], [COLLEGE, 1, 2]],
  [['项目属性'], ['新增', 1, 2], ['项目起止时间'], ['2024年至2026年', 1, 2]],
  [
    ['资金总额（万元）', 3],
    ['年度资金总额', 1, 2],
    ['250万', 1, 3],
  ],
  [
    ['其中：财政拨款', 1, 2],
    ['250', 1, 3],
  ],
  [
    ['其他资金', 1, 2],
    ['', 1, 3],
  ],
  [['长期目标'], ['建成统一身份认证、数据中台和移动校园，覆盖全校师生。', 1, 5]],
  [['年度目标'], ['完成统一身份认证和数据中台建设，系统用户数≥8000人。', 1, 5]],
  [['一级指标'], ['二级指标'], ['三级指标'], ['长期指标值'], ['年度指标值'], ['绩效标准']],
  [
    ['产出指标', 3],
    ['数量指标', 2],
    ['系统用户数'],
    ['≥10000人'],
    ['≥8000人'],
    ['按统一身份认证账号计'],
  ],
  [['对接业务系统数量'], ['12个'], ['6个'], ['']],
  [['时效指标'], ['项目完成及时率'], ['100%'], ['100%'], ['']],
  [['效益指标', 2], ['社会效益指标'], ['师生办事线上办理率'], ['≥90%'], ['≥60%'], ['']],
  [
    ['可持续影响指标'],
    ['系统安全稳定运行'],
    ['硬件设备可以正常使用；软件可以安全、稳定运行'],
    ['硬件设备可以正常使用；软件可以安全、稳定运行'],
    [''],
  ],
];

const FORMS: Array<{ name: string; html: string; targets: Array<'docx' | 'xlsx'> }> = [
  { name: 'form-national-midterm', html: formTable(national), targets: ['docx', 'xlsx'] },
  {
    name: 'form-annual-yuan',
    html: [
      `<p>2025年度项目支出绩效目标表</p>${formTable(grants)}`,
      `<p style="page-break-before: always">2025年度项目支出绩效目标表</p>${formTable(fees)}`,
    ].join('\n'),
    targets: ['docx', 'xlsx'],
  },
  { name: 'form-long-term', html: formTable(longTerm), targets: ['xlsx'] },
];

function convert(html: string, name: string, filter: string, target: string): string {
  const source = join(work, `${name}.html`);
  writeFileSync(source, html);
  execFileSync(
    'soffice',
    ['--headless', `--infilter=${filter}`, '--convert-to', target, '--outdir', work, source],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return join(work, `${name}.${target.split(':')[0]}`);
}

function save(from: string, name: string): void {
  copyFileSync(from, join(FIXTURES, name));
  process.stdout.write(`test/fixtures/${name}\n`);
}

mkdirSync(join(FIXTURES, 'source'), { recursive: true });
const sheet = seedSheetHtml();
const word = seedWordHtml();
writeFileSync(join(FIXTURES, 'source/seed-sheet.html'), sheet);
writeFileSync(join(FIXTURES, 'source/seed-word.html'), word);
save(convert(sheet, 'seed-sheet', 'HTML (StarCalc)', 'xlsx'), 'seed-libreoffice.xlsx');
save(convert(sheet, 'seed-sheet', 'HTML (StarCalc)', 'xls'), 'seed-libreoffice.xls');
save(
  convert(word, 'seed-word', 'HTML (StarWriter)', 'docx:MS Word 2007 XML'),
  'seed-libreoffice.docx',
);
const csv = convert(
  sheet,
  'seed-sheet',
  'HTML (StarCalc)',
  'csv:Text - txt - csv (StarCalc):44,34,76',
);
save(csv, 'seed-libreoffice-utf8.csv');
writeFileSync(
  join(FIXTURES, 'seed-libreoffice-gbk.csv'),
  execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', csv]),
);
process.stdout.write('test/fixtures/seed-libreoffice-gbk.csv\n');

for (const form of FORMS) {
  const html = page(form.html);
  writeFileSync(join(FIXTURES, `source/${form.name}.html`), html);
  if (form.targets.includes('docx'))
    save(
      convert(html, form.name, 'HTML (StarWriter)', 'docx:MS Word 2007 XML'),
      `${form.name}.docx`,
    );
  if (form.targets.includes('xlsx'))
    save(convert(html, `${form.name}-sheet`, 'HTML (StarCalc)', 'xlsx'), `${form.name}.xlsx`);
}
