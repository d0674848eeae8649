/** The one line the schema diff is judged by (in the test, the command and CI's log). */
import type { DiffResult } from './diff.ts';
import type { Judged } from './explained.ts';

export function summaryLine(result: DiffResult, judged: Judged): string {
  return `schema diff: ${result.operations} operations and ${result.microversions} microversions compared, `
    + `${result.differences.length} differences, ${judged.explained.length} explained, ${judged.unexplained.length} unexplained`;
}
