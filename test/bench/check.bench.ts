import { checkDocument } from '../../shared/rules';
import { generateDocument } from './generate';
import { median, type Figure } from './measure';

/** Checking a whole document against every rule, against walking the same document once. */
export async function runCheckBench(sizes: readonly number[] = [1000, 10000]): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const projects of sizes) {
    const document = generateDocument(projects, 15, 2);
    const walkMs = await median(5, () => {
      let characters = 0;
      for (const unit of document.units)
        for (const project of unit.projects)
          for (const indicator of project.indicators)
            characters += indicator.name.length + indicator.annual.value.length;
      return characters;
    });
    const checkMs = await median(5, () => checkDocument(document));
    const findings = checkDocument(document).length;
    figures.push({
      name: `检查 ${projects} 个项目（${findings} 条结果）`,
      ms: checkMs,
      baseline: '遍历全部指标一次',
      baselineMs: walkMs,
      ratio: checkMs / walkMs,
    });
  }
  return figures;
}
