import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, type Match } from '../../../shared/edit';
import { COMMANDS, type JixiaoDocument } from '../../../shared/model';
import { commit } from '../editing';
import { rowsOf, select } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { focusPanelMatch, isPanelMatch } from '../panel/panelReveal';
import { focusGrid, regionKeyDown } from '../focus';
import { notify, useAppStore } from '../store';
import './findBar.css';

const text = zhCN.find;

function columnOf(match: Match): number {
  if (match.field === 'goals.annual') return 5;
  if (match.field.startsWith('indicator.')) return 6;
  return 0;
}

/** The grid row a match is on (its project's, or its unit's); -1 when there is none. */
function rowOf(document: JixiaoDocument, match: Match): number {
  return rowsOf(document).findIndex((row) =>
    match.projectId
      ? row.kind === 'project' && row.projectId === match.projectId
      : row.kind === 'unit' && row.unitId === match.unitId,
  );
}

/**
 * Shows a match: selects its row's cell in the grid and, for fields only the project panel
 * edits (goals, codes, indicators), opens the panel on the project and marks the field there.
 */
function reveal(match: Match): boolean {
  const current = useAppStore.getState().current;
  if (!current) return false;
  const index = rowOf(current.document, match);
  // A cell being typed in whose text was refused keeps the cursor: the match is not shown.
  if (index >= 0 && !select(index, columnOf(match))) return false;
  useAppStore.setState(
    isPanelMatch(match) ? { panelOpen: true, panelReveal: match } : { panelReveal: null },
  );
  return true;
}

/** Each match's grid row, in the matches' order. */
function matchRows(document: JixiaoDocument, matches: readonly Match[]): number[] {
  const order = new Map<string, number>();
  rowsOf(document).forEach((gridRow, index) =>
    order.set(gridRow.kind === 'unit' ? gridRow.unitId : gridRow.projectId, index),
  );
  return matches.map((match) => order.get(match.projectId ?? match.unitId) ?? 0);
}

/**
 * The first match at or below the active row, wrapping to the top: as in Word and Excel, a
 * search starts where the clerk is, not at the top of the document.
 */
function firstFrom(document: JixiaoDocument, matches: readonly Match[], row: number): number {
  if (row <= 0 || matches.length === 0) return 0;
  const at = matchRows(document, matches).findIndex((matchRow) => matchRow >= row);
  return at < 0 ? 0 : at;
}

/** The last match above the active row, wrapping to the bottom: 上一处 from where the clerk is. */
function lastBefore(document: JixiaoDocument, matches: readonly Match[], row: number): number {
  const rows = matchRows(document, matches);
  for (let at = rows.length - 1; at >= 0; at -= 1) {
    if ((rows[at] as number) < row) return at;
  }
  return matches.length - 1;
}

/** Closes the find bar; the focus goes to the match shown in the panel, else back to the grid. */
function close(): void {
  useAppStore.setState({ find: null, findQuery: null });
  if (!focusPanelMatch()) {
    focusGrid();
  }
}

/** 查找 (Ctrl+F) and 替换 (Ctrl+H) over the whole document, not only the rows on screen. */
export function FindBar({ mode }: { mode: 'find' | 'replace' }) {
  const document = useAppStore((state) => state.current?.document);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  /** The match shown; null until the clerk moves: the first one from the active row on. */
  const [position, setPosition] = useState<number | null>(null);
  /** The active row when the query last changed: where the search starts. */
  const [from, setFrom] = useState(() => useAppStore.getState().selection.row);
  const queryRef = useRef<HTMLInputElement>(null);
  const shown = useRef<Match | null>(null);
  const matches = useMemo(
    () => (document ? findAll(document, query, { matchCase }) : []),
    [document, query, matchCase],
  );
  const start = useMemo(
    () => (document ? firstFrom(document, matches, from) : 0),
    [document, matches, from],
  );
  const index = matches.length === 0 ? 0 : Math.min(position ?? start, matches.length - 1);
  const restart = () => {
    setPosition(null);
    setFrom(useAppStore.getState().selection.row);
  };

  useEffect(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, [mode]);
  // The grid marks the matched characters while the bar is open.
  useEffect(() => {
    useAppStore.setState({ findQuery: query ? { text: query, matchCase } : null });
  }, [query, matchCase]);

  const go = (delta: number) => {
    if (!document || matches.length === 0) return;
    const seen = shown.current === matches[index] ? shown.current : null;
    const row = useAppStore.getState().selection.row;
    let next: number;
    if (seen && rowOf(document, seen) !== row) {
      // The clerk moved since the match was shown (a click, the arrows): as in Word and Excel,
      // the search goes on from where the cursor is now, not from the match left behind.
      next = delta < 0 ? lastBefore(document, matches, row) : firstFrom(document, matches, row);
    } else {
      // The first Enter shows the current match; the next ones move on.
      next = (index + (seen ? delta : 0) + matches.length) % matches.length;
    }
    if (!reveal(matches[next] as Match)) return;
    setPosition(next);
    shown.current = matches[next] as Match;
  };
  const options = { matchCase };

  return (
    <div
      className="find-bar"
      data-focus-region="find"
      onKeyDown={regionKeyDown(close)}
      role="search"
      aria-label={mode === 'find' ? text.find : COMMANDS.replace.label}
    >
      <input
        ref={queryRef}
        aria-label={text.find}
        placeholder={text.find}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          restart();
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing || event.keyCode === 229) return;
          if (event.key === 'Enter') {
            event.preventDefault();
            go(event.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query ? text.count(index + 1, matches.length) : ''}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={matches.length === 0}>
        {text.previous}
      </button>
      <button type="button" onClick={() => go(1)} disabled={matches.length === 0}>
        {text.next}
      </button>
      <label className="find-option">
        <input
          type="checkbox"
          checked={matchCase}
          onChange={(event) => {
            setMatchCase(event.target.checked);
            restart();
          }}
        />
        {text.matchCase}
      </label>
      {mode === 'replace' ? (
        <>
          <input
            aria-label={text.replaceWith}
            placeholder={text.replaceWith}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
          />
          <button
            type="button"
            disabled={matches.length === 0}
            onClick={() => {
              const match = matches[index];
              if (!match) return;
              // As in Word: a match not shown yet is shown first, so 替换 never changes text
              // the clerk has not seen; the next click replaces it.
              if (shown.current !== match) {
                if (reveal(match)) shown.current = match;
                return;
              }
              if (commit('replaceText', { query, replacement, options, match })) reveal(match);
            }}
          >
            {text.replace}
          </button>
          <button
            type="button"
            disabled={matches.length === 0}
            onClick={() => {
              const count = matches.length;
              if (commit('replaceText', { query, replacement, options })) {
                notify({ kind: 'info', text: text.replaced(count) });
              }
            }}
          >
            {text.replaceAll}
          </button>
        </>
      ) : null}
      <button type="button" className="link" aria-label={text.close} onClick={close}>
        {text.close}
      </button>
    </div>
  );
}
