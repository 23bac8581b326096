import { describe, expect, it } from 'vitest';
import {
  applyAction,
  DOCUMENT_ACTIONS,
  EditError,
  pasteGridNotes,
  replay,
  type DocumentActionArgs,
  type DocumentActionId,
} from '../../../shared/edit';
import {
  documentAmounts,
  documentSchema,
  formatMoney,
  renderValue,
  type JixiaoDocument,
} from '../../../shared/model';
import { sampleDocument } from './helpers';

const SAMPLE = sampleDocument();
const project = (document: JixiaoDocument, id: string) =>
  document.units.flatMap((unit) => unit.projects).find((item) => item.id === id);

/** One case per action (the type makes a missing action a compile error) with what a user would see. */
const CASES: {
  [K in DocumentActionId]: {
    args: DocumentActionArgs[K];
    check(after: JixiaoDocument): void;
    /** A different starting document, when the sample cannot show the action. */
    prepare?: (sample: JixiaoDocument) => JixiaoDocument;
  };
} = {
  setDocumentProperties: {
    args: { title: '2026年项目支出绩效目标表', fiscalYear: 2026, moneyUnit: '元' },
    check(after) {
      expect(after.moneyUnit).toBe('元');
      expect(formatMoney(documentAmounts(after).total)).toBe('47,919,300.00');
    },
  },
  setCells: {
    args: {
      cells: [
        { row: { kind: 'project', projectId: 'p2' }, column: 'fiscal', text: '170.50' },
        { row: { kind: 'unit', unitId: 'u1' }, column: 'name', text: '广州市机电技师学院（本部）' },
      ],
    },
    check(after) {
      expect(formatMoney(documentAmounts(after).total)).toBe('4,802.43');
      expect(after.units[0]?.name).toBe('广州市机电技师学院（本部）');
    },
  },
  setProjectText: {
    args: { projectId: 'p1', field: 'goals.annual', text: '保障校园安全稳定。' },
    check: (after) => expect(project(after, 'p1')?.goals.annual).toBe('保障校园安全稳定。'),
  },
  setIndicatorText: {
    args: { projectId: 'p1', indicatorId: 'i1', field: 'annual', text: '≥95%' },
    check(after) {
      const value = project(after, 'p1')?.indicators[0]?.annual;
      expect(value).toEqual({ sign: '≥', value: '95', unit: '%' });
    },
  },
  setIndicatorValue: {
    args: {
      projectId: 'p3',
      indicatorId: 'i10',
      field: 'period',
      value: { sign: '≥', value: '90', unit: '台套' },
    },
    check: (after) =>
      expect(renderValue(project(after, 'p3')!.indicators[0]!.period)).toBe('≥90台套'),
  },
  setIndicator: {
    args: {
      projectId: 'p11',
      indicatorId: 'i62',
      changes: {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '师生对信息化服务满意度',
        annual: { sign: '≥', value: '90', unit: '%' },
      },
    },
    check: (after) =>
      expect(project(after, 'p11')?.indicators[0]).toMatchObject({
        name: '师生对信息化服务满意度',
        level2: '服务对象满意度指标',
      }),
  },
  copyAnnualToPeriod: {
    args: { projectId: 'p1' },
    check(after) {
      for (const indicator of project(after, 'p1')!.indicators)
        expect(indicator.period).toEqual(indicator.annual);
    },
  },
  addUnit: {
    args: { id: 'u-new', name: '广州市轻工技师学院', index: 1 },
    check: (after) =>
      expect(after.units.map((unit) => unit.name)).toEqual([
        '广州市机电技师学院',
        '广州市轻工技师学院',
      ]),
  },
  deleteUnit: { args: { unitId: 'u1' }, check: (after) => expect(after.units).toHaveLength(0) },
  duplicateUnit: {
    args: { unitId: 'u1', id: 'u-copy' },
    check(after) {
      expect(after.units[1]?.projects).toHaveLength(14);
      expect(formatMoney(documentAmounts(after).total)).toBe('9,583.86');
      const ids = after.units.flatMap((unit) =>
        unit.projects.flatMap((item) => [item.id, ...item.indicators.map((i) => i.id)]),
      );
      expect(new Set(ids).size).toBe(ids.length);
    },
  },
  moveUnit: {
    prepare: (sample) =>
      applyAction(sample, 'addUnit', { id: 'u2', name: '广州市轻工技师学院' }).document,
    args: { unitId: 'u2', toIndex: 0 },
    check: (after) => expect(after.units.map((unit) => unit.id)).toEqual(['u2', 'u1']),
  },
  addProject: {
    args: { unitId: 'u1', id: 'p-new', index: 0, name: '新项目' },
    check: (after) => expect(after.units[0]?.projects[0]?.name).toBe('新项目'),
  },
  deleteProjects: {
    args: { projectIds: ['p1', 'p2'] },
    check(after) {
      expect(after.units[0]?.projects).toHaveLength(12);
      expect(formatMoney(documentAmounts(after).total)).toBe('3,993.93');
    },
  },
  duplicateProject: {
    args: { projectId: 'p11', id: 'p-copy' },
    check(after) {
      expect(after.units[0]?.projects[11]?.name).toBe(
        '广州市机电技师学院2024年智慧校园管理系统升级改造项目（副本）',
      );
      expect(after.units[0]?.projects[11]?.indicators).toHaveLength(13);
    },
  },
  moveProject: {
    args: { projectId: 'p14', toUnitId: 'u1', toIndex: 0 },
    check: (after) => expect(after.units[0]?.projects[0]?.id).toBe('p14'),
  },
  addIndicator: {
    args: {
      projectId: 'p11',
      id: 'i-new',
      init: { level1: '满意度指标', level2: '服务对象满意度指标', name: '师生满意度' },
    },
    check(after) {
      expect(project(after, 'p11')?.indicators.at(-1)?.name).toBe('师生满意度');
      // The seed's missing 满意度 indicator (R2) is resolved.
      expect(project(after, 'p11')?.indicators.some((i) => i.level1 === '满意度指标')).toBe(true);
    },
  },
  deleteIndicators: {
    args: { projectId: 'p1', indicatorIds: ['i1', 'i3'] },
    check: (after) =>
      expect(project(after, 'p1')?.indicators.map((i) => i.id)).toEqual(['i2', 'i4', 'i5']),
  },
  duplicateIndicator: {
    args: { projectId: 'p1', indicatorId: 'i2', id: 'i-copy' },
    check: (after) =>
      expect(project(after, 'p1')?.indicators.map((i) => i.id)).toEqual([
        'i1',
        'i2',
        'i-copy',
        'i3',
        'i4',
        'i5',
      ]),
  },
  moveIndicator: {
    args: { projectId: 'p1', indicatorId: 'i5', toIndex: 0 },
    check: (after) => expect(project(after, 'p1')?.indicators[0]?.id).toBe('i5'),
  },
  pasteGrid: {
    args: {
      anchor: { kind: 'project', projectId: 'p14' },
      column: 'name',
      block: [
        ['高层次人才补贴', '', '50', '', '', '引进高层次人才。'],
        ['新增实训室建设项目', '', '1,200.5', '0', '30', '建成实训室。'],
      ],
      newIds: ['p-pasted'],
    },
    check(after) {
      const names = after.units[0]!.projects.map((item) => item.name);
      expect(names.slice(12)).toEqual([
        '广州市机电技师学院高层次人才安家补贴及租购房补贴',
        '高层次人才补贴',
        '新增实训室建设项目',
      ]);
      expect(after.units[0]!.projects[14]?.id).toBe('p-pasted');
      expect(formatMoney(documentAmounts(after).total)).toBe('6,003.18');
    },
  },
  pasteIndicators: {
    args: {
      projectId: 'p11',
      field: 'level1',
      block: [['满意度指标', '服务对象满意度', '师生满意度', '≥90%', '≥90%']],
      newIds: ['i-pasted'],
    },
    check(after) {
      const indicator = project(after, 'p11')!.indicators.at(-1)!;
      expect([indicator.level2, renderValue(indicator.annual)]).toEqual([
        '服务对象满意度指标',
        '≥90%',
      ]);
    },
  },
  replaceText: {
    args: { query: '市机电技师学院', replacement: '市机电技师学院（新校区）' },
    check(after) {
      expect(after.units[0]?.projects[0]?.name).toBe(
        '市机电技师学院（新校区）安保和物业管理服务经费',
      );
    },
  },
  applyFix: {
    // V9-style fix as the checks offer it: a word sign becomes ≥ (here on 校园维稳处理率).
    args: {
      fix: {
        id: 'fix-i1',
        label: '改为「≥100%」',
        kind: 'set-value',
        target: { unitId: 'u1', projectId: 'p1', indicatorId: 'i1' },
        fields: ['period', 'annual'],
        from: { sign: '定性', value: '校园维稳处理率100%', unit: '' },
        to: { sign: '≥', value: '100', unit: '%' },
      },
    },
    check(after) {
      expect(renderValue(project(after, 'p1')!.indicators[0]!.annual)).toBe('≥100%');
    },
  },
  setProjectStage: {
    args: { projectId: 'p1', field: 'evaluation.executed.fiscal', text: '600.5' },
    check(after) {
      expect(project(after, 'p1')!.evaluation?.executed).toEqual({
        fiscal: 60_050,
        carryover: 0,
        other: 0,
      });
    },
  },
  setIndicatorStage: {
    args: { projectId: 'p1', indicatorId: 'i1', field: 'monitoring.toDate', text: '60%' },
    check(after) {
      expect(project(after, 'p1')!.indicators[0]!.monitoring?.toDate).toBe('60%');
    },
  },
  setIndicatorCauses: {
    args: { projectId: 'p1', indicatorId: 'i1', causes: ['人员保障', '经费保障'] },
    check(after) {
      // Kept in the form's order, whatever order they were ticked in.
      expect(project(after, 'p1')!.indicators[0]!.monitoring?.causes).toEqual([
        '经费保障',
        '人员保障',
      ]);
    },
  },
  setIndicatorNotApplicable: {
    args: { projectId: 'p1', indicatorId: 'i1', notApplicable: true },
    check(after) {
      expect(project(after, 'p1')!.indicators[0]!.evaluation?.notApplicable).toBe(true);
    },
  },
  startTargetAdjustment: {
    args: { id: 'adj1', at: '2025-07-31T09:00:00.000Z', by: '李会计', stage: 'monitoring' },
    check(after) {
      expect(after.targetAdjustments).toEqual([
        {
          id: 'adj1',
          at: '2025-07-31T09:00:00.000Z',
          by: '李会计',
          stage: 'monitoring',
          changes: [],
        },
      ]);
    },
  },
};

