import ExcelJS from "exceljs";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook } from "../../src/workbook/build";
import type { SheetSpec } from "../../src/workbook/spec";
import { colIndex } from "../../src/workbook/spec";
import { STATUS_STYLE } from "../../src/workbook/theme";
import { testSettings } from "../support/settings";
import { seedPlan, seedPlans } from "../support/seeds";

const settings = testSettings({ planId: "thong-nhat-2026", productVersion: "0.1.0" });
const plan = seedPlan("thong-nhat-2026");
const built = buildWorkbook({ plan, settings, indicatorEntries: new Map([["C.6", { periods: [0.95, null, null, null] }]]) });
const sheet = (name: string): SheetSpec => built.spec.sheets.find((s) => s.name === name)!;
const cols = built.layout.indicators.columns;
const rowOf = (id: string) => built.layout.indicators.rowOf.get(id)!;
const cell = (s: SheetSpec, row: number, key: string) => s.rows[row - 1]![cols.index(key) - 1];

/** Functions that both Excel 2016 and LibreOffice 7.4 have; nothing newer (LET, IFS, XLOOKUP, FILTER...). */
const ALLOWED = new Set([
  "IF",
  "AND",
  "OR",
  "NOT",
  "ISNUMBER",
  "INDEX",
  "MATCH",
  "SUMIF",
  "COUNTIF",
  "SUMPRODUCT",
  "ROUND",
  "ROUNDUP",
  "MAX",
  "MIN",
  "DATE",
  "YEAR",
  "MONTH",
  "DAY",
  "TEXT",
  "UPPER",
  "SUM",
  "FALSE",
  "TRUE",
]);

function inRange(range: string, row: number, col: number): boolean {
  const [a, b = a] = range.split(":");
  const p = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x.replace(/\$/g, ""))!;
    return { c: colIndex(m[1]!), r: Number(m[2]) };
  };
  const tl = p(a!);
  const br = p(b!);
  return row >= tl.r && row <= br.r && col >= tl.c && col <= br.c;
}

