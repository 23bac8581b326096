/**
 * Text-level clean-up for the text importers. Cell text from published tables: HTML left over from the budget system's rich-text
 * fields (`<p>…</p>`) and character entities. Only the tags a rich-text field produces are
 * removed, so a value such as `<5小时` is never mistaken for markup.
 */
import { decodeEntities } from '../text/markup';

const TAG_NAMES =
  'p|div|span|br|b|i|u|s|strong|em|font|li|ul|ol|table|tbody|thead|tr|td|th|h[1-6]|sub|sup|o:p';
const BLOCK_TAG = new RegExp(String.raw`<\s*/?\s*(?:p|div|br|li|tr|h[1-6])\b[^<>]*>`, 'gi');
const ANY_TAG = new RegExp(String.raw`<\s*/?\s*(?:${TAG_NAMES})\b[^<>]*>`, 'gi');

export interface CleanedText {
  text: string;
  /** True when tags were removed (paragraphs became line breaks). */
  html: boolean;
  /** True when character entities were decoded. */
  entities: boolean;
}

/**
 * Strips rich-text markup from a cell: paragraphs and line breaks become `\n`, other tags go,
 * entities are decoded in one pass (so `&amp;lt;` stays `&lt;`), and the blank space the markup
 * leaves around paragraphs is removed. Text without markup is only trimmed.
 */
export function cleanCellText(input: string): CleanedText {
  // Every tag starts with `<`: most cells have none, and looking for one character is cheap.
  const html = input.includes('<') && input.search(ANY_TAG) >= 0;
  let text = input;
  if (html) text = text.replace(BLOCK_TAG, '\n').replace(ANY_TAG, '');
  const decoded = decodeEntities(text);
  const entities = decoded !== text;
  text = decoded;
  if (html) {
    text = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
  }
  return { text: text.trim(), html, entities };
}
