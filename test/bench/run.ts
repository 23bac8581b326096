// `npm run bench`: prints figures and ratios against baselines measured in the same run.
// Never fails on a slow machine; a ✗ marks a ratio above the target.
import { printFigures } from './measure';
import { runStoreBench } from './store.bench';

const only = process.argv[2];

if (!only || only === 'store') {
  printFigures('文档存储（打开、校验、持久保存）', await runStoreBench());
}
