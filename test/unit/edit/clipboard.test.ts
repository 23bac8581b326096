import { describe, expect, it } from 'vitest';
import {
  formatHtml,
  formatTsv,
  parseClipboard,
  parseHtmlTable,
  parseTsv,
} from '../../../shared/edit';

/** What Excel 2016 puts on the clipboard for two rows (trimmed of its long <style> block). */
const EXCEL_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style><!--table {mso-displayed-decimal-separator:"\\.";} .xl65 {mso-number-format:"\\#\\,\\#\\#0\\.00";}--></style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=500 style='border-collapse:collapse;width:375pt'>
<!--StartFragment-->
 <tr height=36 style='height:27.0pt'>
  <td height=36 class=xl66 width=200 style='height:27.0pt;width:150pt'>安保和物业管理服务经费</td>
  <td class=xl65 align=right x:num="638">638.00</td>
  <td class=xl66 style='white-space:normal'>保障校园安全；<br style='mso-data-placement:same-cell;' />提升后勤服务&amp;质量</td>
 </tr>
 <tr height=18 style='height:13.5pt'>
  <td height=18 class=xl66>技能竞赛&nbsp;设备购置</td>
  <td class=xl65 align=right x:num>1,234.50</td>
  <td></td>
 </tr>
<!--EndFragment-->
</table></body></html>`;

/** WPS 表格 writes lowercase tags, quotes attributes and merges with rowspan. */
const WPS_HTML = `<meta charset="utf-8"><table><tbody>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>新增设备数量</td><td>89台套</td></tr>
<tr><td>质量指标</td><td>验收合格率</td><td>100%</td></tr>
</tbody></table>`;

describe('clipboard', () => {
  it('reads an Excel HTML table: tags, entities, in-cell line breaks', () => {
    expect(parseHtmlTable(EXCEL_HTML)).toEqual([
      ['安保和物业管理服务经费', '638.00', '保障校园安全；\n提升后勤服务&质量'],
      ['技能竞赛 设备购置', '1,234.50', ''],
    ]);
  });

  it('reads a WPS table with a vertically merged cell (empty below, as Excel pastes it)', () => {
    expect(parseHtmlTable(WPS_HTML)).toEqual([
      ['产出指标', '数量指标', '新增设备数量', '89台套'],
      ['', '质量指标', '验收合格率', '100%'],
    ]);
  });

  it('reads TSV with quoted multi-line fields and doubled quotes', () => {
    const text = '项目A\t638\t"第一段\r\n第二段"\r\n项目"B"\t\t"他说""好"""\r\n';
    expect(parseTsv(text)).toEqual([
      ['项目A', '638', '第一段\n第二段'],
      ['项目"B"', '', '他说"好"'],
    ]);
  });

  it('prefers HTML, falls back to text', () => {
    expect(parseClipboard(WPS_HTML, 'x')).toHaveLength(2);
    expect(parseClipboard('<b>no table</b>', 'a\tb')).toEqual([['a', 'b']]);
    expect(parseClipboard(undefined, '单个值')).toEqual([['单个值']]);
  });

  it('copies as TSV and HTML that read back to the same block', () => {
    const block = [
      ['广州市机电技师学院', '4,791.93', ''],
      ['目标：\n1. 保障<安全>', 'A\t"B"', '≥90%'],
    ];
    expect(parseTsv(formatTsv(block))).toEqual(block);
    expect(parseHtmlTable(formatHtml(block))).toEqual(block);
  });
});
