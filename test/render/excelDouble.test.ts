import { parsePeriod } from "../../src/core/period";
import { renderToExcel } from "../../src/render/office";
import { readReport } from "../../src/taskpane/office/report";
import { buildWorkbook } from "../../src/workbook/build";
import { cellAddress } from "../../src/reading/readBack";
import { FakeExcel } from "../support/fakeExcel";
import { seedPlan } from "../support/seeds";

/** The test double is the product's only Excel: these hold it to what Excel does, so the code tested on it holds too. */
describe("the Excel test double", () => {
  const setup = () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    const context = excel.context();
    return { excel, context, ws: context.workbook.worksheets.getItem("sheet1") };
  };

  it("runs nothing before sync, and at sync stops at the refused operation with the earlier ones applied", async () => {
    const { excel, context, ws } = setup();
    ws.getRange("A1").formulas = [["'trước"]];
    ws.getRange("A2:B2").formulas = [["'chỉ một ô"]];
    ws.getRange("A3").formulas = [["'sau"]];
    expect(excel.cell("Sheet1", "A1")).toBeUndefined();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.cell("Sheet1", "A1")).toBe("'trước");
    expect(excel.cell("Sheet1", "A2")).toBeUndefined();
    expect(excel.cell("Sheet1", "A3")).toBeUndefined();
  });

  it("finds sheets and names whatever their case, and refuses a second one of the same name", async () => {
    const { excel, context } = setup();
    context.workbook.worksheets.add("SHEET1");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    context.workbook.names.add("CT_DonVi", "=Sheet1!$A$1");
    context.workbook.names.add("ct_donvi", "=Sheet1!$A$2");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect([...excel.names]).toEqual([["CT_DonVi", "=Sheet1!$A$1"]]);
  });

  it("refuses a formula, a list or a colour rule that names an undefined name", async () => {
    const { context, ws } = setup();
    ws.getRange("A1").formulas = [["=UPPER(CT_DonVi)"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "=DS_TrangThai" } };
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "=A1>CT_NguongCanhBao";
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context.workbook.names.add("CT_DonVi", "=Sheet1!$B$1");
    ws.getRange("A1").formulas = [["=\"CT_X là chữ, không phải tên: \"&CT_DonVi&'Sheet1'!B2"]];
    await context.sync();
  });

  it("refuses writes to locked cells of a protected sheet, and lets the unlocked input cells be written", async () => {
    const { excel, context, ws } = setup();
    ws.getRange("C5:C9").format.protection.locked = false;
    ws.protection.protect({ allowFormatColumns: true });
    await context.sync();
    ws.getRange("C6").formulas = [[5]];
    await context.sync();
    expect(excel.cell("Sheet1", "C6")).toBe(5);
    ws.getRange("D6").formulas = [[5]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("A1").format.fill.color = "#FF0000";
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    ws.getRange("C:C").format.columnWidth = 80;
    await context.sync();
  });

  it("gives the used range from the first used cell, not from A1", async () => {
    const { context, ws } = setup();
    ws.getRange("C4:D5").formulas = [
      [1, 2],
      [3, 4],
    ];
    ws.getRange("F2").numberFormat = [["0%"]];
    const used = ws.getUsedRange();
    used.load("address,rowIndex,columnIndex,values");
    const values = ws.getUsedRange(true);
    values.load("address");
    await context.sync();
    expect([used.address, used.rowIndex, used.columnIndex]).toEqual(["C2:F5", 1, 2]);
    expect(values.address).toBe("C4:D5");
  });

  it("refuses a request or a response over 5 MB, counting Vietnamese text as UTF-8", async () => {
    const { context, ws } = setup();
    // 1.8 million characters, 5.4 MB as UTF-8: under the limit counted as characters, over it as bytes.
    ws.getRange("A1").formulas = [["'" + "ệ".repeat(1_800_000)]];
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    const big = "'" + "x".repeat(30000);
    ws.getRange("A1:A60").formulas = Array.from({ length: 60 }, () => [big]);
    ws.getRange("B1:B60").formulas = Array.from({ length: 60 }, () => [big]);
    await context.sync();
    const read = ws.getRange("A1:B60");
    read.load("values,formulas");
    await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("fails a batch while the official edits a cell, unless it was run with delayForCellEdit", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    excel.cellEditMode = true;
    const now = excel.context();
    now.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[1]];
    await expect(now.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const later = excel.context({ delayForCellEdit: true });
    later.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[1]];
    await later.sync();
    expect(excel.cell("Sheet1", "A1")).toBe(1);
  });
});

describe("reading a report whose used range does not start at A1", () => {
  it("keeps every row and column where it is, so the problems point at the right cells", async () => {
    const excel = new FakeExcel();
    const plan = seedPlan("thong-nhat-2026");
    const { spec, layout } = buildWorkbook({
      plan,
      settings: { unit: "UBND xã Thống Nhất", period: parsePeriod("Quý II/2026", "quarter")!, frequency: "quarter", reportDate: "2026-07-05", warnThreshold: 0.5, planId: null, productVersion: "t" },
    });
    await renderToExcel(excel.context(), spec, { supports: () => true, chart: layout.chart });
    // An official clears the title rows (values and formats): Excel's used range now starts lower down.
    const sheet = excel.sheet("Chỉ tiêu");
    for (const key of [...sheet.cells.keys()]) if (/^[A-Z]+[1-3]$/.test(key)) sheet.cells.delete(key);
    const state = await readReport(excel.context());
    const a1 = state!.reading.rows.find((r) => r.id === "A.1")!;
    expect(a1.row).toBe(layout.indicators.rowOf.get("A.1"));
    expect(cellAddress(a1, "p2")).toBe(`${layout.indicators.columns.letter("p2")}${layout.indicators.rowOf.get("A.1")}`);
  });
});