describe('document actions: apply, replay patches, reverse patches', () => {
  for (const id of Object.keys(DOCUMENT_ACTIONS) as DocumentActionId[]) {
    it(`${id} (${DOCUMENT_ACTIONS[id].label}) round-trips`, () => {
      const testCase = CASES[id] as (typeof CASES)['moveUnit'] & { args: never };
      const start = testCase.prepare ? testCase.prepare(SAMPLE) : SAMPLE;
      const before = structuredClone(start);
      const result = applyAction(before, id, testCase.args);
      expect(result.patches.length).toBeGreaterThan(0);
      expect(before).toEqual(start);
      testCase.check(result.document);
      expect(() => documentSchema.parse(result.document)).not.toThrow();
      expect(replay(before, result.patches)).toEqual(result.document);
      expect(replay(result.document, result.inversePatches)).toEqual(before);
    });
  }
});

describe('fixes from the checks', () => {
  it('replace only the fixed project, so undo stays small', () => {
    const result = applyAction(SAMPLE, 'applyFix', CASES.applyFix.args);
    expect(result.label).toBe('改为「≥100%」');
    expect(result.patches.map((patch) => patch.path.slice(0, 4))).toEqual([
      ['units', 0, 'projects', 0],
    ]);
    expect(result.document.units[0]!.projects[1]).toBe(SAMPLE.units[0]!.projects[1]);
  });
});

