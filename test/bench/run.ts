// `npm run bench`: prints figures and ratios against baselines measured in the same run.
// Never fails on a slow machine; a ✗ marks a ratio above the target.
import { printFigures } from './measure';
import { runCheckBench } from './check.bench';
import { runCliBench } from './cli.bench';
import { runExportBench } from './export.bench';
import { printImportFigures, runImportBench } from './import.bench';
import { printRendererFigures, runRendererBench } from './renderer.bench';
import { runStoreBench } from './store.bench';

const only = process.argv[2];

if (!only || only === 'store') {
  printFigures('文档存储（打开、校验、持久保存）', await runStoreBench());
}

if (!only || only === 'check') {
  const figures = await runCheckBench();
  printFigures('检查（全部规则；目标：10,000 个项目 ≤ 1 s）', figures);
  const large = figures.at(-1);
  if (large)
    console.log(
      `  10,000 个项目检查 ${large.ms.toFixed(0)} ms ${large.ms <= 1000 ? '✓' : '✗'} 目标 ≤1000 ms`,
    );
}

if (!only || only === 'export') {
  const results = await runExportBench();
  printFigures(
    '导出（1,000 个项目；基准：同样单元格与文字的最简 exceljs / docx 写出）',
    results.map((result) => ({ ...result, baseline: '最简写出', target: 1.5 })),
  );
}

if (!only || only === 'import') {
  printImportFigures(
    'PDF 导入（整个流程在导入进程中；目标：种子表 PDF ≤ 1 s，200 页部门大表 ≤ 20 s 且报告进度）',
    await runImportBench(),
  );
}

if (!only || only === 'cli') {
  printFigures(
    '命令行（整个命令，含启动；基准：同一文档的 JSON.parse；目标：导入 ≤4×，查看 ≤3×）',
    await runCliBench(),
  );
}

if (!only || only === 'renderer') {
  printRendererFigures(
    '界面（Chromium 中运行构建后的界面；目标：首屏 ≤ 500 ms（1,000 和 10,000 个项目）、按键 p95 ≤ 16 ms；10,000 个项目内存 ≤ 300 MB）',
    // `npm run bench renderer 1000` measures one size only.
    await runRendererBench(process.argv[3] ? [Number(process.argv[3])] : undefined),
  );
}
