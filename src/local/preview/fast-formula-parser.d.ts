/** The part of fast-formula-parser (MIT, no types of its own) the preview uses. */
declare module "fast-formula-parser" {
  interface CellRef {
    sheet: string;
    row: number;
    col: number;
  }
  interface RangeRef {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  interface Options {
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    functions?: Record<string, (...params: { value: unknown }[]) => unknown>;
  }
  class FormulaParser {
    constructor(options: Options);
    parse(formula: string, position: CellRef, allowReturnArray?: boolean): unknown;
  }
  export default FormulaParser;
}
