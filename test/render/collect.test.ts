import { collectForms, collectedWrites } from "../../src/actions/collect";
import { issueForms } from "../../src/actions/forms";
import { readReportFile } from "../../src/province/readReportFile";
import { renderToExcel } from "../../src/render/office";
import { applyCollected, readReport } from "../../src/taskpane/office/report";
import { buildWorkbook } from "../../src/workbook/build";
import { colLetter } from "../../src/workbook/spec";
import { TASK_COLUMNS, taskCol } from "../../src/workbook/taskSheet";
import { readTaskSheet } from "../../src/reading/readBack";
import { FakeExcel } from "../support/fakeExcel";
import { fill } from "../support/forms";
import { seedPlan } from "../support/seeds";
import { testSettings } from "../support/settings";

// Forms are real .xlsx files written and read with ExcelJS: seconds on a busy machine.
jest.setTimeout(60000);

/** Phước Bình's book open in the strict Excel double, with a note already typed on task II.3. */
async function openBook() {
  const excel = new FakeExcel();
  const { spec, layout } = buildWorkbook({ plan: seedPlan("phuoc-binh-2026"), settings: testSettings({ unit: "Đảng ủy phường Phước Bình", period: "Quý I/2026", reportDate: "2026-04-05" }) });
  await renderToExcel(excel.context(), spec, { supports: () => true, chart: layout.chart });
  const book = (await readReport(excel.context()))!;
  const row = book.tasks.find((t) => t.id === "II.3")!.row;
  excel.sheet("Nhiệm vụ").cells.set(`${colLetter(taskCol("note"))}${row}`, { formula: "Đã có dự thảo", format: "General" });
  return { excel, row };
}

describe("Thu phiếu into the open workbook", () => {
  it("writes the values taken from a form into the right cells of the protected sheets, in two syncs", async () => {
    const { excel, row } = await openBook();
    const book = (await readReport(excel.context()))!;
    const issued = await issueForms(book);
    const police = issued.forms.find((f) => f.department === "Công an phường")!;
    const returned = await fill(
      police.bytes,
      [
        { code: "II.3", column: "Tiến độ", value: "Hoàn thành" },
        { code: "II.3", column: "Ghi chú", value: "Đã ban hành quy chế" },
      ],
      {},
      "Nhiệm vụ",
    );
    const form = { file: "cong-an.xlsx", report: (await readReportFile("cong-an.xlsx", returned)).report!, modified: null };
    const first = collectForms(book, [form]);
    expect(first.conflicts.map((c) => [c.code, c.label, c.book, c.form])).toEqual([["II.3", "Ghi chú", "Đã có dự thảo", "Đã ban hành quy chế"]]);
    const collection = collectForms(book, [form], new Set(first.conflicts.map((c) => c.key)));
    const writes = collectedWrites(book, collection.taken);
    expect(writes.map((w) => `${w.sheet}!${w.address}`)).toEqual([`Nhiệm vụ!${colLetter(taskCol("progress"))}${row}`, `Nhiệm vụ!${colLetter(taskCol("note"))}${row}`]);

    const before = excel.syncs;
    expect(await applyCollected(excel.context(), writes)).toBe(2);
    expect(excel.syncs - before).toBe(2);
    const after = (await readReport(excel.context()))!.tasks.find((t) => t.id === "II.3")!;
    expect(after.entry).toMatchObject({ progress: "Hoàn thành", note: "Đã ban hành quy chế" });
    expect(excel.sheet("Nhiệm vụ").protected).toBe(true);
  });

  it("writes nothing when a cell changed after the forms were read", async () => {
    const { excel, row } = await openBook();
    const book = (await readReport(excel.context()))!;
    const police = (await issueForms(book)).forms.find((f) => f.department === "Công an phường")!;
    const returned = await fill(police.bytes, [{ code: "II.3", column: "Tiến độ", value: "Hoàn thành" }], {}, "Nhiệm vụ");
    const form = { file: "cong-an.xlsx", report: (await readReportFile("cong-an.xlsx", returned)).report!, modified: null };
    const writes = collectedWrites(book, collectForms(book, [form]).taken);
    const progress = `${colLetter(taskCol("progress"))}${row}`;
    excel.sheet("Nhiệm vụ").cells.set(progress, { formula: "Đang triển khai", format: "General" });
    await expect(applyCollected(excel.context(), writes)).rejects.toThrow(`Các ô Nhiệm vụ!${progress} đã thay đổi từ khi đọc phiếu. Chưa ghi gì`);
    expect(excel.sheet("Nhiệm vụ").cells.get(progress)!.formula).toBe("Đang triển khai");
  });

  it("writes a task's value in the column its header names when the official inserted a column before it", () => {
    const titles = TASK_COLUMNS.map(([, title]) => title as string);
    const header = [...titles.slice(0, 2), "Cột của xã", ...titles.slice(2)];
    const row = header.map((t) => (t === "Mã" ? "II.3" : t === "Nhiệm vụ" ? "Xây dựng quy chế" : t === "Đơn vị chủ trì" ? "Công an phường" : ""));
    const tasks = readTaskSheet([[], [], header, row]);
    const book = { reading: { rows: [], frequency: "quarter" as const, missing: [], headerRow: 3, repeatedCodes: [] }, tasks, config: testSettingsConfig(), meta: null };
    const taken = [{ department: "Công an phường", file: "f.xlsx", kind: "task" as const, code: "II.3", field: "progress" as const, label: "Tiến độ", book: null, form: "Hoàn thành", key: "k" }];
    expect(collectedWrites(book, taken)).toEqual([{ sheet: "Nhiệm vụ", address: `${colLetter(taskCol("progress") + 1)}4`, before: "", value: "Hoàn thành" }]);
  });
});

function testSettingsConfig() {
  return { unit: "Đảng ủy phường Phước Bình", planTitle: "", year: 2026, choice: "Quý I", reportDate: "2026-04-05", warnThreshold: 0.5, frequency: "quarter" as const };
}
