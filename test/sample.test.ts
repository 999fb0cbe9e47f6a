/** samples/vinh-linh.xlsx is what scripts/make-sample.ts writes from src/local/sample.ts. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx } from "@cchc/gas-standins";
import { sampleWorkbook, SAMPLE_UNITS } from "../src/local/sample";
import { SHEET_SUBMISSIONS, SHEET_TARGETS, SHEET_UNITS } from "../src/core/schema";

describe("the committed sample workbook", () => {
  it("matches its generator (run npm run sample after changing src/local/sample.ts)", async () => {
    const book = await loadXlsx(join(__dirname, "..", "samples", "vinh-linh.xlsx"));
    const expected = sampleWorkbook();
    const read = (name: string) => book.getSheetByName(name)!.getDataRange().getValues();
    expect(book.getSheets().map((s) => s.getName())).toEqual([SHEET_UNITS, SHEET_TARGETS, SHEET_SUBMISSIONS]);
    expect(read(SHEET_UNITS)).toEqual(expected.units);
    expect(read(SHEET_TARGETS)).toEqual(expected.targets);
    expect(read(SHEET_SUBMISSIONS)).toEqual(expected.submissions);
  });
  it("is a district of the size of Vĩnh Linh with two quarters", () => {
    expect(SAMPLE_UNITS).toHaveLength(25);
    const periods = new Set(
      sampleWorkbook()
        .submissions.slice(1)
        .map((r) => r[0]),
    );
    expect([...periods]).toEqual(["2022-Q4", "2023-Q1", "Quý I/2023"]);
  });
});
