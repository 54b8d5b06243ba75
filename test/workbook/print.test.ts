import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { consolidate, consolidationWorkbook } from "../../src/province/consolidate";
import { renderXlsx } from "../../src/render/xlsx";
import { buildWorkbook } from "../../src/workbook/build";
import { colLetter } from "../../src/workbook/spec";
import { TASK_HEADER_ROW, taskCol } from "../../src/workbook/taskSheet";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { testSettings } from "../support/settings";
import { seedPlan } from "../support/seeds";

/** The workbooks on A4, as LibreOffice prints them to PDF: what a leader gets on paper. */

jest.setTimeout(240000);

const settings = (unit: string, period = "6 tháng đầu năm 2026") => testSettings({ unit, period });
const phuocBinh = seedPlan("phuoc-binh-2026");
const thongNhat = seedPlan("thong-nhat-2026");
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8", timeout: 60000 }))![1]);

describe("the report on paper", () => {
  it("prints a leader's columns of Nhiệm vụ, with the title merged over them and tall enough for the plan's long name", () => {
    const { spec, layout } = buildWorkbook({ plan: phuocBinh, settings: settings("Đảng ủy phường Phước Bình") });
    const tasks = spec.sheets.find((s) => s.name === "Nhiệm vụ")!;
    const reason = colLetter(taskCol("reason"));
    expect(tasks.print.area).toBe(`A1:${reason}${layout.tasks!.lastRow}`);
    expect(tasks.rows[TASK_HEADER_ROW - 1]!.slice(0, taskCol("reason")).map((c) => c?.v)).toEqual(["Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ", "Trạng thái", "Lý do"]);
    expect(tasks.merges).toContain(`A1:${reason}1`);
    // Phước Bình's title is 170 characters: two lines of 13 pt at least.
    expect(tasks.rowHeights[1]).toBeGreaterThanOrEqual(36);
    const indicators = spec.sheets[0];
    expect(indicators!.merges).toContain(`A2:${indicators!.print.area!.split(":")[1]!.replace(/\d+$/, "")}2`);
    expect(indicators!.rowHeights[2]).toBeGreaterThan(15);
  });

  it("stays within 8 A4 pages for 36 indicators and 32 tasks; the province's 3 units within 10", async () => {
    if (!libreOfficeAvailable()) throw new Error("Cần LibreOffice (soffice) và pdfinfo: apt-get install -y libreoffice-calc poppler-utils");
    const dir = mkdtempSync(join(tmpdir(), "chitieu-print-"));
    const unit = (plan: typeof thongNhat, name: string) => renderXlsx(buildWorkbook({ plan, settings: settings(name, "Quý II/2026") }).spec);
    writeFileSync(join(dir, "so.xlsx"), await renderXlsx(buildWorkbook({ plan: phuocBinh, settings: settings("Đảng ủy phường Phước Bình") }).spec));
    const batch = await consolidate([
      { name: "a.xlsx", bytes: await unit(thongNhat, "UBND xã Thống Nhất") },
      { name: "b.xlsx", bytes: await unit(thongNhat, "UBND xã Gia Tân") },
      { name: "c.xlsx", bytes: await unit(phuocBinh, "UBND phường Phước Bình") },
    ]);
    writeFileSync(join(dir, "tinh.xlsx"), await renderXlsx(consolidationWorkbook(batch)));
    const out = convert([join(dir, "so.xlsx"), join(dir, "tinh.xlsx")], "pdf");
    expect(pages(join(out, "so.pdf"))).toBeLessThanOrEqual(8);
    expect(pages(join(out, "tinh.pdf"))).toBeLessThanOrEqual(10);
  });
});
