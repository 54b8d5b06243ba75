import JSZip from "jszip";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook } from "../../src/workbook/build";
import { colLetter } from "../../src/workbook/spec";
import { seedPlan } from "../support/seeds";
import { testSettings } from "../support/settings";

jest.setTimeout(60000);

describe("pictures without the add-in: data bars on the ratio and roadmap columns", () => {
  it("writes a 0%-100% data bar over every indicator row of both columns into the .xlsx", async () => {
    const { spec, layout } = buildWorkbook({ plan: seedPlan("thong-nhat-2026"), settings: testSettings() });
    const xml = await (await JSZip.loadAsync(await renderXlsx(spec))).file("xl/worksheets/sheet1.xml")!.async("string");
    const bars = [
      ...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="dataBar"[^>]*><dataBar><cfvo type="num" val="(\d+)"\/><cfvo type="num" val="(\d+)"\/><color rgb="FF5B9BD5"\/>/g),
    ].map((m) => m.slice(1));
    const col = (key: string) => colLetter(layout.indicators.columns.index(key));
    const rows = `${layout.indicators.firstRow}:`;
    expect(bars).toEqual([
      [`${col("ratio")}${rows}${col("ratio")}${layout.indicators.lastRow}`, "0", "1"],
      [`${col("progress")}${rows}${col("progress")}${layout.indicators.lastRow}`, "0", "1"],
    ]);
  });
});