describe('refusals leave the document as it was', () => {
  it('a money cell that is not an amount refuses with a Chinese reason', () => {
    expect(() =>
      applyAction(SAMPLE, 'setCells', {
        cells: [{ row: { kind: 'project', projectId: 'p1' }, column: 'fiscal', text: '六百' }],
      }),
    ).toThrow(EditError);
  });

  it('a paste with one bad cell says where and changes nothing', () => {
    expect(() =>
      applyAction(SAMPLE, 'pasteGrid', {
        anchor: { kind: 'project', projectId: 'p1' },
        column: 'fiscal',
        block: [['100'], ['abc']],
        newIds: [],
      }),
    ).toThrow('粘贴内容第 2 行「财政拨款」');
    // Lines are counted in what was copied, its header row too.
    expect(() =>
      applyAction(SAMPLE, 'pasteGrid', {
        anchor: { kind: 'project', projectId: 'p1' },
        column: 'fiscal',
        block: [['财政拨款'], ['100'], ['abc']],
        newIds: [],
      }),
    ).toThrow('粘贴内容第 3 行「财政拨款」');
  });

  it('a pasted 绩效指标 cell keeps what it cannot read and the paste says so, row by row', () => {
    const clean =
      '1、1-产出指标；11-数量指标；培训教师人次；实施周期指标值：≥200人次；年度指标值：≥200人次。';
    const messy =
      '1、1-产出指标；22-社会效益；带动就业人数；实施周期指标值：≥30人；年度指标值：≥30人。' +
      '\n以上指标由学院审核确定';
    const paste = {
      anchor: { kind: 'project', projectId: 'p1' } as const,
      column: 'indicators' as const,
      block: [[clean], [messy]],
      newIds: [],
    };
    const after = applyAction(SAMPLE, 'pasteGrid', paste).document;
    // Nothing lost: the sentence that is no indicator is kept with the project.
    expect(project(after, 'p2')?.raw.map((note) => note.text)).toContain('以上指标由学院审核确定');
    expect(project(after, 'p2')?.indicators.map((item) => item.name)).toEqual(['带动就业人数']);
    const notes = pasteGridNotes(SAMPLE.frameworkId, paste);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    for (const note of notes) expect(note).toMatch(/^粘贴内容第 2 行「绩效指标」：/u);
    expect(notes.join('\n')).toContain('「以上指标由学院审核确定」已原样保留在项目的未识别内容中');
    expect(notes.join('\n')).toContain('不属于一级指标「产出指标」');
    // Pasting the same cell again keeps its unread words once.
    const twice = applyAction(after, 'pasteGrid', {
      ...paste,
      anchor: { kind: 'project', projectId: 'p2' },
      block: [[messy]],
    }).document;
    expect(
      project(twice, 'p2')?.raw.filter((note) => note.text === '以上指标由学院审核确定'),
    ).toHaveLength(1);
    // A value in another notation (>=, the original kept) changes nothing typed: not a finding.
    expect(
      pasteGridNotes(SAMPLE.frameworkId, {
        ...paste,
        block: [
          [
            '1、1-产出指标；11-数量指标；维修设备台数；实施周期指标值：>=50台；年度指标值：>=50台。',
          ],
        ],
      }),
    ).toEqual([]);
    // A paste elsewhere, or of a clean cell, has nothing to say.
    expect(pasteGridNotes(SAMPLE.frameworkId, { ...paste, block: [[clean]] })).toEqual([]);
    expect(
      pasteGridNotes(SAMPLE.frameworkId, { ...paste, column: 'goal', block: [[messy]] }),
    ).toEqual([]);
  });

  it('one cell pasted on a unit row goes to that cell: the name, never the name from another column', () => {
    const unitId = SAMPLE.units[0]!.id;
    const renamed = applyAction(SAMPLE, 'pasteGrid', {
      anchor: { kind: 'unit', unitId },
      column: 'name',
      block: [['广州市机电技师学院（本部）']],
      newIds: [],
    }).document;
    expect(renamed.units[0]?.name).toBe('广州市机电技师学院（本部）');
    expect(() =>
      applyAction(SAMPLE, 'pasteGrid', {
        anchor: { kind: 'unit', unitId },
        column: 'indicators',
        block: [
          ['1、1-产出指标；11-数量指标；维修设备台数；实施周期指标值：≥50台；年度指标值：≥50台。'],
        ],
        newIds: [],
      }),
    ).toThrow('单位行只有单位名称可以修改');
    expect(() =>
      applyAction(SAMPLE, 'pasteGrid', {
        anchor: { kind: 'unit', unitId },
        column: 'fiscal',
        block: [['100']],
        newIds: [],
      }),
    ).toThrow('单位行的金额是各项目之和');
  });

  it('the 总计 column is derived and cannot be typed', () => {
    expect(() =>
      applyAction(SAMPLE, 'setCells', {
        cells: [{ row: { kind: 'project', projectId: 'p1' }, column: 'total', text: '1' }],
      }),
    ).toThrow('总计由财政拨款');
  });

  it('元 → 万元 refuses when amounts would lose digits', () => {
    const inYuan = applyAction(SAMPLE, 'setDocumentProperties', { moneyUnit: '元' }).document;
    const edited = applyAction(inYuan, 'setCells', {
      cells: [{ row: { kind: 'project', projectId: 'p1' }, column: 'fiscal', text: '1.23' }],
    }).document;
    expect(() => applyAction(edited, 'setDocumentProperties', { moneyUnit: '万元' })).toThrow(
      '无法无损换算',
    );
  });

  it('refuses a 年度 the document could not be saved with, and keeps the document as it was', () => {
    // The keyboard monkey typed 8 into 文档属性's 年度: the edit took it, and every save after it
    // was refused by the document schema.
    for (const fiscalYear of [8, 1989, 2201, 2025.5, Number.NaN]) {
      expect(() => applyAction(SAMPLE, 'setDocumentProperties', { fiscalYear })).toThrow(
        /年度应为 1990—2200 之间的四位年份/,
      );
    }
    for (const fiscalYear of [1990, 2026, 2200, null]) {
      const after = applyAction(SAMPLE, 'setDocumentProperties', { fiscalYear }).document;
      expect(after.fiscalYear).toBe(fiscalYear);
      expect(documentSchema.safeParse(after).success).toBe(true);
    }
  });

  it('changing 一级 clears a 二级 that does not belong to it (R4)', () => {
    const after = applyAction(SAMPLE, 'setIndicatorText', {
      projectId: 'p1',
      indicatorId: 'i1',
      field: 'level1',
      text: '满意度指标',
    }).document;
    expect(project(after, 'p1')?.indicators[0]).toMatchObject({ level1: '满意度指标', level2: '' });
  });
});
