import { describe, expect, it } from 'vitest';
import {
  applyAction,
  EMPTY_HISTORY,
  findAll,
  record,
  redo,
  suggestIndicators,
  suggestValues,
  undo,
} from '../../../shared/edit';
import { renderValue } from '../../../shared/model';
import { sampleDocument } from './helpers';

const SAMPLE = sampleDocument();

describe('find and replace over the whole document', () => {
  it('finds in names, goals and indicator values of every project', () => {
    const matches = findAll(SAMPLE, '满意度');
    expect(new Set(matches.map((match) => match.field))).toEqual(
      new Set(['indicator.name', 'goals.annual']),
    );
    expect(matches.length).toBeGreaterThan(10);
    expect(findAll(SAMPLE, '4791')).toEqual([]);
  });

  it('replacing one match changes only that place; replacing all is one step', () => {
    const matches = findAll(SAMPLE, '≥90%');
    expect(matches.length).toBeGreaterThan(1);
    const one = applyAction(SAMPLE, 'replaceText', {
      query: '≥90%',
      replacement: '≥95%',
      match: matches[0],
    });
    expect(findAll(one.document, '≥90%')).toHaveLength(matches.length - 1);
    const all = applyAction(SAMPLE, 'replaceText', { query: '≥90%', replacement: '≥95%' });
    expect(findAll(all.document, '≥90%')).toHaveLength(0);
    const first = matches[0]!;
    const indicator = all.document.units[0]!.projects.find(
      (project) => project.id === first.projectId,
    )!.indicators.find((item) => item.id === first.indicatorId)!;
    // A replaced value is re-read into its structure, not left as free text.
    expect(indicator.annual).toEqual({ sign: '≥', value: '95', unit: '%' });
  });
});

describe('undo history', () => {
  it('undoes and redoes gestures in order; a new gesture clears redo', () => {
    let document = SAMPLE;
    let history = EMPTY_HISTORY;
    for (const text of ['100', '200']) {
      const result = applyAction(document, 'setCells', {
        cells: [{ row: { kind: 'project', projectId: 'p1' }, column: 'fiscal', text }],
      });
      document = result.document;
      history = record(history, result);
    }
    const back = undo(history, document)!;
    expect(back.document.units[0]!.projects[0]!.money.fiscal).toBe(10000);
    const back2 = undo(back.history, back.document)!;
    expect(back2.document).toEqual(SAMPLE);
    expect(undo(back2.history, back2.document)).toBeNull();
    const forward = redo(back2.history, back2.document)!;
    expect(forward.document.units[0]!.projects[0]!.money.fiscal).toBe(10000);
    const other = applyAction(forward.document, 'setProjectText', {
      projectId: 'p2',
      field: 'name',
      text: 'x',
    });
    expect(record(forward.history, other).redo).toEqual([]);
  });

  it('does not record a gesture that changed nothing', () => {
    const result = applyAction(SAMPLE, 'setCells', {
      cells: [{ row: { kind: 'project', projectId: 'p1' }, column: 'fiscal', text: '638.00' }],
    });
    expect(record(EMPTY_HISTORY, result)).toBe(EMPTY_HISTORY);
  });
});

describe('indicator suggestions', () => {
  it('offers library indicators for the project kind and the typed text', () => {
    const names = suggestIndicators(SAMPLE, {
      projectId: 'p11',
      text: '满意',
      level1: '满意度指标',
    }).map((s) => s.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => name.includes('满意'))).toBe(true);
    expect(names).toContain('师生对信息化服务满意度');
  });

  it('offers indicators of the other projects in the document, with their values', () => {
    const found = suggestIndicators(SAMPLE, { projectId: 'p14', text: '新增设备' });
    const fromDocument = found.find((suggestion) => suggestion.fromDocument);
    expect(fromDocument?.source).toContain('市机电技师学院');
    expect(suggestValues(SAMPLE, '新增设备数量').length).toBeGreaterThan(0);
    const library = suggestIndicators(SAMPLE, { projectId: 'p5', text: '资助' });
    expect(library.map((s) => `${s.name}${renderValue(s.value)}`)).toContain(
      '资助资金发放及时率100%',
    );
  });
});
