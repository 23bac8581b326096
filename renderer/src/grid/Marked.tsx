import { memo, type ReactNode } from 'react';
import './marked.css';

const YEAR = /(?<!\d)(?:19[89]\d|20\d\d|21\d\d)(?!\d)/gu;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What to mark in the grid's text: the find bar's query, and year numbers to review. */
export interface Marks {
  query?: string;
  matchCase?: boolean;
  years?: boolean;
}

/**
 * Text with the find query's matches (`mark.find-mark`) and, after 新建下一年度, year numbers
 * (`mark.year-mark`) marked in place: only the matched characters, never the whole cell.
 */
export const Marked = memo(function Marked({ text, marks }: { text: string; marks?: Marks }) {
  const patterns: string[] = [];
  if (marks?.query) patterns.push(`(${escape(marks.query)})`);
  if (marks?.years) patterns.push(`(${YEAR.source})`);
  if (patterns.length === 0 || text === '') return <>{text}</>;
  const pattern = new RegExp(patterns.join('|'), marks?.matchCase ? 'gu' : 'giu');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    if (match[0] === '') continue;
    if (at > last) parts.push(text.slice(last, at));
    const isFind = marks?.query !== undefined && marks.query !== '' && match[1] !== undefined;
    parts.push(
      <mark key={at} className={isFind ? 'find-mark' : 'year-mark'}>
        {match[0]}
      </mark>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
});
