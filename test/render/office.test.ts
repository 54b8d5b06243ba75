import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { parsePeriod } from "../../src/core/period";
import { RenderFailed, officeFormula, renderToExcel } from "../../src/render/office";
import { excelErrorMessage } from "../../src/taskpane/office/errors";
import { buildWorkbook } from "../../src/workbook/build";
import { addr } from "../../src/workbook/spec";
import { bigAppendix } from "../support/bigPlan";
import { FakeExcel } from "../support/fakeExcel";
import { testSettings } from "../support/settings";
import { seedPlan } from "../support/seeds";

const settings = testSettings({ productVersion: "0.1.0" });
const supports = () => true;

async function load(planText: string, excel = new FakeExcel()) {
  const plan = parsePlan(planText);
  const { spec, layout } = buildWorkbook({ plan, settings });
  const result = await renderToExcel(excel.context(), spec, { supports, chart: layout.chart });
  return { excel, spec, layout, plan, result };
}

describe("loading a plan into Excel (Office.js renderer)", () => {
  it("costs the same two context.sync calls for 29 and for 300 indicators (look, write)", async () => {
    const small = await load(readDocumentFile(CATALOGUE[0]!));
    const big = await load(bigAppendix(300));
    expect(big.plan.indicators).toHaveLength(300);
    expect(small.excel.syncs).toBe(2);
    expect(big.excel.syncs).toBe(2);
    expect(big.result.syncs).toBe(2);
    // API calls grow with the rows (row heights) but stay far from one call per cell.
    expect(big.excel.calls).toBeLessThan(300 * 10);
  });

  it("cuts text longer than a cell holds, and says which cell, instead of failing the whole write", async () => {
    const excel = new FakeExcel();
    const plan = seedPlan("thong-nhat-2026");
    const { spec, layout } = buildWorkbook({ plan, settings, indicatorEntries: new Map([["A.1", { periods: [null, null, null, null], note: "x".repeat(40000) }]]) });
    const result = await renderToExcel(excel.context(), spec, { supports, chart: layout.chart });
    expect(result.cut).toEqual([expect.stringMatching(/^Ô Chỉ tiêu!Y\d+ dài 40000 ký tự, quá giới hạn 32767 ký tự của Excel: đã cắt bớt phần cuối$/)]);
    const address = /!(Y\d+)/.exec(result.cut[0]!)![1];
    const written = excel.cell("Chỉ tiêu", address!) as string;
    expect(written.replace(/^'/, "").length).toBe(32767);
    expect(written.endsWith("…[đã cắt]")).toBe(true);
  });

  it("splits a very large write into requests under Excel on the web's 5 MB cap", async () => {
    const excel = new FakeExcel();
    const plan = parsePlan(bigAppendix(1200));
    const { spec, layout } = buildWorkbook({ plan, settings: { ...settings, frequency: "month", period: parsePeriod("Tháng 5/2026", "month")! } });
    const result = await renderToExcel(excel.context(), spec, { supports, chart: layout.chart });
    expect(result.syncs).toBeGreaterThan(3);
    expect(result.syncs).toBe(excel.syncs);
    expect(excel.largestRequest).toBeLessThan(5 * 1024 * 1024);
    expect(excel.cell("Chỉ tiêu", `A${layout.indicators.rowOf.get(plan.indicators[1199]!.id)}`)).toBe(`'${plan.indicators[1199]!.id}`);
  });

  it("writes every cell of the description: formulas with '=', text with a leading apostrophe", async () => {
    const { excel, spec } = await load(readDocumentFile(CATALOGUE[0]!));
    for (const sheet of spec.sheets) {
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || (cell.v === undefined && cell.f === undefined)) return;
          expect([sheet.name, addr(c + 1, r + 1), excel.cell(sheet.name, addr(c + 1, r + 1))]).toEqual([sheet.name, addr(c + 1, r + 1), officeFormula(cell)]);
        }),
      );
    }
    expect(officeFormula({ v: "=SUM(A1)" })).toBe("'=SUM(A1)");
    expect(officeFormula({ v: "1.1" })).toBe("'1.1");
    expect(officeFormula({ v: 0.95 })).toBe(0.95);
    expect(officeFormula({ f: "A1+1" })).toBe("=A1+1");
  });

  it("adds the rules and protection the description asks for, and the chart over empty cells, movable", async () => {
    const { excel, spec } = await load(readDocumentFile(CATALOGUE[0]!));
    const ind = excel.sheet("Chỉ tiêu");
    const s = spec.sheets[0];
    expect(ind.conditionalFormats.filter((c) => c.type !== "DataBar").map((c) => [c.range, c.formula, c.fill, c.color])).toEqual(
      s!.conditionalFormats.map((c) => [c.range, `=${c.formula}`, c.fill, c.color]),
    );
    // Data bars on the ratio and roadmap columns, from 0% to 100%.
    expect(ind.conditionalFormats.filter((c) => c.type === "DataBar").map((c) => [c.range, c.fill, c.lower, c.upper])).toEqual(
      s!.dataBars!.map((b) => [b.range, "#5B9BD5", { type: "Number", formula: "0" }, { type: "Number", formula: "1" }]),
    );
    expect(s!.dataBars!.length).toBe(2);
    expect(ind.validations.map((v) => v.range)).toEqual(s!.validations.map((v) => v.range));
    expect(ind.unlocked).toEqual(s!.inputs);
    expect(excel.sheets.every((x) => x.protected)).toBe(true);
    const summary = excel.sheet("Tổng hợp");
    expect(summary.charts).toEqual([{ type: "BarClustered", source: "A5:B10", title: "Số chỉ tiêu theo trạng thái", position: ["F4", "I12"] }]);
    // Nothing under the chart: every filled cell of the summary lies outside F4:I12.
    const covered = [...summary.cells].filter(([a, c]) => c.formula !== "" && /^[F-I]\d+$/.test(a) && Number(a.slice(1)) >= 4 && Number(a.slice(1)) <= 12);
    expect(covered).toEqual([]);
    expect(summary.cells.get("A14")?.formula).toBe("'Theo nhóm chỉ tiêu");
    expect(summary.protectionOptions).toMatchObject({ allowEditObjects: true });
    expect(excel.names.get("CT_CuoiKy")).toBe("='Cấu hình'!$B$10");
    expect(ind.frozen).toBe("A1:B4");
  });

  it("keeps an existing sheet of the same name, renamed, and replaces its own names", async () => {
    const excel = new FakeExcel();
    const old = excel.addSheet("Chỉ tiêu");
    old.cells.set("A1", { formula: "số liệu cũ", format: "General" });
    excel.names.set("CT_CuoiKy", "=old");
    const { result } = await load(readDocumentFile(CATALOGUE[0]!), excel);
    expect(result.renamed).toEqual([{ from: "Chỉ tiêu", to: "Chỉ tiêu (cũ 1)" }]);
    expect(excel.cell("Chỉ tiêu (cũ 1)", "A1")).toBe("số liệu cũ");
    expect(excel.names.get("CT_CuoiKy")).toBe("='Cấu hình'!$B$10");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu (cũ 1)", "Chỉ tiêu", "Tổng hợp", "Cấu hình", "_CDS"]);
    // Loading again keeps both earlier copies.
    const again = await load(readDocumentFile(CATALOGUE[0]!), excel);
    expect(again.result.renamed.find((r) => r.from === "Chỉ tiêu")).toEqual({ from: "Chỉ tiêu", to: "Chỉ tiêu (cũ 2)" });
  });

  it("gives the workbook back as it was when Excel refuses part of the write", async () => {
    const excel = new FakeExcel();
    const mine = excel.addSheet("Chỉ tiêu");
    mine.cells.set("A1", { formula: "bảng của xã", format: "General" });
    excel.addSheet("Sheet1");
    excel.names.set("CT_CuoiKy", "=Sheet1!$A$1");
    // Excel refuses it every time it is asked, so also when the write is tried again.
    excel.refuse = { label: /conditionalFormats\.add/, code: "GeneralException", times: Infinity };
    const plan = seedPlan("thong-nhat-2026");
    const { spec, layout } = buildWorkbook({ plan, settings });
    const failure = await renderToExcel(excel.context(), spec, { supports, chart: layout.chart }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RenderFailed);
    expect(failure).toMatchObject({ restored: true, cause: { code: "GeneralException" } });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Sheet1"]);
    expect(excel.cell("Chỉ tiêu", "A1")).toBe("bảng của xã");
    expect([...excel.names]).toEqual([["CT_CuoiKy", "=Sheet1!$A$1"]]);
    expect(excelErrorMessage(failure)).toBe(
      "Chưa ghi được sổ: Excel gặp lỗi khi thực hiện thao tác. Hãy thử lại. Những gì vừa ghi dở đã được gỡ bỏ; các trang cũ đã trở lại tên cũ, sổ như trước khi bấm.",
    );
  });

  it("also when the refusal comes at the very end, with the protection, after a hidden sheet was made", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    // Refused with the write, in the finishing batch of the second try and in the batch that puts the protection back: then everything goes.
    excel.refuse = { label: /sheet\(…\)\.protect$/, code: "AccessDenied", times: Infinity };
    const plan = seedPlan("thong-nhat-2026");
    const { spec, layout } = buildWorkbook({ plan, settings });
    const failure = await renderToExcel(excel.context(), spec, { supports, chart: layout.chart }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ restored: true });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.names.size).toBe(0);
  });

  it("only says so when a finishing touch is refused: data, names and protection stay", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    excel.refuse = { label: /charts\.add/, code: "GeneralException", times: Infinity };
    const { result } = await load(readDocumentFile(CATALOGUE[0]!), excel);
    // Tried with the write (everything taken back), then written again with the finish in a batch of its own.
    expect(result.syncs).toBe(2 + 2 + 3);
    expect(result.skipped).toEqual(["Excel không nhận một phần trình bày (cố định dòng tiêu đề, thiết lập in hoặc biểu đồ); số liệu, công thức và bảo vệ trang vẫn đủ."]);
    expect(excel.sheets.filter((s) => s.name !== "_CDS" && s.name !== "Sheet1").every((s) => s.protected)).toBe(true);
    expect(excel.sheet("_CDS").visibility).toBe("VeryHidden");
    expect(excel.cell("Chỉ tiêu", "A6")).toBe("'A.1");
    expect(excel.names.get("CT_CuoiKy")).toBe("='Cấu hình'!$B$10");
    expect(excel.active).toBe("Chỉ tiêu");
  });

  it("waits for the official to leave the cell being edited when run with delayForCellEdit, and fails without", async () => {
    const plan = seedPlan("thong-nhat-2026");
    const { spec, layout } = buildWorkbook({ plan, settings });
    const editing = new FakeExcel();
    editing.cellEditMode = true;
    await expect(renderToExcel(editing.context(), spec, { supports, chart: layout.chart })).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const waiting = new FakeExcel();
    waiting.cellEditMode = true;
    await renderToExcel(waiting.context({ delayForCellEdit: true }), spec, { supports, chart: layout.chart });
    expect(waiting.cell("Chỉ tiêu", "A6")).toBe("'A.1");
  });
});
