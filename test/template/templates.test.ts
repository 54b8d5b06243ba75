import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { judgeMilestones, numberOrNull, type JudgeSettings } from "../../src/core/judge";
import { periodChoices } from "../../src/core/period";
import { sheetValues } from "../../src/province/readReportFile";
import { readAnnotationMeta } from "../../src/template/annotate";
import { readAnnotatedSheet } from "../../src/template/readAnnotated";
import { recogniseTemplate, type TemplateMapping } from "../../src/template/recognise";
import { annotateXlsxFile, gridOf } from "../../src/template/xlsxFile";
import { checkEntries } from "../../src/reading/checks";
import { overview } from "../../src/reading/overview";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { TEMPLATES, noDiacritics, partyTable, provinceForm, quarterBlock, type TemplateCase } from "../support/templates";

// Reading and writing workbooks takes seconds on a busy 2-core machine, not jest's default 5.
jest.setTimeout(60000);

const settingsFor = (choice: string) => {
  const c = periodChoices("quarter").find((p) => p.label === choice)!;
  return { unit: "UBND phường Thử", period: { year: 2026, choice: c.label, endMonth: c.endMonth }, reportDate: "2026-12-20", warnThreshold: 0.5, planId: null, productVersion: "test" };
};

async function open(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function mappingOf(t: TemplateCase): Promise<TemplateMapping> {
  const wb = await open(await t.build());
  return recogniseTemplate(gridOf(wb.getWorksheet(t.sheet)!), { year: 2026 });
}

describe("recognising the tables other offices made", () => {
  it("reads each template's indicator rows, none invented and none lost", async () => {
    for (const t of TEMPLATES) {
      const m = await mappingOf(t);
      expect([t.name, Object.fromEntries(m.rows.map((r) => [r.row, r.id.split(".").pop()]))]).toEqual([t.name, t.indicators]);
    }
  });

  it("understands a province form's columns in its own order, its group rows and its percentages typed as 95", async () => {
    const m = await mappingOf(provinceForm);
    expect(m.columns.map((c) => `${c.col}:${c.role}`)).toEqual(["1:code", "2:name", "3:lead", "4:unit", "5:target", "6:achieved", "7:note"]);
    expect(m.skipped.map((s) => [s.row, s.why])).toEqual([
      [5, "dòng nhóm"],
      [9, "dòng nhóm"],
    ]);
    const row6 = m.rows.find((r) => r.row === 6)!;
    expect(row6).toMatchObject({ group: "I. HẠ TẦNG SỐ", lead: "Phòng Văn hóa - Xã hội", percentEntry: "points" });
    // The number in "Kế hoạch" is followed (the official may raise it); the words "≥ 80%" are read once.
    expect(row6.milestones[0]).toMatchObject({ op: ">=", value: 0.9, deadline: "2026-12-31", source: { col: 5 } });
    expect(m.rows.find((r) => r.row === 10)!.milestones[0]).toMatchObject({ op: ">=", value: 0.8, source: { value: 0.8 } });
    // The signature block under the table is not a row of it; the new columns start right of everything.
    expect(m.lastRow).toBe(11);
    expect(m.outputColumn).toBe(8);
  });

  it("reads a two-row merged header over quarters, skips the numbering, spacer and totals rows, and sums a count by quarter", async () => {
    const m = await mappingOf(quarterBlock);
    expect(m.headerRows).toEqual([4, 5]);
    expect(m.slots).toEqual([1, 2, 3, 4].map((slot) => ({ slot, col: 4 + slot })));
    expect(m.skipped.map((s) => [s.row, s.why])).toEqual([
      [6, "dòng đánh số cột"],
      [7, "dòng nhóm"],
      [10, "dòng nhóm"],
      [14, "dòng tổng"],
    ]);
    expect(m.notes.join(" ")).toContain('Cột I "Lũy kế" không ghi kỳ');
    expect(m.rows.map((r) => [r.id, r.percentEntry, r.cumulative])).toEqual([
      ["1", "fraction", false],
      ["2", null, true],
      ["3", null, false],
      ["4", "fraction", false],
    ]);
  });

  it("reads headers typed without diacritics: baseline year, two milestones, half-year and full-year results", async () => {
    const m = await mappingOf(noDiacritics);
    expect(m.columns.map((c) => c.role)).toEqual(["code", "name", "unit", "baseline", "target", "target", "achieved", "achieved", "lead", "evidence"]);
    expect(m.slots).toEqual([
      { slot: 2, col: 7 },
      { slot: 4, col: 8 },
    ]);
    const ct02 = m.rows.find((r) => r.id === "CT02")!;
    expect(ct02.milestones.map((x) => [x.op, x.value, x.deadline])).toEqual([
      ["tăng", 0.2, "2026-12-31"],
      ["tăng", 0.5, "2028-12-31"],
    ]);
    expect(ct02.baseline).toEqual({ col: 4 });
  });

  it("numbers rows from their wording when there is no code column, and leaves the office's own ratio and rating columns alone", async () => {
    const m = await mappingOf(partyTable);
    expect(m.columns.map((c) => c.role)).toEqual(["lead", "name", "target", "achieved", "other", "other"]);
    expect(m.rows.map((r) => [r.id, r.milestones[0]!.op])).toEqual([
      ["1", ">="],
      ["2", "done"],
      ["3", ">="],
      ["4", ">="],
    ]);
    expect(m.rows[0]!.review).toContain("đã lấy năm 2026 của kỳ báo cáo");
  });

  it("says what it found when a sheet holds no indicator table, and writes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Danh sách");
    ws.getRow(2).values = ["Họ và tên", "Chức vụ", "Số điện thoại"];
    ws.getRow(3).values = ["Nguyễn Văn A", "Chủ tịch", "0901"];
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(annotateXlsxFile("ds.xlsx", bytes, { settings: settingsFor("Quý IV") })).rejects.toThrow(
      /Không nhận ra bảng chỉ tiêu trên trang "Danh sách".*dòng 2: A "Họ và tên", B "Chức vụ", C "Số điện thoại"/,
    );
  });
});

