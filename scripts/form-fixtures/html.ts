// HTML building blocks for the per-project form fixtures: bordered tables with row and column
// spans, paragraphs between them, and page breaks, as LibreOffice reads them.

/**
 * A cell: text (line breaks as `\n`), rowspan, colspan, and whether Calc must keep it as text
 * (`=100%` is printed text in the source; Calc would read it as the number 1 shown as 100%).
 */
export type FormCell = [text: string, rowSpan?: number, colSpan?: number, asText?: boolean];

/** A paragraph of the document (title, 填报单位 line) or a table. */
export type Part = { paragraph: string; pageBreak?: boolean } | { table: FormCell[][] };

export interface FormFixture {
  /** File name without extension, under test/fixtures/forms/. */
  name: string;
  parts: Part[];
  /** What LibreOffice writes: Word, Excel and/or a PDF printed from Writer. */
  targets: Array<'docx' | 'xlsx' | 'pdf'>;
}

export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '<br>');
}

function table(rows: FormCell[][]): string {
  const body = rows.map(
    (cells) =>
      `<tr>${cells
        .map(([text, rowSpan = 1, colSpan = 1, asText = false]) => {
          const span = `${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${asText ? ' sdnum="2052;0;@"' : ''}`;
          return `<td${span}>${escape(text)}</td>`;
        })
        .join('')}</tr>`,
  );
  return `<table border="1" cellspacing="0" cellpadding="4">${body.join('\n')}</table>`;
}

/** The fixture as one HTML page (A4 portrait when printed). */
export function fixtureHtml(fixture: FormFixture): string {
  const body = fixture.parts.map((part) => {
    if ('table' in part) return table(part.table);
    const style = part.pageBreak ? ' style="page-break-before: always"' : '';
    return `<p${style}>${escape(part.paragraph)}</p>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${fixture.name}</title><style>@page { size: 21cm 29.7cm; margin: 2cm } td { font-size: 10pt }</style></head><body>\n${body.join('\n')}\n</body></html>\n`;
}
