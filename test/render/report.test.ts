import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePlan } from "../../src/core/loaders/parsePlan";
import { renderToExcel } from "../../src/render/office";
import { judgeSettingsOf, proposeUpdate, readReport, selectCell, updateWorkbook, writePeriod } from "../../src/taskpane/office/report";
import { buildWorkbook } from "../../src/workbook/build";
import { checkEntries } from "../../src/reading/checks";
import { cellAddress } from "../../src/reading/readBack";
import { FakeExcel } from "../support/fakeExcel";
import { NO_DECISIONS } from "../../src/reading/update";
import { colLetter } from "../../src/workbook/spec";
import { taskCol } from "../../src/workbook/taskSheet";
import { testSettings } from "../support/settings";

const settings = testSettings({ unit: "Đảng ủy phường Phước Bình", period: "Quý I/2026", reportDate: "2026-04-05", planId: "phuoc-binh-2026" });
const original = readDocumentFile(CATALOGUE[2]!);

async function loaded() {
  const excel = new FakeExcel();
  const { spec, layout } = buildWorkbook({ plan: parsePlan(original), settings });
  await renderToExcel(excel.context(), spec, { supports: () => true, chart: layout.chart });
  return { excel, layout };
}

/** What an official types into an unlocked cell (the stand-in writes past protection, as Excel does for unlocked cells). */
function type(excel: FakeExcel, sheet: string, address: string, value: string | number) {
  excel.sheet(sheet).cells.set(address, { formula: value, format: "General" });
}

