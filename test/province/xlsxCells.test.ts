import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { REPORT_LIMITS, readReportFile, sheetValues } from "../../src/province/readReportFile";
import { XlsxCells, XlsxProblem, type Inflater } from "../../src/province/xlsxCells";
import { lyingWorkbook } from "../support/zipBomb";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook } from "../../src/workbook/build";
import type { IndicatorEntry } from "../../src/workbook/indicatorSheet";
import { readIndicatorSheet, readTaskSheet } from "../../src/reading/readBack";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { testSettings } from "../support/settings";

// Reading and writing workbooks takes seconds on a busy 2-core machine, not jest's default 5.
jest.setTimeout(60000);

/** The province reads cells straight from the XML; it must read exactly what ExcelJS's full model gives. */

const ENTRIES: Array<IndicatorEntry["periods"][number]> = [0.95, 12, "Hoàn thành", 'abc <&> "x"', null, 0, "=SUM(1)", "  Đang triển khai "];

async function filledReport(k: number): Promise<Uint8Array> {
  const plan = parsePlan(readDocumentFile(CATALOGUE[k]!));
  const entries = new Map<string, IndicatorEntry>(
    plan.indicators.map((ind, i) => [
      ind.id,
      {
        periods: [ENTRIES[i % ENTRIES.length]!, null, ENTRIES[(i + 3) % ENTRIES.length]!, null],
        evidence: i % 3 ? "Hợp lệ" : "",
        evidenceDate: i % 4 ? null : "2026-06-15",
        note: i % 5 ? null : `Ghi chú ${i} & <b>`,
      },
    ]),
  );
  const settings = testSettings({ unit: "UBND xã Đối Chiếu", period: "Quý III/2026", reportDate: "2026-10-05", planId: CATALOGUE[k]!.id });
  return renderXlsx(buildWorkbook({ plan, settings, indicatorEntries: entries }).spec);
}

async function withExcelJS(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ind = sheetValues(wb.getWorksheet("Chỉ tiêu")!);
  const tasks = wb.getWorksheet("Nhiệm vụ");
  return {
    reading: readIndicatorSheet(ind.values, ind.formats, ind.formulas),
    tasks: tasks ? readTaskSheet(sheetValues(tasks).values) : [],
    config: sheetValues(wb.getWorksheet("Cấu hình")!)
      .values.slice(2, 12)
      .map((r) => r[1]),
  };
}

async function withCells(bytes: Uint8Array, how: Inflater = "fastest") {
  const report = (await readReportFile("x.xlsx", bytes, how)).report!;
  const cells = await XlsxCells.open(bytes, REPORT_LIMITS, how);
  return { reading: report.reading, tasks: report.tasks, config: (await cells.sheet("Cấu hình"))!.values.slice(2, 12).map((r) => r[1]) };
}

describe("reading unit reports straight from their XML", () => {
  it("gives the rows, tasks and settings ExcelJS gives, for every seed's filled report", async () => {
    for (let k = 0; k < CATALOGUE.length; k++) {
      const bytes = await filledReport(k);
      const expected = await withExcelJS(bytes);
      expect([CATALOGUE[k]!.id, await withCells(bytes)]).toEqual([CATALOGUE[k]!.id, expected]);
      // The pane in a browser has no Node zlib: JSZip's own inflate must read the same.
      expect([CATALOGUE[k]!.id, await withCells(bytes, "javascript")]).toEqual([CATALOGUE[k]!.id, expected]);
    }
  });

  it.each<Inflater>(["fastest", "javascript"])("stops a part whose zip directory understates its size (%s inflate) at the limit", async (how) => {
    const lying = await lyingWorkbook(await filledReport(0), /worksheets\/sheet1\.xml$/, 100);
    const cells = await XlsxCells.open(lying, { partBytes: 8 * 1024 * 1024, unpackedBytes: 16 * 1024 * 1024 }, how);
    const before = process.memoryUsage().rss;
    await expect(cells.sheet("Chỉ tiêu")).rejects.toThrow(new XlsxProblem('phần "xl/worksheets/sheet1.xml" khi giải nén lớn hơn 8 MB, vượt giới hạn 8 MB: không đọc'));
    expect(process.memoryUsage().rss - before).toBeLessThan(80 * 1024 * 1024);
    expect((await readReportFile("noi-doi.xlsx", lying, how)).problem).toMatch(/^phần "xl\/worksheets\/sheet1\.xml" khi giải nén lớn hơn/);
  });

  const lo = libreOfficeAvailable() ? it : it.skip;
  lo(
    "reads a report saved again by another spreadsheet program (LibreOffice) as ExcelJS does",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "chitieu-cells-"));
      writeFileSync(join(dir, "so.xlsx"), await filledReport(2));
      const out = convert([join(dir, "so.xlsx")], "xlsx", join(dir, "lo"));
      const bytes = new Uint8Array(readFileSync(join(out, "so.xlsx")));
      const a = await withCells(bytes);
      const b = await withExcelJS(bytes);
      expect(a.reading.rows.length).toBe(36);
      expect(a).toEqual(b);
    },
    120000,
  );
});
