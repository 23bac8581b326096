import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../shared/edit';
import { splitTabRows } from '../../../shared/import';

describe('clipboard TSV reads through the import layer’s delimited reader', () => {
  it('agrees with the tab reader on Excel’s quoting, multi-line cells and CRLF', () => {
    const text = '项目A\t638\t"第一段\r\n第二段"\r\n\t\t"他说""好"""\r\n';
    expect(parseTsv(text)).toEqual(
      splitTabRows(text.replace(/\r\n/g, '\n')).map((row) => row.cells),
    );
    expect(parseTsv(text)).toEqual([
      ['项目A', '638', '第一段\n第二段'],
      ['', '', '他说"好"'],
    ]);
  });

  it('keeps the quotes of text that only starts with one (pasted from Word or a PDF)', () => {
    expect(parseTsv('"双师型"教师队伍\t23.00\n')).toEqual([['"双师型"教师队伍', '23.00']]);
    expect(parseTsv('"未闭合\t1')).toEqual([['"未闭合', '1']]);
  });
});
