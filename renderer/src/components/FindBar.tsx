import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, type Match } from '../../../shared/edit';
import { COMMANDS } from '../../../shared/model';
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

/**
 * Shows a match: selects its row's cell in the grid and, for fields only the project panel
 * edits (goals, codes, indicators), opens the panel on the project and marks the field there.
 */
function reveal(match: Match): void {
  const current = useAppStore.getState().current;
  if (!current) return;
  const index = rowsOf(current.document).findIndex((row) =>
    match.projectId
      ? row.kind === 'project' && row.projectId === match.projectId
      : row.kind === 'unit' && row.unitId === match.unitId,
  );
  if (index >= 0) select(index, columnOf(match));
  useAppStore.setState(
    isPanelMatch(match) ? { panelOpen: true, panelReveal: match } : { panelReveal: null },
  );
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
  const [position, setPosition] = useState(0);
  const queryRef = useRef<HTMLInputElement>(null);
  const shown = useRef<Match | null>(null);
  const matches = useMemo(
    () => (document ? findAll(document, query, { matchCase }) : []),
    [document, query, matchCase],
  );
  const index = matches.length === 0 ? 0 : Math.min(position, matches.length - 1);

  useEffect(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, [mode]);
  // The grid marks the matched characters while the bar is open.
  useEffect(() => {
    useAppStore.setState({ findQuery: query ? { text: query, matchCase } : null });
  }, [query, matchCase]);

  const go = (delta: number) => {
    if (matches.length === 0) return;
    // The first Enter shows the current match; the next ones move on.
    const step = shown.current === matches[index] ? delta : 0;
    const next = (index + step + matches.length) % matches.length;
    setPosition(next);
    shown.current = matches[next] as Match;
    reveal(shown.current);
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
          setPosition(0);
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
          onChange={(event) => setMatchCase(event.target.checked)}
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
                shown.current = match;
                reveal(match);
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
