import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { memoryIo } from "../support/memoryIo";
import { noDiacritics, quarterBlock } from "../support/templates";

// Reading and writing workbooks takes seconds on a busy 2-core machine, not jest's default 5.
jest.setTimeout(60000);

describe("chitieu annotate", () => {
  it("writes the annotated copy, prints the mapping and every row's status, and keeps the original", async () => {
    const original = await quarterBlock.build();
    const { cliIo, out, err, written } = memoryIo({ "bang.xlsx": original });
    expect(await runCli(["annotate", "bang.xlsx", "--period", "Quý II/2026", "--date", "30/06/2026", "--out", "bang-danh-gia.xlsx"], cliIo)).toBe(0);
    expect([...written.keys()]).toEqual(["bang-danh-gia.xlsx"]);
    expect(out[0]).toContain('trang "Theo dõi quý", 4 chỉ tiêu, kỳ Quý II/2026');
    expect(out[0]).toContain("Cột đánh giá thêm từ cột K");
    expect(out[0]).toContain('E "Kết quả thực hiện Quý I": Kết quả thực hiện');
    expect(out[0]).toMatch(/dòng 9 +2 +Chậm tiến độ +Đạt 84% lộ trình/);
    expect(out[0]).toContain("dòng 14: dòng tổng — Tổng cộng");
    expect(err.join("\n")).toContain('Cột I "Lũy kế" không ghi kỳ');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written.get("bang-danh-gia.xlsx") as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Cấu hình")!.getCell("B6").value).toBe("Quý II");
  });

  it("prints the mapping and the rows read as JSON", async () => {
    const { cliIo, out } = memoryIo({ "s.xlsx": await noDiacritics.build() });
    expect(await runCli(["annotate", "s.xlsx", "--period", "6 tháng đầu năm 2026", "--out", "o.xlsx", "--json"], cliIo)).toBe(0);
    const json = JSON.parse(out[0]!);
    expect(json.columns.map((c: { role: string }) => c.role)).toContain("baseline");
    // CT02: 520 files by June is a 4% rise on 500, 40% of the 9.9% the roadmap of a 20% rise expects by then.
    expect(json.rows.find((r: { id: string }) => r.id === "CT02")).toMatchObject({ row: 5, status: "Cảnh báo", reason: "Dưới 50% lộ trình (đạt 40%)", baseline: { col: 4 } });
  });

  it("sends an annotated table to the province: export reads it through its mapping", async () => {
    const a = memoryIo({ "bang.xlsx": await quarterBlock.build() });
    expect(await runCli(["annotate", "bang.xlsx", "--period", "Quý II/2026", "--unit", "UBND xã Định Quán", "--out", "da-gan.xlsx"], a.cliIo)).toBe(0);
    const b = memoryIo({ "da-gan.xlsx": a.written.get("da-gan.xlsx") as Uint8Array });
    expect(await runCli(["export", "da-gan.xlsx"], b.cliIo)).toBe(0);
    const [csvName, csv] = [...b.written].find(([name]) => name.endsWith(".csv"))! as [string, string];
    expect(csvName).toMatch(/^CDS_UBND-xa-Dinh-Quan-.*_Quy-II-2026\.csv$/);
    // Số lớp adds its quarters (3 + 2) and lags the roadmap, as in the workbook.
    expect(csv).toContain("chỉ tiêu,2,Số lớp bồi dưỡng kỹ năng số cho người dân,5,Chậm tiến độ,Đạt 84% lộ trình");
  });

  it("refuses to update an annotated table from an amended appendix, even with --force, as the pane does: nothing written", async () => {
    const a = memoryIo({ "bang.xlsx": await quarterBlock.build() });
    expect(await runCli(["annotate", "bang.xlsx", "--period", "Quý II/2026", "--out", "da-gan.xlsx"], a.cliIo)).toBe(0);
    const b = memoryIo({ "da-gan.xlsx": a.written.get("da-gan.xlsx") as Uint8Array });
    expect(await runCli(["update", "da-gan.xlsx", "--plan", "thong-nhat-2026", "--out", "moi.xlsx", "--force"], b.cliIo)).toBe(1);
    expect(b.err.join("\n")).toContain('Sổ này dùng bảng có sẵn của đơn vị (trang "Theo dõi quý"): cập nhật theo phụ lục sửa đổi chỉ dùng cho sổ chuẩn');
    expect(b.written.size).toBe(0);
  });

  it("exits non-zero and writes nothing when the table is not understood, the period is missing or the output exists", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getRow(1).values = ["Họ tên", "Địa chỉ"];
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const a = memoryIo({ "x.xlsx": bytes });
    expect(await runCli(["annotate", "x.xlsx", "--period", "Quý IV/2026", "--out", "y.xlsx"], a.cliIo)).toBe(1);
    expect(a.err.join("\n")).toMatch(/Không nhận ra bảng chỉ tiêu trên trang "Sheet1".*A "Họ tên", B "Địa chỉ"/);
    expect(a.written.size).toBe(0);
    const b = memoryIo({ "x.xlsx": bytes });
    expect(await runCli(["annotate", "x.xlsx", "--out", "y.xlsx"], b.cliIo)).toBe(1);
    expect(b.err.join("\n")).toContain("Thiếu --period");
    const c = memoryIo({ "x.xlsx": await quarterBlock.build(), "y.xlsx": "cũ" });
    expect(await runCli(["annotate", "x.xlsx", "--period", "Quý IV/2026", "--out", "y.xlsx"], c.cliIo)).toBe(1);
    expect(c.err.join("\n")).toContain('Tệp "y.xlsx" đã có');
    expect(c.written.size).toBe(0);
  });
});
