/**
 * Spreadsheet cell addresses, as importers report a cell's place (`Sheet1!B3`) and the workbook
 * writer names ranges: one spelling for readers and writers alike.
 */

/** Column letters as a spreadsheet names them: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}