describe("the standard report workbook", () => {
  it("has the four sheets in the order officials use them", () => {
    expect(built.spec.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp", "Cấu hình", "_CDS"]);
    expect(built.spec.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["_CDS"]);
    const withTasks = buildWorkbook({ plan: seedPlan("phuoc-binh-2026"), settings });
    expect(withTasks.spec.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Nhiệm vụ", "Tổng hợp", "Cấu hình", "_CDS"]);
  });

  it("stores percentages as fractions shown as %, and guards percent inputs against 95 meaning 9500%", () => {
    const r = rowOf("C.6");
    expect(cell(sheet("Chỉ tiêu"), r, "t1")).toEqual({ v: 0.95, fmt: "0%" });
    expect(cell(sheet("Chỉ tiêu"), r, "p1")).toEqual({ v: 0.95, fmt: "0%" });
    const rule = sheet("Chỉ tiêu").validations.find((v) => inRange(v.range, r, cols.index("p2")))!.rule;
    expect(rule).toMatchObject({ type: "decimal", min: 0, max: 1 });
    expect(rule.message).toContain("9500%");
    const done = sheet("Chỉ tiêu").validations.find((v) => inRange(v.range, rowOf("C.18"), cols.index("p1")))!.rule;
    expect(done).toMatchObject({ type: "list", source: "DS_TienDo" });
    const counts = buildWorkbook({ plan: seedPlan("ho-nai-2026"), settings });
    const ind = counts.spec.sheets[0];
    const countRow = counts.layout.indicators.rowOf.get("2.4.9")!;
    expect(ind!.validations.find((v) => inRange(v.range, countRow, counts.layout.indicators.columns.index("p1")))!.rule).toMatchObject({ type: "whole", min: 0 });
  });

  it("colours the status cell and the row's key cells with native conditional formats, one colour per status", () => {
    const s = sheet("Chỉ tiêu");
    const statusCol = cols.index("status");
    for (const [status, style] of Object.entries(STATUS_STYLE)) {
      const rules = s.conditionalFormats.filter((cf) => cf.formula.endsWith(`="${status}"`));
      expect(rules.map((cf) => [cf.fill, cf.color])).toEqual(Array(4).fill([style.fill, style.color]));
      expect(rules.some((cf) => inRange(cf.range, rowOf("C.6"), statusCol))).toBe(true);
      expect(rules.some((cf) => inRange(cf.range, rowOf("C.6"), cols.index("name")))).toBe(true);
    }
    expect(STATUS_STYLE["Đạt"].fill).toBe("#00B050");
    expect(STATUS_STYLE["Không đạt"].fill).toBe("#C00000");
    expect(STATUS_STYLE["Chậm tiến độ"].fill).toBe("#FFC000");
    expect(STATUS_STYLE["Chưa có số liệu"].fill).toBe("#D9D9D9");
  });

  it("unlocks only input cells and protects every sheet", () => {
    const s = sheet("Chỉ tiêu");
    const r = rowOf("A.1");
    const editable = (key: string) => s.inputs.some((range) => inRange(range, r, cols.index(key)));
    for (const key of ["p1", "p2", "p3", "p4", "baseline", "num", "den", "evNumber", "evDate", "evSummary", "evCheck", "note"]) expect(editable(key)).toBe(true);
    for (const key of ["code", "name", "t1", "value", "expected", "ratio", "progress", "status", "reason", "lead"]) expect(editable(key)).toBe(false);
    expect(built.spec.sheets.every((x) => x.protect)).toBe(true);
    expect(s.freeze).toEqual({ rows: 4, columns: 2 });
    expect(s.print).toMatchObject({ landscape: true, repeatRows: [4, 4] });
  });

  it("uses only functions Excel 2016 and LibreOffice 7.4 both have", () => {
    const used = new Set<string>();
    const all = seedPlans().flatMap(({ plan }) => buildWorkbook({ plan, settings }).spec.sheets);
    for (const s of all) for (const row of s.rows) for (const c of row) if (c?.f) for (const m of c.f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]!);
    expect([...used].filter((f) => !ALLOWED.has(f))).toEqual([]);
    expect(used.has("SUMIF") && used.has("INDEX")).toBe(true);
  });

  it("writes text from documents as text, never as a formula, whatever its first character", async () => {
    const risky = parsePlan(["STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026\tĐơn vị chủ trì", "1\t=SUM(A1:A9)\t100%\t+84 Phòng", "2\t-Tỷ lệ\t≥ 80%\t@VP"].join("\n"));
    const { spec } = buildWorkbook({ plan: risky, settings });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(spec)) as never);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const texts: unknown[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string" && /^[=+\-@]/.test(c.value)) texts.push(c.value);
        if (c.value && typeof c.value === "object" && "formula" in c.value && /SUM\(A1:A9\)/.test(String(c.value.formula))) texts.push("FORMULA!");
      }),
    );
    expect(texts).toEqual(expect.arrayContaining(["=SUM(A1:A9)", "+84 Phòng", "-Tỷ lệ", "@VP"]));
    expect(texts).not.toContain("FORMULA!");
  });

  it("renders a file Excel and LibreOffice read: names, validations, protection, print setup", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(built.spec)) as never);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, printTitlesRow: "4:4" });
    expect(ws.getCell(rowOf("A.1"), cols.index("p1")).protection).toMatchObject({ locked: false });
    expect(ws.getCell(rowOf("A.1"), cols.index("status")).protection?.locked).not.toBe(false);
    const cfg = wb.getWorksheet("Cấu hình")!;
    expect(cfg.getCell("B6").value).toBe("Quý II");
    expect(wb.definedNames.getRanges("CT_CuoiKy").ranges).toEqual(["'Cấu hình'!$B$10"]);
    expect(wb.definedNames.getRanges("CT_NguongCanhBao").ranges).toEqual(["'Cấu hình'!$B$8"]);
  });
});
