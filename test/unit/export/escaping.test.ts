/**
 * Hostile text through every writer: markup characters (`< > & " '`), control characters (which
 * XML forbids: dropped, as the layout's cleanText does), U+202E, emoji (surrogate pairs) and a
 * 10,000-character cell. Each file parses strictly, shows the text as typed, opens in
 * LibreOffice and re-imports exactly through the real importer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { importBytes } from '../../../electron/host/importFile';
import {
  detailLayout,
  disclosureLayout,
  disclosureText,
  exportDocx,
  exportXlsx,
  formLayout,
  layoutToHtml,
} from '../../../shared/export';
import { cleanText } from '../../../shared/export/cells';
import type { JixiaoDocument, Project } from '../../../shared/model';
import {
  cellText,
  elements,
  hasSoffice,
  indicator,
  pdfPages,
  sampleDocument,
  unzipText,
} from './helpers';
import { W } from './helpers';

const NAME = `<script>alert("x")</script> & 'AT&T' \u0001\u202E项目😀名称`;
const GOAL = `目标 < 与 > 与 & 与 "双引号" 与 '单引号'\u0007。\n第二段\u202E反向😀👨‍👩‍👧。`;
const LEVEL3 = `指标 < > & " ' \u001f😀`;
/** 10,000 characters in sentences of 20. */
const LONG = Array.from(
  { length: 500 },
  (_, index) => `第${String(index).padStart(3, '0')}句绩效目标测试文字内容。`,
)
  .join('')
  .slice(0, 10_000);

function hostileDocument(): JixiaoDocument {
  const document = sampleDocument();
  const [first, second] = document.units[0]?.projects ?? [];
  (first as Project).name = NAME;
  (first as Project).goals = { annual: GOAL };
  (first as Project).indicators[0] = indicator('数量', LEVEL3, '89台套');
  (second as Project).goals = { annual: LONG, period: LONG };
  return document;
}

/** The text as the exports carry it: control characters dropped. */
const expected = (text: string) => cleanText(text);

/** Parses XML, throwing on any error (an unescaped `<` or `&` is one). */
function strictXml(text: string | undefined) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text ?? '', 'text/xml');
}

const document = hostileDocument();
const writers = {
  'disclosure-word.docx': () => exportDocx(disclosureLayout(document)),
  'disclosure-excel.xlsx': () => exportXlsx(disclosureLayout(document)),
  'forms-word.docx': () => exportDocx(formLayout(document, { variant: 'midterm' })),
  'forms-excel.xlsx': () => exportXlsx(formLayout(document, { variant: 'midterm' })),
  'detail-excel.xlsx': () => exportXlsx(detailLayout(document)),
} as const;

describe('hostile text in every writer', () => {
  it('.docx: document.xml parses strictly and every cell reads back as typed', async () => {
    for (const name of ['disclosure-word.docx', 'forms-word.docx'] as const) {
      const files = unzipText(await writers[name]());
      for (const [path, text] of Object.entries(files)) {
        if (path.endsWith('.xml') || path.endsWith('.rels')) strictXml(text);
      }
      const body = strictXml(files['word/document.xml']).documentElement;
      if (!body) throw new Error('no body');
      const cells = elements(body, 'tc').map(cellText);
      expect(cells).toContain(expected(NAME));
      expect(cells).toContain(expected(GOAL));
      expect(cells).toContain(LONG);
      expect(body.getElementsByTagNameNS(W, 'script')).toHaveLength(0);
    }
  });

  it('.xlsx: sheets parse strictly and every cell reads back as typed', async () => {
    for (const name of [
      'disclosure-excel.xlsx',
      'forms-excel.xlsx',
      'detail-excel.xlsx',
    ] as const) {
      const bytes = await writers[name]();
      for (const [path, text] of Object.entries(unzipText(bytes))) {
        if (path.endsWith('.xml')) strictXml(text);
      }
      const workbook = XLSX.read(bytes, { type: 'array' });
      const values = Object.values(workbook.Sheets).flatMap((sheet) =>
        Object.entries(sheet)
          .filter(([key]) => !key.startsWith('!'))
          .map(([, cell]) => String((cell as XLSX.CellObject).v)),
      );
      expect(values).toContain(expected(NAME));
      expect(values.some((value) => value.includes(expected(LEVEL3)))).toBe(true);
      // A disclosure row above 409 pt is cut after sentences; its pieces give the text back.
      const pieces = values.filter((value) => value.includes('句绩效目标测试文字内容'));
      if (name === 'disclosure-excel.xlsx') expect(pieces.join('')).toBe(LONG);
      if (name === 'forms-excel.xlsx') expect(pieces).toEqual([LONG, LONG]);
    }
  });

  it('print HTML: markup is escaped, the text is all there', () => {
    const html = layoutToHtml(disclosureLayout(document));
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;AT&#38;T&#39;',
    );
    expect(html).toContain('\u202E项目😀名称');
    expect(html).not.toContain('\u0001');
  });

  it('every layout re-imports the hostile project exactly through the importer', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['table.txt', new TextEncoder().encode(disclosureText(document))],
      ['table.docx', await writers['disclosure-word.docx']()],
      ['table.xlsx', await writers['disclosure-excel.xlsx']()],
      ['forms-word.docx', await writers['forms-word.docx']()],
      ['forms-excel.xlsx', await writers['forms-excel.xlsx']()],
    ];
    for (const [name, bytes] of files) {
      const again = await importBytes(bytes, name);
      const projects = again.document.units.flatMap((unit) => unit.projects);
      const hostile = projects.find((project) => project.name === expected(NAME));
      expect(hostile, name).toBeDefined();
      expect(hostile?.goals.annual, name).toBe(expected(GOAL));
      expect(hostile?.indicators[0]?.name, name).toBe(expected(LEVEL3));
      expect(
        projects.find((project) => project.goals.annual === LONG),
        name,
      ).toBeDefined();
    }
  });
});

describe.skipIf(!hasSoffice)('hostile files open in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts every file to PDF showing the name and the long text', async () => {
    const names = Object.keys(writers) as Array<keyof typeof writers>;
    for (const name of names) writeFileSync(join(dir, name), await writers[name]());
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'pdf'),
        ...names.map((name) => join(dir, name)),
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const name of names) {
      const text = pdfPages(join(dir, 'pdf', name.replace(/\.\w+$/, '.pdf')))
        .join('')
        .replace(/\s+/g, '');
      expect(text, name).toContain('<script>alert("x")</script>');
      expect(text, name).toContain("'AT&T'");
      if (name !== 'detail-excel.xlsx')
        expect(text, name).toContain('第499句绩效目标测试文字内容。');
    }
  }, 300_000);
});