/** Every cell, merge, width, rule and view of the original, read independently of the product's own check. */
async function assertUntouched(original: Uint8Array, annotated: Uint8Array, sheet: string, firstAdded: number): Promise<void> {
  const a = await open(original);
  const b = await open(annotated);
  for (const wsA of a.worksheets) {
    const wsB = b.getWorksheet(wsA.name)!;
    expect(wsB).toBeDefined();
    wsA.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (wsA.name === sheet) expect(c).toBeLessThan(firstAdded);
        const other = wsB.getCell(r, c);
        expect([wsA.name, cell.address, other.value, other.style, other.note]).toEqual([wsA.name, cell.address, cell.value, cell.style, cell.note]);
      }),
    );
    const mergesB = ((wsB.model as { merges: string[] }).merges ?? []).filter((m) => Number(wsB.getCell(m.split(":")[0]!).col) < firstAdded || wsA.name !== sheet);
    expect(mergesB.sort()).toEqual(((wsA.model as { merges: string[] }).merges ?? []).sort());
    for (let c = 1; c < (wsA.name === sheet ? firstAdded : wsA.columnCount + 1); c++) expect([wsA.name, c, wsB.getColumn(c).width]).toEqual([wsA.name, c, wsA.getColumn(c).width]);
    expect(wsB.views).toEqual(wsA.views);
    const rules = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(rules(wsB).slice(0, rules(wsA).length)).toEqual(rules(wsA));
  }
}