describe("the pane's actions on a real-shaped workbook", () => {
  it("reads what was entered, finds the problems and selects a problem's cell", async () => {
    const { excel } = await loaded();
    const before = excel.syncs;
    const first = await readReport(excel.context());
    expect(excel.syncs - before).toBe(2);
    const row = first!.reading.rows.find((r) => r.id === "1.1.1")!;
    type(excel, "Chỉ tiêu", cellAddress(row, "p1"), 55);
    type(excel, "Chỉ tiêu", cellAddress(row, "evCheck"), "Không hợp lệ");
    const state = await readReport(excel.context());
    expect(state!.config).toMatchObject({ unit: "Đảng ủy phường Phước Bình", year: 2026, choice: "Quý I", frequency: "quarter", warnThreshold: 0.5, reportDate: "2026-04-05" });
    const problems = checkEntries(state!.reading.rows, judgeSettingsOf(state!.config));
    expect(problems.map((p) => `${p.address} ${p.message}`)).toEqual([
      `${cellAddress(row, "p1")} 1.1.1: Quý I: ô phần trăm đang là 5500%; có lẽ số 55 được dán vào (hoặc nhập trước khi ô có dạng %) thay cho 55%: hãy gõ lại 55 vào ô`,
      `${cellAddress(row, "evCheck")} 1.1.1: minh chứng bị đánh giá không hợp lệ: kết quả không được tính là hoàn thành`,
    ]);
    await selectCell(excel.context(), "Chỉ tiêu", problems[0]!.address);
    expect(excel.selected).toBe(`Chỉ tiêu!${problems[0]!.address}`);
    expect(excel.active).toBe("Chỉ tiêu");
  });

  it("writes the period on Cấu hình and leaves it protected", async () => {
    const { excel } = await loaded();
    const before = excel.syncs;
    await writePeriod(excel.context(), { unit: "UBND phường Phước Bình", year: 2026, choice: "Quý III", reportDate: "2026-10-05", warnThreshold: 0.6 });
    expect(excel.syncs - before).toBe(2);
    expect(excel.cell("Cấu hình", "B3")).toBe("'UBND phường Phước Bình");
    expect(excel.cell("Cấu hình", "B6")).toBe("'Quý III");
    expect(excel.cell("Cấu hình", "B8")).toBe(0.6);
    expect(excel.sheet("Cấu hình").protected).toBe(true);
  });

  it("stops, changing nothing, when an official renamed the indicator sheet", async () => {
    const { excel } = await loaded();
    excel.sheet("Chỉ tiêu").name = "Chỉ tiêu 2026";
    const before = excel.sheets.map((s) => s.name);
    await expect(updateWorkbook(excel.context(), parsePlan(original), NO_DECISIONS, { supports: () => true, planId: null, today: "2026-04-10" })).rejects.toThrow(
      'không thấy trang "Chỉ tiêu" (có lẽ đã bị đổi tên hoặc xóa)',
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(before);
  });

  it("updates with an amended appendix: entries move with their indicators and tasks, the old sheets stay", async () => {
    const { excel } = await loaded();
    const state = await readReport(excel.context());
    const row = state!.reading.rows.find((r) => r.id === "1.5.7")!;
    type(excel, "Chỉ tiêu", cellAddress(row, "p1"), 0.9);
    type(excel, "Chỉ tiêu", cellAddress(row, "note"), "Số liệu từ Cổng DVC");
    const taskRow = state!.tasks.find((t) => t.id === "II.4")!;
    type(excel, "Nhiệm vụ", `${colLetter(taskCol("progress"))}${taskRow.row}`, "Hoàn thành");
    type(excel, "Nhiệm vụ", `${colLetter(taskCol("evNumber"))}${taskRow.row}`, "15/QĐ-UBND");

    const amended = original.replace("(7) Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến 95%.", "(7) Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến 97%.");
    const before = excel.syncs;
    const result = await updateWorkbook(excel.context(), parsePlan(amended), NO_DECISIONS, { supports: () => true, planId: "phuoc-binh-2026", today: "2026-04-10" });
    // Read the report (2), look at the workbook, write it with its finish.
    expect(excel.syncs - before).toBe(4);
    expect(result!.summary).toMatchObject({ changedTargets: ["1.5.7"], added: [], removed: [] });
    expect(result!.renamed.map((r) => r.to)).toEqual(["Chỉ tiêu (cũ 1)", "Nhiệm vụ (cũ 1)", "Tổng hợp (cũ 1)", "Cấu hình (cũ 1)", "_CDS (cũ 1)"]);

    const after = await readReport(excel.context());
    const moved = after!.reading.rows.find((r) => r.id === "1.5.7")!;
    expect(moved.entry.periods[0]).toBe(0.9);
    expect(moved.entry.note).toBe("Số liệu từ Cổng DVC");
    expect(moved.milestones[0]!.value).toBe(0.97);
    expect(after!.tasks.find((t) => t.id === "II.4")!.entry).toMatchObject({ progress: "Hoàn thành", evidenceNumber: "15/QĐ-UBND" });
    // The copy kept before the change still has the old value.
    expect(excel.cell("Chỉ tiêu (cũ 1)", cellAddress(row, "p1"))).toBe(0.9);
  });

  it("asks about a reworded indicator, then writes what the official decided: the same row, or kept apart", async () => {
    const reworded = original.replace("(7) Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến 95%.", "(7) Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình 95%.");
    for (const choice of ["same", "apart"] as const) {
      const { excel } = await loaded();
      const state = await readReport(excel.context());
      const row = state!.reading.rows.find((r) => r.id === "1.5.7")!;
      type(excel, "Chỉ tiêu", cellAddress(row, "p1"), 0.8);
      type(excel, "Chỉ tiêu", cellAddress(row, "note"), "Theo Cổng DVC tỉnh");
      const pairs = await proposeUpdate(excel.context(), parsePlan(reworded));
      expect(pairs!.map((p) => [p.oldCode, p.newCode])).toEqual([["1.5.7", "1.5.7"]]);
      const decisions = { indicators: new Map([["1.5.7", choice === "same" ? "1.5.7" : null]]), tasks: new Map<string, string | null>() };
      const result = await updateWorkbook(excel.context(), parsePlan(reworded), decisions, { supports: () => true, planId: "phuoc-binh-2026", today: "2026-04-10" });
      const after = await readReport(excel.context());
      const fresh = after!.reading.rows.find((r) => r.id === "1.5.7")!;
      expect(fresh.name).toMatch(/tiếp nhận và giải quyết trực tuyến toàn trình/);
      if (choice === "same") {
        expect(result!.summary.doubtful).toEqual([expect.objectContaining({ oldCode: "1.5.7", joined: true })]);
        expect(fresh.entry).toMatchObject({ periods: [0.8, null, null, null], note: "Theo Cổng DVC tỉnh" });
        expect(after!.reading.rows.filter((r) => /cũ/.test(r.id))).toEqual([]);
      } else {
        expect(result!.summary.doubtful).toEqual([expect.objectContaining({ oldCode: "1.5.7", joined: false })]);
        expect(fresh.entry.periods).toEqual([null, null, null, null]);
        const aside = after!.reading.rows.find((r) => r.id === "1.5.7 (cũ)")!;
        expect(aside.name).toMatch(/xử lý trực tuyến/);
        expect(aside.entry.periods[0]).toBe(0.8);
        expect(aside.entry.note).toMatch(/^Theo Cổng DVC tỉnh/);
      }
    }
  });
});
