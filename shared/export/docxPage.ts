/**
 * The page furniture of the Word writer: page-number footers (GB/T 9704: 4号 `— 1 —`, odd pages
 * right and even pages left, one character in), the continuation header of a form (`项目名称：…
 * （续）` on every page but the first), and the package clean-up `docx` leaves to its caller.
 */
import {
  AlignmentType,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type ISectionOptions,
} from 'docx';
import type { FontSpec, HorizontalAlign, Layout, LayoutSection } from './layout';

const ALIGNMENT: Record<HorizontalAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** The font named for every script, East Asian first. */
export function fontAttributes(font: FontSpec): IFontAttributesProperties {
  return {
    ascii: font.name,
    hAnsi: font.name,
    eastAsia: font.name,
    cs: font.name,
    hint: 'eastAsia',
  };
}

function pageNumberFooter(layout: Layout, align: HorizontalAlign): Footer {
  const font = layout.fonts.pageNumber;
  const [before = '', after = ''] = layout.pageNumbers.format.split('{page}');
  // One character in from the edge it sits on (空一字).
  const inset = Math.round(font.sizePt * 20);
  return new Footer({
    children: [
      new Paragraph({
        alignment: ALIGNMENT[align],
        indent: align === 'right' ? { right: inset } : align === 'left' ? { left: inset } : {},
        children: [
          new TextRun({
            children: [before, PageNumber.CURRENT, after],
            font: fontAttributes(font),
            size: Math.round(font.sizePt * 2),
          }),
        ],
      }),
    ],
  });
}

/** Whether a layout needs Word's separate even-page headers and footers. */
export function usesEvenPages(layout: Layout): boolean {
  return layout.pageNumbers.align === 'outside';
}

/**
 * A section's headers, footers and the properties they need: `outside` page numbers get an even
 * footer; a section with a continuation label gets a first page of its own (no header) and
 * numbers its pages from 1, so its first page is odd and takes the odd footer.
 */
export function sectionFurniture(
  layout: Layout,
  section: LayoutSection,
): Pick<ISectionOptions, 'headers' | 'footers'> & {
  titlePage: boolean;
  pageNumbers?: { start: number };
} {
  const { align } = layout.pageNumbers;
  const oddAlign = align === 'outside' ? 'right' : align;
  const footers = {
    default: pageNumberFooter(layout, oddAlign),
    ...(align === 'outside' ? { even: pageNumberFooter(layout, 'left') } : {}),
  };
  if (!section.continuedLabel) return { footers, titlePage: false };
  const font = layout.fonts.table;
  const label = () =>
    new Header({
      children: [
        new Paragraph({
          children: [
            new TextRun({
              text: section.continuedLabel,
              font: fontAttributes(font),
              size: Math.round(font.sizePt * 2),
            }),
          ],
        }),
      ],
    });
  return {
    headers: {
      first: new Header({ children: [new Paragraph({})] }),
      default: label(),
      ...(align === 'outside' ? { even: label() } : {}),
    },
    footers: { ...footers, first: pageNumberFooter(layout, oddAlign) },
    titlePage: true,
    pageNumbers: { start: 1 },
  };
}

/**
 * The package without the theme `docx` adds: its Calibri / 等线 / 游ゴシック theme fonts make WPS
 * report missing fonts, and every run here names its font explicitly.
 */
export function withoutTheme(
  files: Record<string, Uint8Array>,
  text: (bytes: Uint8Array) => string,
  bytes: (text: string) => Uint8Array,
): void {
  for (const path of Object.keys(files)) {
    if (path.startsWith('word/theme/')) delete files[path];
  }
  const drop = (path: string, pattern: RegExp) => {
    const file = files[path];
    if (file) files[path] = bytes(text(file).replace(pattern, ''));
  };
  drop('word/_rels/document.xml.rels', /<Relationship [^>]*Target="theme\/[^"]*"\/>/g);
  drop('[Content_Types].xml', /<Override [^>]*PartName="\/word\/theme\/[^"]*"\/>/g);
}

/**
 * A section-break paragraph (`docx` writes one after each section's table but the last) made
 * 1 pt high: after a table that fills its page, a paragraph of normal height would take a
 * blank page of its own.
 */
export function tinySectionBreaks(xml: string): string {
  return xml.replace(
    /<\/w:tbl><w:p><w:pPr><w:sectPr/g,
    '</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:sectPr',
  );
}
