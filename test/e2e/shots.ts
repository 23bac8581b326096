/**
 * Where the layout tests write their screenshots: test-results/shots (cleared by each run), or
 * the folder in JIXIAO_SHOTS to keep them for looking at after a run.
 */
export function shot(name: string): string {
  return `${process.env.JIXIAO_SHOTS ?? 'test-results/shots'}/${name}`;
}