describe("annotating a file", () => {
  it("adds the columns and rules beside every template without changing one of the official's cells", async () => {
    for (const t of TEMPLATES) {
      const original = await t.build();
      const { bytes, mapping } = await annotateXlsxFile(`${t.sheet}.xlsx`, original, { settings: settingsFor("Quý IV") });
      await assertUntouched(original, bytes, t.sheet, mapping.outputColumn);
      const wb = await open(bytes);
      const ws = wb.getWorksheet(t.sheet)!;
      const status = mapping.outputColumn + 3;
      expect(ws.getCell(mapping.headerRows[0], status).value).toBe("Trạng thái");
      for (const r of mapping.rows) expect(String((ws.getCell(r.row, status).value as { formula: string }).formula)).toMatch(/^IF\(/);
      // Status colours on the official's wording column, as rules of the sheet.
      const nameCol = mapping.columns.find((c) => c.role === "name")!.col;
      const rules = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings.map((cf) => cf.ref);
      expect(rules).toContain(`${ws.getColumn(nameCol).letter}${mapping.firstRow}:${ws.getColumn(nameCol).letter}${mapping.lastRow}`);
      expect(wb.getWorksheet("Cấu hình")).toBeDefined();
      expect(wb.getWorksheet("_CDS")!.state).toBe("veryHidden");
      expect(readAnnotationMeta(sheetValues(wb.getWorksheet("_CDS")!).values)).toEqual(JSON.parse(JSON.stringify(mapping)));
    }
  });

  it("refuses what it cannot carry through, and a protected sheet, and a workbook already annotated, writing nothing", async () => {
    const original = await provinceForm.build();
    const zip = await JSZip.loadAsync(original);
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const withChart = await zip.generateAsync({ type: "uint8array" });
    await expect(annotateXlsxFile("bieu.xlsx", withChart, { settings: settingsFor("Quý IV") })).rejects.toThrow(/có biểu đồ: công cụ dòng lệnh không giữ được/);

    const wb = await open(original);
    await wb.getWorksheet(provinceForm.sheet)!.protect("", {});
    const locked = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(annotateXlsxFile("bieu.xlsx", locked, { settings: settingsFor("Quý IV") })).rejects.toThrow(/Trang "Biểu 01" đang được bảo vệ/);

    const once = await annotateXlsxFile("bieu.xlsx", original, { settings: settingsFor("Quý IV") });
    await expect(annotateXlsxFile("bieu-da-gan.xlsx", once.bytes, { settings: settingsFor("Quý IV") })).rejects.toThrow(/đã được gắn cột đánh giá/);

    const taken = await open(original);
    taken.addWorksheet("Cấu hình");
    const clash = new Uint8Array((await taken.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(annotateXlsxFile("bieu.xlsx", clash, { settings: settingsFor("Quý IV") })).rejects.toThrow(/đã có trang "Cấu hình"/);
  });

  it("reads back for Kiểm tra and Tổng quan: statuses by the same rules, problems at the official's own cells", async () => {
    const { bytes, mapping } = await annotateXlsxFile("q.xlsx", await quarterBlock.build(), { settings: settingsFor("Quý II") });
    const wb = await open(bytes);
    const { values, formulas } = sheetValues(wb.getWorksheet(mapping.sheet)!);
    const { reading, problem } = readAnnotatedSheet(values, formulas, mapping);
    expect(problem).toBeNull();
    const js: JudgeSettings = { period: settingsFor("Quý II").period, frequency: "quarter", warnThreshold: 0.5 };
    const o = overview(reading.rows, [], js);
    expect(o.total).toBe(4);
    // Số lớp adds its quarters: 3 + 2 = 5 of 12 by 30/06, behind the roadmap's 5.95 (84%); the others are ahead.
    expect(o.counts).toMatchObject({ "Đúng tiến độ": 3, "Chậm tiến độ": 1 });
    expect(o.lagging).toEqual([expect.objectContaining({ code: "2", status: "Chậm tiến độ", reason: "Đạt 84% lộ trình", address: "N9" })]);
    expect(checkEntries(reading.rows, js)).toEqual([]);
    // A row moved by an inserted line is noticed, not misread.
    const shifted = [[], ...values];
    expect(readAnnotatedSheet(shifted, null, mapping).problem).toMatch(/đã đổi từ khi gắn cột đánh giá/);
  });
});

const lo = libreOfficeAvailable() ? describe : describe.skip;

lo("annotated templates recalculated by LibreOffice", () => {
  it("gives every row the status and reason of the TypeScript judge, in two periods, and leaves the official's totals as they were", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-annotate-"));
    const cases: Array<{ file: string; choice: string; t: TemplateCase }> = [];
    for (const t of TEMPLATES) {
      const original = await t.build();
      writeFileSync(join(dir, `${cases.length}-original.xlsx`), original);
      for (const choice of ["Quý II", "Cả năm"]) {
        const file = join(dir, `${cases.length}-${choice === "Quý II" ? "q2" : "nam"}.xlsx`);
        writeFileSync(file, (await annotateXlsxFile(`${t.sheet}.xlsx`, original, { settings: settingsFor(choice) })).bytes);
        cases.push({ file, choice, t });
      }
    }
    const out = convert([...cases.map((c) => c.file), ...TEMPLATES.map((_, k) => join(dir, `${k * 2}-original.xlsx`))], "xlsx", join(dir, "lo"));
    let compared = 0;
    for (const c of cases) {
      const wb = await open(readFileSync(join(out, c.file.split("/").pop()!)));
      const mapping = readAnnotationMeta(sheetValues(wb.getWorksheet("_CDS")!).values)!;
      const { values } = sheetValues(wb.getWorksheet(mapping.sheet)!);
      const { reading } = readAnnotatedSheet(values, null, mapping);
      const js: JudgeSettings = { period: settingsFor(c.choice).period, frequency: mapping.frequency, warnThreshold: 0.5 };
      for (const row of reading.rows) {
        const j = judgeMilestones(row.milestones, row.cumulative, numberOrNull(row.entry.baseline), row.entry, js);
        const cell = (key: string) => values[row.row - 1]?.[row.columns.get(key)! - 1];
        expect([c.t.name, c.choice, row.id, cell("status"), cell("reason")]).toEqual([c.t.name, c.choice, row.id, j.status, j.reason]);
        compared++;
      }
      // The official's own formulas (totals, their ratio) compute what they computed before.
      const original = await open(readFileSync(join(out, `${TEMPLATES.indexOf(c.t) * 2}-original.xlsx`)));
      const before = sheetValues(original.getWorksheet(mapping.sheet)!).values;
      const theirs = (grid: unknown[][]) =>
        grid.map((r) => {
          const cells = r.slice(0, mapping.outputColumn - 1);
          while (cells.length && cells[cells.length - 1] === "") cells.pop();
          return cells;
        });
      expect(theirs(values)).toEqual(theirs(before));
    }
    expect(compared).toBe(2 * TEMPLATES.reduce((n, t) => n + Object.keys(t.indicators).length, 0));
  }, 240000);
});
