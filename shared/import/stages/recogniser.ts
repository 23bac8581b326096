/** The registry entry of filled 绩效运行监控表 and 项目支出绩效自评表 (before per-project forms). */
import type { FormBlock } from '../forms/split';
import type { RecogniseOptions, Recogniser, RecogniserInput } from '../recognise';
import { findStageForms, importStageForms } from './importStageForms';

export const stageForms: Recogniser = {
  id: 'stage-forms',
  detect: (input: RecogniserInput) => findStageForms(input.tables),
  read: (input: RecogniserInput, found: unknown, options: RecogniseOptions) =>
    importStageForms(found as FormBlock[], { ...options, container: input.container }),
};
