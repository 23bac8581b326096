/** What the form reader hands on, and the reporter every part of it writes to. */

import type { Project, SourceLocation } from '../../model';
import type { FormAmount } from '../formMoney';
import { ImportReporter, type ImportEntry } from '../report';
import type { MoneyLine } from './labels';

export interface AmountEntry {
  target: 'annual' | 'period';
  line: Exclude<MoneyLine, 'extra'>;
  label: string;
  amount: FormAmount;
  source: SourceLocation;
}

/** What a form yields before units are grouped and amounts converted. */
export interface FormProject {
  project: Project;
  unitName: string;
  /** 填报单位: the unit when no 实施单位 is given. */
  filer: string;
  supervisor: string;
  amounts: AmountEntry[];
  /** Years in the form's titles. */
  years: number[];
  /** Where the form starts, for entries about the whole project. */
  source: SourceLocation | undefined;
}

/** Collects report entries; a project without a name is left out of its entries. */
export class FormReporter extends ImportReporter {
  override add(
    kind: ImportEntry['kind'],
    message: string,
    source?: SourceLocation,
    project?: string,
  ): void {
    super.add(kind, message, source, project === '' ? undefined : project);
  }
}
