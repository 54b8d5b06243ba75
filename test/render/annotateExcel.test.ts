import ExcelJS from "exceljs";
import { AnnotationRefused, RenderFailed } from "../../src/render/office";
import { overview } from "../../src/reading/overview";
import { annotateTable, readActiveTable } from "../../src/taskpane/office/template";
import { judgeSettingsOf, readReport, writePeriod } from "../../src/taskpane/office/report";
import { recogniseTemplate } from "../../src/template/recognise";
import { gridOf } from "../../src/template/xlsxFile";
import { colLetter } from "../../src/workbook/spec";
import { FakeExcel } from "../support/fakeExcel";
import { quarterBlock } from "../support/templates";
import { testSettings } from "../support/settings";

// Reading and writing workbooks takes seconds on a busy 2-core machine, not jest's default 5.
jest.setTimeout(60000);

const settings = testSettings({ unit: "UBND xã Định Quán", reportDate: "2026-07-03" });
const supports = () => true;

/** The quarter template as an official has it open in Excel: their values, formulas and number formats. */
async function excelWithTemplate(): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await quarterBlock.build()) as unknown as ArrayBuffer);
  const grid = gridOf(wb.getWorksheet(quarterBlock.sheet)!);
  const fake = new FakeExcel();
  const s = fake.addSheet(quarterBlock.sheet);
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      s.cells.set(`${colLetter(c + 1)}${r + 1}`, { formula: typeof v === "string" ? `'${v}` : (v as number), format: String(grid.formats?.[r]?.[c] ?? "General") });
    }),
  );
  s.cells.set("I14", { formula: "=SUM(I9,I11)", format: "General" });
  s.conditionalFormats.push({ range: "J8:J12", formula: '=J8="x"', fill: "#FFFF00", color: "#000000" });
  fake.active = s.name;
  return fake;
}

async function annotate(fake: FakeExcel) {
  const { grid } = await readActiveTable(fake.context());
  const seen = recogniseTemplate(grid, { year: 2026 });
  return annotateTable(fake.context(), { sheet: grid.sheet, year: 2026, roles: [], rows: seen.rows.map((r) => r.row) }, settings, supports);
}

describe("Dùng bảng có sẵn in Excel (the strict double)", () => {
  it("adds the columns, names, settings and colours without writing one of the official's cells", async () => {
    const fake = await excelWithTemplate();
    const before = new Map(fake.sheet(quarterBlock.sheet).cells);
    const syncsBefore = fake.syncs;
    const { mapping, result } = await annotate(fake);
    const sheet = fake.sheet(quarterBlock.sheet);
    for (const [key, cell] of before) expect([key, sheet.cells.get(key)]).toEqual([key, cell]);
    expect(mapping.outputColumn).toBe(11);
    expect(fake.cell(quarterBlock.sheet, "N4")).toBe("'Trạng thái");
    expect(String(fake.cell(quarterBlock.sheet, "N9"))).toMatch(/^=IF\(/);
    expect(sheet.merges).toContain("K4:K5");
    expect(fake.findSheet("Cấu hình")).toBeDefined();
    expect(fake.sheet("_CDS").visibility).toBe("VeryHidden");
    expect([...fake.names.keys()]).toEqual(expect.arrayContaining(["CT_KyBaoCao", "CT_CuoiKy", "CT_SoKy", "CT_NguongCanhBao"]));
    expect(sheet.conditionalFormats.filter((cf) => cf.range === "B7:B14").length).toBe(6);
    expect(sheet.conditionalFormats[0]).toEqual({ range: "J8:J12", formula: '=J8="x"', fill: "#FFFF00", color: "#000000" });
    // A constant number of round trips: read the table (2), write (2).
    expect(result.syncs).toBe(2);
    expect(fake.syncs - syncsBefore).toBeLessThanOrEqual(6);
  });

  it("is read back by Kiểm tra, Tổng quan and Kỳ báo cáo; Cập nhật says it does not apply", async () => {
    const fake = await excelWithTemplate();
    await annotate(fake);
    const state = (await readReport(fake.context()))!;
    expect(state.annotation?.sheet).toBe(quarterBlock.sheet);
    expect(state.config).toMatchObject({ unit: "UBND xã Định Quán", choice: "Quý II", frequency: "quarter" });
    const o = overview(state.reading.rows, state.tasks, judgeSettingsOf(state.config));
    expect(o.lagging).toEqual([expect.objectContaining({ code: "2", status: "Chậm tiến độ", address: "N9" })]);
    await writePeriod(fake.context(), { ...state.config, choice: "Cả năm" });
    expect(fake.cell("Cấu hình", "B6")).toBe("'Cả năm");
    await expect(annotate(fake)).rejects.toThrow(/đã được gắn cột đánh giá/);
  });

  it("reads only the selected table when another shares the sheet, and still adds the columns right of everything", async () => {
    const fake = await excelWithTemplate();
    const s = fake.sheet(quarterBlock.sheet);
    // A second table under the first, and the preparer's notes to the right of it.
    [
      ["STT", "Nội dung", "Kế hoạch", "Thực hiện"],
      [1, "Số tin bài tuyên truyền về chuyển đổi số", 24, 10],
    ].forEach((row, r) => row.forEach((v, c) => s.cells.set(`${colLetter(c + 1)}${18 + r}`, { formula: typeof v === "string" ? `'${v}` : v, format: "General" })));
    s.cells.set("L2", { formula: "'Ghi chú của người lập", format: "General" });
    const whole = recogniseTemplate((await readActiveTable(fake.context())).grid, { year: 2026 });
    expect(whole.rows.length).toBeGreaterThan(4);
    fake.selected = `${quarterBlock.sheet}!A4:J14`;
    const table = await readActiveTable(fake.context());
    expect(table.selection).toBe("A4:J14");
    const seen = recogniseTemplate(table.grid, { year: 2026 });
    expect(seen.rows.map((r) => r.row)).toEqual([8, 9, 11, 12]);
    const { mapping } = await annotateTable(fake.context(), { sheet: quarterBlock.sheet, selection: table.selection, year: 2026, roles: [], rows: [8, 9, 11, 12] }, settings, supports);
    expect(mapping.outputColumn).toBe(13);
    expect(fake.cell(quarterBlock.sheet, "L2")).toBe("'Ghi chú của người lập");
    expect(fake.cell(quarterBlock.sheet, "P4")).toBe("'Trạng thái");
  });

  it("writes nothing on a protected sheet, and takes everything away when Excel refuses part of the write", async () => {
    const locked = await excelWithTemplate();
    locked.sheet(quarterBlock.sheet).protected = true;
    await expect(annotate(locked)).rejects.toThrow(AnnotationRefused);
    expect(locked.sheets.map((s) => s.name)).toEqual([quarterBlock.sheet]);

    const fake = await excelWithTemplate();
    const before = new Map(fake.sheet(quarterBlock.sheet).cells);
    fake.refuse = { label: /conditionalFormat\.formula/, code: "InvalidArgument", times: 1 };
    const err = await annotate(fake).catch((e) => e);
    expect(err).toBeInstanceOf(RenderFailed);
    expect(err.restored).toBe(true);
    expect(fake.sheets.map((s) => s.name)).toEqual([quarterBlock.sheet]);
    expect(fake.names.size).toBe(0);
    const sheet = fake.sheet(quarterBlock.sheet);
    expect(new Map(sheet.cells)).toEqual(before);
    expect(sheet.conditionalFormats).toEqual([{ range: "J8:J12", formula: '=J8="x"', fill: "#FFFF00", color: "#000000" }]);
    expect(sheet.merges).toEqual([]);
  });
});
