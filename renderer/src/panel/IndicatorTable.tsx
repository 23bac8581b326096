import { memo, useState, type ClipboardEvent } from 'react';
import {
  indicatorStartField,
  parseClipboard,
  suggestIndicators,
  type IndicatorTextField,
  type Suggestion,
} from '../../../shared/edit';
import { findLevel1, getFramework } from '../../../shared/frameworks';
import { newId, type Indicator, type Project } from '../../../shared/model';
import { commit } from '../editing';
import { addIndicatorTo } from '../structureEdits';
import { zhCN } from '../i18n/zh-CN';
import { notify, useAppStore } from '../store';
import { CommitField } from './CommitField';
import { ValueEditor } from './ValueEditor';
import { nextRowKeys } from './rowKeys';
import './indicatorTable.css';

const text = zhCN.panel;

function isEmptyValue(indicator: Indicator): boolean {
  return indicator.annual.value === '' && indicator.period.value === '';
}

/** A paste of more than one cell goes into the table from this indicator and column. */
function pasteBlock(
  frameworkId: string,
  projectId: string,
  indicatorId: string,
  field: IndicatorTextField,
  event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>,
): boolean {
  const block = parseClipboard(
    event.clipboardData.getData('text/html'),
    event.clipboardData.getData('text/plain'),
  );
  if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) return false;
  const newIds = block.map(() => newId('ind'));
  const from = indicatorStartField(frameworkId, block, field);
  if (commit('pasteIndicators', { projectId, indicatorId, field: from, block, newIds })) {
    notify({ kind: 'info', text: zhCN.edit.pasted });
  }
  return true;
}

/**
 * One indicator's rows. Memoized on plain props: an edit elsewhere in the document leaves an
 * untouched indicator the same object (immer), so its rows do not render again.
 */
