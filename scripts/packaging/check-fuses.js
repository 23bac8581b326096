// Checks the fuses of a packaged executable against the afterPack hook's settings (CI, after
// electron-builder): node scripts/packaging/check-fuses.js dist/linux-unpacked/jixiao
import { FuseV1Options } from '@electron/fuses';
import { FUSES, readFuses } from './after-pack.js';

const binary = process.argv[2];
if (!binary) {
  console.error('用法：node scripts/packaging/check-fuses.js <打包后的程序文件>');
  process.exit(2);
}
const actual = await readFuses(binary);
const wrong = Object.entries(FUSES)
  .filter(([key]) => key !== 'version')
  .map(([index, wanted]) => [FuseV1Options[Number(index)], wanted ? '1' : '0'])
  .filter(([name, wanted]) => actual[name] !== wanted);
for (const [name, wanted] of wrong)
  console.error(`${name}: 应为 ${wanted}，实际为 ${actual[name]}`);
console.log(wrong.length === 0 ? `熔断开关正确：${binary}` : `熔断开关有 ${wrong.length} 处不对`);
process.exit(wrong.length === 0 ? 0 : 1);
