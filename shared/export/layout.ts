/**
 * The one layout model every export is drawn from (ARCHITECTURE "Export"): Document → Layout →
 * .docx, .xlsx and the HTML print view. A layout says everything a writer needs — page, fonts,
 * absolute column widths, which rows repeat, spans and alignment — so writers never decide
 * anything about content and Word, Excel and print cannot disagree.
 */
import type { Cents } from '../model';

export type Orientation = 'landscape' | 'portrait';
export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle';

/** What a cell holds: an amount, free text typed by the clerk, or a fixed label of the form. */
export type CellKind = 'money' | 'text' | 'label';

/** The fonts a layout uses, by role. */
export type FontRole = 'title' | 'subtitle' | 'unit' | 'table' | 'pageNumber';

export interface FontSpec {
  /** Family name as Word, Excel and CSS reference it (`仿宋_GB2312`). */
  name: string;
  /** Families to use when `name` is not installed, best first (`仿宋`). */
  fallbacks: string[];
  sizePt: number;
  bold: boolean;
}

/** Page margins and header/footer distances from the paper edge, in millimetres. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
  header: number;
  footer: number;
}

export interface PageSetup {
  paper: 'A4';
  orientation: Orientation;
  /** Paper size as oriented (landscape A4 is 297 × 210). */
  widthMm: number;
  heightMm: number;
  margins: Margins;
}

/** One piece of a title-block line. */
export interface TitleText {
  text: string;
  font: FontRole;
}

/**
 * A line above the table: a centred title, or a left/right pair such as
 * `部门名称：…` on the left and `单位：万元` on the right.
 */
export interface TitleLine {
  center?: TitleText;
  left?: TitleText;
  right?: TitleText;
}

export interface LayoutColumn {
  /** Stable name for tests and CSS (`name`, `total`, `goal` …). */
  key: string;
  /** Absolute width; the columns of a section sum to its text width. */
  widthMm: number;
}

export interface LayoutCell {
  /** Display text; '\n' separates paragraphs. Money cells hold the formatted amount. */
  text: string;
  colSpan: number;
  rowSpan: number;
  align: HorizontalAlign;
  verticalAlign: VerticalAlign;
  kind: CellKind;
  bold: boolean;
  /** The exact amount of a money cell (hundredths of the document's unit). */
  amount?: Cents;
  /**
   * Where a writer that must cut the text (a spreadsheet row above Excel's 409 pt) may cut it:
   * offsets into `text`, ascending (the start of each indicator sentence of a run). Without it a
   * cut falls between paragraphs, else after a sentence.
   */
  breaks?: readonly number[];
}

/** What a row is, for the print view's classes and for tests. */
export type RowRole =
  | 'header'
  | 'total'
  | 'unit'
  | 'project'
  | 'field'
  | 'money'
  | 'goal'
  | 'indicator-header'
  | 'indicator'
  | 'empty';

/**
 * A table row. As in HTML, a row lists only the cells that start in it: a position covered by a
 * cell with rowSpan from a row above is skipped.
 */
export interface LayoutRow {
  role: RowRole;
  cells: LayoutCell[];
  /**
   * The row is short enough (under half a page) to move whole to the next page rather than break:
   * Word's cantSplit, CSS `break-inside: avoid`. Taller rows break across pages.
   */
  keepTogether: boolean;
  /** Print on the same page as the next row (a unit's subtotal row with its first project). */
  keepWithNext?: boolean;
}

/** One table on its own page(s): the disclosure table, or one project's form. */
export interface LayoutSection {
  /** `disclosure`, or the project's id. */
  id: string;
  /** Human name: used for the spreadsheet sheet name. */
  name: string;
  page: PageSetup;
  titleBlock: TitleLine[];
  /** The title block repeats on every printed page together with `headerRows`. */
  repeatTitleBlock: boolean;
  columns: LayoutColumn[];
  /** Rows repeated at the top of every page. */
  headerRows: LayoutRow[];
  /** Rows that may split across pages when taller than a page. */
  bodyRows: LayoutRow[];
  /**
   * Body rows from this index on form a block (a form's indicators) whose first row (its column
   * header) repeats at the top of every page the block continues on.
   */
  repeatBlockFrom?: number;
  /**
   * Printed at the top of every page of the section but its first (the page header), so a
   * continuation page says what it continues: `项目名称：…（续）`. A section that has it numbers
   * its pages from 1.
   */
  continuedLabel?: string;
  /** Data table: a spreadsheet gets filters on the (last) header row. */
  filter?: boolean;
}

export interface PageNumbering {
  /** `{page}` is replaced by the page number: `— {page} —`. */
  format: string;
  /** `outside`: odd pages right, even pages left, one character in (GB/T 9704). */
  align: HorizontalAlign | 'outside';
}

export interface Layout {
  kind: 'disclosure' | 'form' | 'detail' | 'changes';
  /** Document title, for file properties. */
  title: string;
  fonts: Record<FontRole, FontSpec>;
  pageNumbers: PageNumbering;
  /** Each section starts on a new page (a new sheet in a workbook). */
  sections: LayoutSection[];
}

/** Font names a caller may override; sizes and fallbacks stay the layout's. */
export interface LayoutFontOptions {
  /** Title font, default 方正小标宋简体. */
  title?: string;
  /** Table font, default 仿宋_GB2312. */
  table?: string;
  /** 单位 line font, default 楷体_GB2312. */
  unit?: string;
}

export interface LayoutOptions {
  fonts?: LayoutFontOptions;
}

export interface FormLayoutOptions extends LayoutOptions {
  /** `annual`: 年度 money and goal only; `midterm`: 中期 and 年度 halves side by side. */
  variant: 'annual' | 'midterm';
}
