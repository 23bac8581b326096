import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  disclosureLayout,
  fontCandidates,
  formLayout,
  layoutToHtml,
  MARGIN_PRESETS,
  printGeometry,
  type Layout,
} from '../../../shared/export';
import { textWidthMm } from '../../../shared/export/page';
import { readDocumentData, type JixiaoDocument } from '../../../shared/model';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import { sampleDocument } from './helpers';

const ROOT = join(import.meta.dirname, '../../..');

function shippedSample(): JixiaoDocument {
  const result = readDocumentData(JSON.parse(readFileSync(join(ROOT, SAMPLE_FILE), 'utf8')));
  if (!result.ok) throw new Error('sample is invalid');
  return result.document;
}

/** The sections of a print document, each split into its head and body markup. */
function sections(html: string): Array<{ head: string; body: string; cols: number[] }> {
  return html
    .split('<section ')
    .slice(1)
    .map((part) => ({
      head: /<thead>([\s\S]*?)<\/thead>/.exec(part)?.[1] ?? '',
      body: /<tbody>([\s\S]*?)<\/tbody>/.exec(part)?.[1] ?? '',
      cols: [...part.matchAll(/<col [^>]*style="width: ([\d.]+)mm"/g)].map((m) => Number(m[1])),
    }));
}

function pageRule(html: string): string {
  return /@page page-1 \{[\s\S]*?\n\}/.exec(html)?.[0] ?? '';
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;

describe('layoutToHtml', () => {
  it('escapes every user text: no markup, script or style breakout gets through', () => {
    const document = sampleDocument();
    const project = document.units[0]!.projects[0]!;
    project.name = '<script>alert(1)</script>&amp;"\'<img src=x onerror=alert(2)>';
    project.goals.annual = '第一段</td></tr></table><b>粗</b>\n第二段';
    document.department = '<iframe src="https://example.com">';
    const layout = disclosureLayout(document, {
      fonts: { table: 'Evil"; }</style><script>x()</script>' },
    });
    const html = layoutToHtml(layout);
    expect(html).not.toMatch(/<script|<img|<iframe|<b>|<\/style><script/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#38;amp;&#34;&#39;');
    expect(html).toContain(
      '第一段&#60;/td&#62;&#60;/tr&#62;&#60;/table&#62;&#60;b&#62;粗&#60;/b&#62;<br>第二段',
    );
    expect(html).toContain('部门名称：&#60;iframe src=&#34;https://example.com&#34;&#62;');
    // The only style element is ours, and it still closes where we close it.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toMatch(
      /font-family: "Evil\\22 ; }\\3c \/style\\3e \\3c script\\3e x\(\)\\3c \/script\\3e "/,
    );
  });

  it('declares A4 paged media with the layout margins and 第 X 页 共 Y 页 in the margin box', () => {
    const html = layoutToHtml(disclosureLayout(shippedSample()));
    const rule = pageRule(html);
    expect(rule).toContain('size: A4 landscape;');
    expect(rule).toContain('margin: 10mm 8mm 13mm 8mm;');
    expect(rule).toMatch(
      /@bottom-center \{\s*content: "第 " counter\(page\) " 页 共 " counter\(pages\) " 页";/,
    );
    expect(html).toContain('.sheet.page-1 { page: page-1; }');
    expect(html).toContain(
      '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;',
    );
    expect(html).not.toMatch(/<script|javascript:/i);
  });

  it('applies the 公文 and 紧凑 margin presets and rescales the columns to the new text width', () => {
    const layout = disclosureLayout(shippedSample());
    const original = layout.sections[0]!;
    for (const preset of ['official', 'compact'] as const) {
      const html = layoutToHtml(layout, { margins: preset });
      const { top, right, bottom, left } = MARGIN_PRESETS[preset];
      expect(pageRule(html)).toContain(`margin: ${top}mm ${right}mm ${bottom}mm ${left}mm;`);
      const geometry = printGeometry(original, preset);
      const [section] = sections(html);
      expect(sum(section!.cols)).toBe(textWidthMm(geometry.page));
      // Proportions kept: the name column stays the same share of the table.
      const share = original.columns[0]!.widthMm / textWidthMm(original.page);
      expect(section!.cols[0]! / textWidthMm(geometry.page)).toBeCloseTo(share, 2);
    }
    expect(pageRule(layoutToHtml(layout, { margins: 'official' }))).toContain(
      'margin: 37mm 26mm 35mm 28mm;',
    );
  });

  it('puts the title block and column header in thead (repeated on every page), body rows in tbody', () => {
    const html = layoutToHtml(disclosureLayout(shippedSample()));
    const [section] = sections(html);
    expect(section!.head).toContain('项目支出绩效目标表（含转移支付项目）');
    expect(section!.head).toContain('部门名称：广州市人力资源和社会保障局');
    expect(section!.head).toContain('单位：万元');
    expect(section!.head).toContain(
      '<th class="a-center v-middle label bold">项目名称（资金使用单位）</th>',
    );
    expect(section!.body).not.toContain('项目名称（资金使用单位）');
    expect(section!.body).toContain('2024年智慧校园管理系统升级改造项目');
    expect(html).toContain(
      'table.grid thead { display: table-header-group; break-inside: avoid; }',
    );
  });

  it('uses fixed layout with absolute column widths in mm that sum to the text width', () => {
    const layout = disclosureLayout(shippedSample());
    const html = layoutToHtml(layout);
    const [section] = sections(html);
    expect(section!.cols).toEqual(layout.sections[0]!.columns.map((column) => column.widthMm));
    expect(sum(section!.cols)).toBe(281);
    expect(html).toContain('table-layout: fixed');
    expect(html).toContain('<table class="grid font-table" style="width: 281mm">');
  });

  it('lets tall rows break across pages and keeps short ones whole; money is right-aligned', () => {
    const html = layoutToHtml(disclosureLayout(shippedSample()));
    const rows = sections(html)[0]!.body.split('<tr ').slice(1);
    const campus = rows.find((row) => row.includes('2024年智慧校园管理系统升级改造项目'))!;
    expect(campus).toMatch(/^class="row-project split"/);
    const security = rows.find((row) => row.includes('市机电技师学院安保和物业管理服务经费'))!;
    expect(security).toMatch(/^class="row-project keep"/);
    expect(rows[1]).toMatch(/^class="row-unit keep with-next"/);
    expect(rows[0]).toContain('<td class="a-right v-middle money bold">4,791.93</td>');
    expect(html).toContain('table.grid tr.keep { break-inside: avoid; }');
    expect(html).toContain('table.grid tr.split { break-inside: auto; }');
  });

  it('starts every per-project form on a new page, portrait, one section per project', () => {
    const document = shippedSample();
    const html = layoutToHtml(formLayout(document, { variant: 'annual' }));
    const parts = sections(html);
    expect(parts).toHaveLength(14);
    expect(html).toContain('.sheet + .sheet { break-before: page; }');
    expect(pageRule(html)).toContain('size: A4 portrait;');
    expect(pageRule(html)).toContain('margin: 37mm 26mm 35mm 28mm;');
    for (const [index, project] of document.units[0]!.projects.entries()) {
      expect(parts[index]!.head).toContain(project.name);
      expect(parts[index]!.head).toContain('（2025年度）');
    }
  });

  it("prints a form's indicators as a second table that repeats the indicator header, under the project's running head", () => {
    const document = shippedSample();
    const html = layoutToHtml(formLayout(document, { variant: 'annual' }));
    const project = document.units[0]!.projects[0]!;
    const part = html.split('<section ').slice(1)[0]!;
    const tables = part.split('<table class="grid font-table').slice(1);
    expect(tables).toHaveLength(2);
    const [upper, block] = tables as [string, string];
    expect(upper).toContain('（2025年度）');
    expect(upper).not.toContain('一级指标');
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(block)![1]!;
    expect(head).toMatch(/^<tr class="row-indicator-header[^"]*">/);
    expect(head).toContain('一级指标');
    expect(head).toContain('三级指标');
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(block)![1]!;
    expect(body).toContain(project.indicators[0]!.name);
    expect(body).not.toContain('一级指标');
    // Each project's pages have their own page name with the project in the top margin box.
    expect(part).toMatch(/^class="sheet page-1 page-1-s1"/);
    expect(part).toContain(`data-running-head="项目名称：${project.name}"`);
    const rule = new RegExp(
      `@page page-1-s1 \\{[\\s\\S]*?@top-left \\{\\s*content: "项目名称：${project.name}";`,
    );
    expect(html).toMatch(rule);
    expect(html).toContain('.sheet.page-1-s1 { page: page-1-s1; }');
  });

  it('names fonts as the exports do, with aliases and CJK fallbacks, ending in a generic family', () => {
    const layout: Layout = formLayout(shippedSample(), { variant: 'midterm' });
    const html = layoutToHtml(layout);
    expect(html).toContain(
      '.font-table { font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif; font-size: 10.5pt;',
    );
    expect(html).toContain(
      '.font-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体"',
    );
    expect(fontCandidates(layout.fonts.unit).slice(0, 4)).toEqual([
      '楷体_GB2312',
      'KaiTi_GB2312',
      '楷体',
      'KaiTi',
    ]);
  });
});