const IndicatorRows = memo(function IndicatorRows({
  frameworkId,
  projectId,
  indicatorCount,
  indicator,
  index,
  suggestions,
  onFocusName,
  showNote,
}: {
  frameworkId: string;
  projectId: string;
  /** How many indicators the project has (the last one cannot move down). */
  indicatorCount: number;
  indicator: Indicator;
  index: number;
  suggestions: Suggestion[] | null;
  /** Called with the indicator's id when its name field takes the focus. */
  onFocusName: (indicatorId: string) => void;
  /** The project's indicators carry 指标值说明 (or the clerk asked to write one). */
  showNote: boolean;
}) {
  const framework = getFramework(frameworkId);
  const level1 = findLevel1(framework, indicator.level1);
  const ids = { projectId: projectId, indicatorId: indicator.id };
  const setText = (field: IndicatorTextField, value: string) =>
    commit('setIndicatorText', { ...ids, field, text: value });
  const commitName = (name: string) => {
    const suggestion = suggestions?.find((entry) => entry.name === name.trim());
    if (!suggestion) return setText('name', name);
    // Picking a suggestion fills what is still empty, as one undo step.
    return commit('setIndicator', {
      ...ids,
      changes: {
        name: suggestion.name,
        ...(indicator.level1 === '' || indicator.level2 === ''
          ? { level1: suggestion.level1, level2: suggestion.level2 }
          : {}),
        ...(isEmptyValue(indicator) ? { period: suggestion.value, annual: suggestion.value } : {}),
      },
    });
  };
  // An 一级 whose framework offers a single 二级 fills that 二级 in, as one undo step.
  const chooseLevel1 = (name: string) => {
    const only = findLevel1(framework, name)?.level2;
    if (only?.length === 1 && only[0] && indicator.level2 !== only[0].name) {
      return commit(
        'setIndicator',
        { ...ids, changes: { level1: name, level2: only[0].name } },
        zhCN.edit.changed(text.columns.level1),
      );
    }
    return setText('level1', name);
  };
  const listId = `suggest-${indicator.id}`;
  return (
    <tbody
      className="indicator"
      data-indicator-id={indicator.id}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('application/x-jixiao-indicator'))
          event.preventDefault();
      }}
      onDrop={(event) => {
        const dragged = event.dataTransfer.getData('application/x-jixiao-indicator');
        if (!dragged || dragged === indicator.id) return;
        event.preventDefault();
        commit('moveIndicator', { projectId: projectId, indicatorId: dragged, toIndex: index });
      }}
    >
      <tr>
        <td rowSpan={3} className="indicator-number">
          <span
            className="drag-handle"
            draggable
            title={text.drag}
            onDragStart={(event) =>
              event.dataTransfer.setData('application/x-jixiao-indicator', indicator.id)
            }
          >
            ⠿
          </span>
          {index + 1}
        </td>
        <td colSpan={2}>
          <select
            aria-label={`第 ${index + 1} 条${text.columns.level1}`}
            value={level1?.name ?? indicator.level1}
            onChange={(event) => chooseLevel1(event.target.value)}
          >
            {!level1 ? (
              <option value={indicator.level1}>{indicator.level1 || text.choose}</option>
            ) : null}
            {framework.level1.map((entry) => (
              <option key={entry.code} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </select>
        </td>
        <td colSpan={3}>
          <select
            aria-label={`第 ${index + 1} 条${text.columns.level2}`}
            value={indicator.level2}
            onChange={(event) => setText('level2', event.target.value)}
          >
            {!level1?.level2.some((entry) => entry.name === indicator.level2) ? (
              <option value={indicator.level2}>{indicator.level2 || text.choose}</option>
            ) : null}
            {(level1?.level2 ?? []).map((entry) => (
              <option key={entry.code} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </select>
        </td>
      </tr>
      <tr>
        {/* The name has a line of its own: both drop-downs show their whole text. */}
        <td colSpan={5}>
          <CommitField
            className="indicator-name"
            field="indicator.name"
            label={`第 ${index + 1} 条${text.columns.name}`}
            value={indicator.name}
            owner={indicator.id}
            placeholder={text.namePlaceholder}
            list={suggestions ? listId : undefined}
            onFocus={() => onFocusName(indicator.id)}
            onCommit={commitName}
            onPasteBlock={(event) =>
              pasteBlock(frameworkId, projectId, indicator.id, 'name', event)
            }
          />
          {suggestions ? (
            <datalist id={listId}>
              {suggestions.map((entry) => (
                <option key={entry.name} value={entry.name}>
                  {`${entry.level2} · ${entry.value.sign === '定性' ? entry.value.value : `${entry.value.sign}${entry.value.value}${entry.value.unit}`} · ${entry.fromDocument ? text.fromDocument(entry.source) : entry.source}`}
                </option>
              ))}
            </datalist>
          ) : null}
        </td>
      </tr>
      <tr>
        {/* Values and buttons wrap onto a second line when the panel is narrow. */}
        <td colSpan={5}>
          <div className="indicator-values">
            <span className="indicator-value">
              <span className="value-label">{text.columns.period}</span>
              <ValueEditor
                label={`第 ${index + 1} 条${text.columns.period}`}
                field="indicator.period"
                owner={indicator.id}
                value={indicator.period}
                onChange={(value) =>
                  commit('setIndicatorValue', { ...ids, field: 'period', value })
                }
              />
            </span>
            <span className="indicator-value">
              <span className="value-label">{text.columns.annual}</span>
              <ValueEditor
                label={`第 ${index + 1} 条${text.columns.annual}`}
                field="indicator.annual"
                owner={indicator.id}
                value={indicator.annual}
                onChange={(value) =>
                  commit('setIndicatorValue', { ...ids, field: 'annual', value })
                }
              />
            </span>
            {showNote ? (
              <span className="indicator-value indicator-note">
                <span className="value-label">{text.columns.note}</span>
                <CommitField
                  field="indicator.note"
                  label={`第 ${index + 1} 条${text.columns.note}`}
                  value={indicator.note ?? ''}
                  owner={indicator.id}
                  onCommit={(note) => setText('note', note)}
                />
              </span>
            ) : null}
            <span className="indicator-actions">
              <button
                type="button"
                title={text.copyOne}
                aria-label={`第 ${index + 1} 条${text.copyOne}`}
                onClick={() =>
                  commit('copyAnnualToPeriod', {
                    projectId: projectId,
                    indicatorIds: [indicator.id],
                  })
                }
              >
                {text.copyOneShort}
              </button>
              <button
                type="button"
                title={text.moveUp}
                aria-label={`第 ${index + 1} 条${text.moveUp}`}
                disabled={index === 0}
                onClick={() => commit('moveIndicator', { ...ids, toIndex: index - 1 })}
              >
                {text.moveUpShort}
              </button>
              <button
                type="button"
                title={text.moveDown}
                aria-label={`第 ${index + 1} 条${text.moveDown}`}
                disabled={index === indicatorCount - 1}
                onClick={() => commit('moveIndicator', { ...ids, toIndex: index + 1 })}
              >
                {text.moveDownShort}
              </button>
              <button
                type="button"
                title={text.duplicate}
                aria-label={`第 ${index + 1} 条${text.duplicate}`}
                onClick={() => commit('duplicateIndicator', { ...ids, id: newId('ind') })}
              >
                {text.duplicate}
              </button>
              <button
                type="button"
                title={text.remove}
                aria-label={`第 ${index + 1} 条${text.remove}`}
                onClick={() =>
                  commit('deleteIndicators', {
                    projectId: projectId,
                    indicatorIds: [indicator.id],
                  })
                }
              >
                {text.remove}
              </button>
            </span>
          </div>
        </td>
      </tr>
    </tbody>
  );
});

function useRowKeys(project: Project): readonly number[] {
  const [rowKeys, setRowKeys] = useState(() => nextRowKeys(null, project));
  const next = nextRowKeys(rowKeys, project);
  // Kept in state, updated while rendering when the indicators changed (React's pattern for
  // state that follows a prop): the keys a render uses are those of the last committed one.
  if (next !== rowKeys) setRowKeys(next);
  return next.keys;
}

/** The project's indicators: categories from the document's framework, name, both values. */
export function IndicatorTable({
  frameworkId,
  project,
}: {
  frameworkId: string;
  project: Project;
}) {
  const [focused, setFocused] = useState<string | null>(null);
  const [notesAsked, setNotesAsked] = useState(false);
  const rowKeys = useRowKeys(project);
  const hasNotes = project.indicators.some((indicator) => (indicator.note ?? '').trim() !== '');
  const showNotes = hasNotes || notesAsked;
  const focusedIndicator = project.indicators.find((indicator) => indicator.id === focused);
  // Suggestions read the whole document only for the indicator being named.
  const document = useAppStore.getState().current?.document;
  const suggestions =
    focusedIndicator && document
      ? suggestIndicators(document, {
          projectId: project.id,
          text: '',
          level1: focusedIndicator.level1,
          level2: focusedIndicator.level2,
          limit: 40,
        })
      : null;
  return (
    <section className="panel-section" aria-labelledby="indicators-heading">
      <header className="panel-section-header">
        <h3 id="indicators-heading">
          {text.indicatorsHeading}（{project.indicators.length}）
        </h3>
        <button
          type="button"
          onClick={() => commit('copyAnnualToPeriod', { projectId: project.id })}
        >
          {text.copyAll}
        </button>
        <button type="button" onClick={() => addIndicatorTo(project.id)}>
          {text.addIndicator}
        </button>
        {showNotes ? null : (
          <button type="button" title={text.notesHint} onClick={() => setNotesAsked(true)}>
            {text.showNotes}
          </button>
        )}
      </header>
      <table className="indicator-table">
        <colgroup>
          <col className="col-number" />
          <col span={2} className="col-category" />
          <col span={3} className="col-name" />
        </colgroup>
        {project.indicators.map((indicator, index) => (
          <IndicatorRows
            key={rowKeys[index]}
            frameworkId={frameworkId}
            projectId={project.id}
            indicatorCount={project.indicators.length}
            indicator={indicator}
            index={index}
            suggestions={indicator.id === focused ? suggestions : null}
            onFocusName={setFocused}
            showNote={showNotes}
          />
        ))}
      </table>
    </section>
  );
}
