import ExcelJS from "exceljs";
import { judge, type JudgeSettings } from "../../src/core/judge";
import { parsePeriod } from "../../src/core/period";
import type { Plan } from "../../src/core/plan";
import { consolidate, consolidationWorkbook } from "../../src/province/consolidate";
import { exportCsv, exportName } from "../../src/province/export";
import { readReportFile } from "../../src/province/readReportFile";
import { renderXlsx } from "../../src/render/xlsx";
import { consolidateFiles } from "../../src/taskpane/province";
import { buildWorkbook } from "../../src/workbook/build";
import type { IndicatorEntry } from "../../src/workbook/indicatorSheet";
import { STATUS_STYLE } from "../../src/workbook/theme";
import { seedPlan } from "../support/seeds";

const thongNhat = seedPlan("thong-nhat-2026");
const phuocBinh = seedPlan("phuoc-binh-2026");
const judgeSettings: JudgeSettings = { period: parsePeriod("Quý II/2026", "quarter")!, frequency: "quarter", warnThreshold: 0.5 };

async function unitFile(plan: Plan, unit: string, reportDate: string, values: Record<string, number | string>, planId = "thong-nhat-2026") {
  const entries = new Map<string, IndicatorEntry>(Object.entries(values).map(([id, v]) => [id, { periods: [null, v, null, null], evidence: "Hợp lệ" }]));
  const { spec } = buildWorkbook({
    plan,
    settings: { unit, period: judgeSettings.period, frequency: "quarter", reportDate, warnThreshold: 0.5, planId, productVersion: "0.1.0" },
    indicatorEntries: entries,
  });
  return { bytes: await renderXlsx(spec), entries };
}

async function withSchema(bytes: Uint8Array, schema: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  wb.getWorksheet("_CDS")!.getCell("B2").value = schema;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the province", () => {
  it("in the pane, reads the chosen files one at a time and never opens one over the size limit", async () => {
    const { bytes } = await unitFile(thongNhat, "UBND xã Thống Nhất", "2026-07-03", { "A.1": 0.5 });
    const good = { name: "thong-nhat.xlsx", size: bytes.length, arrayBuffer: jest.fn(async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) };
    const huge = { name: "ban-chup-ca-thu-muc.xlsx", size: 300 * 1024 * 1024, arrayBuffer: jest.fn(async () => new ArrayBuffer(0)) };
    const { result } = await consolidateFiles([huge, good] as unknown as File[], []);
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(result.log).toEqual([
      { file: "ban-chup-ca-thu-muc.xlsx", message: "bỏ qua: tệp lớn 300 MB, vượt giới hạn 20 MB: không đọc" },
      { file: "thong-nhat.xlsx", message: "đã đọc: UBND xã Thống Nhất, 29 chỉ tiêu" },
    ]);
    expect(result.units.map((u) => u.unit)).toEqual(["UBND xã Thống Nhất"]);
  });

  it("exports a report as CDS_<unit>_<period>.xlsx in ASCII and a UTF-8 CSV with a BOM", async () => {
    const { bytes } = await unitFile(thongNhat, "UBND xã Thống Nhất", "2026-07-03", { "A.1": 0.5, "C.18": "Hoàn thành" });
    const read = await readReportFile("so.xlsx", bytes);
    expect(read.report!.config).toMatchObject({ unit: "UBND xã Thống Nhất", choice: "Quý II", year: 2026, reportDate: "2026-07-03" });
    expect(read.report!.meta).toMatchObject({ kind: "chitieu-bao-cao", schema: 1, productVersion: "0.1.0", planId: "thong-nhat-2026" });
    expect(read.report!.meta.codes).toHaveLength(29);
    expect(exportName("UBND xã Thống Nhất", "Quý II 2026", "xlsx")).toBe("CDS_UBND-xa-Thong-Nhat-g9w7u_Quy-II-2026.xlsx");
    // Two units that differ only by a tone mark never share a file name; tone placement ("Hoà"/"Hòa") is one name.
    expect(exportName("UBND xã Tân Hòa", "Quý II 2026", "xlsx")).not.toBe(exportName("UBND xã Tân Hóa", "Quý II 2026", "xlsx"));
    expect(exportName("UBND xã Tân Hoà", "Quý II 2026", "csv")).toBe(exportName("UBND xã  Tân Hòa", "Quý II 2026", "csv").replace("UBND-xa", "UBND-xa"));
    const csv = exportCsv(read.report!);
    expect(csv.startsWith("\uFEFFloai,ma,noi_dung,gia_tri,trang_thai,ly_do")).toBe(true);
    expect(csv).toContain("chỉ tiêu,A.1,Tỷ lệ phủ sóng 5G trên địa bàn,50,Đúng tiến độ,Đạt 144% lộ trình,Hợp lệ,,,");
    expect(csv).toContain("chỉ tiêu,C.18,");
  });

  describe("consolidation", () => {
    let result: Awaited<ReturnType<typeof consolidate>>;
    const units: Record<string, { entries: Map<string, IndicatorEntry>; plan: Plan }> = {};

    beforeAll(async () => {
      const a = await unitFile(thongNhat, "UBND xã Thống Nhất", "2026-07-03", { "A.1": 0.7, "A.2": 0.2, "B.2": 1, "C.6": 0.95, "C.18": "Hoàn thành" });
      const b = await unitFile(phuocBinh, "UBND phường Phước Bình", "2026-07-04", { "1.1.1": 0.65, "1.1.2": 0.3, "1.5.7": 0.9, "1.5.1": 12 }, "phuoc-binh-2026");
      const c1 = await unitFile(thongNhat, "UBND xã Gia Tân", "2026-07-02", { "A.1": 0.1 });
      const c2 = await unitFile(thongNhat, "UBND xã Gia Tân", "2026-07-09", { "A.1": 0.4, "C.6": 0.96 });
      const foreign = new ExcelJS.Workbook();
      foreign.addWorksheet("Sheet1").getCell("A1").value = "Bảng lương";
      const old = await withSchema(a.bytes, 0);
      units["UBND xã Thống Nhất"] = { entries: a.entries, plan: thongNhat };
      units["UBND phường Phước Bình"] = { entries: b.entries, plan: phuocBinh };
      units["UBND xã Gia Tân"] = { entries: c2.entries, plan: thongNhat };
      result = await consolidate(
        [
          { name: "CDS_Thong-Nhat.xlsx", bytes: a.bytes },
          { name: "CDS_Phuoc-Binh.xlsx", bytes: b.bytes },
          { name: "CDS_Gia-Tan_lan1.xlsx", bytes: c1.bytes },
          { name: "CDS_Gia-Tan_lan2.xlsx", bytes: c2.bytes },
          { name: "ghi-chu.txt", bytes: new TextEncoder().encode("không phải sổ tính") },
          { name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) },
          { name: "bang-luong.xlsx", bytes: new Uint8Array((await foreign.xlsx.writeBuffer()) as ArrayBuffer) },
          { name: "ban-cu.xlsx", bytes: old },
        ],
        { expectedUnits: ["UBND xã Thống Nhất", "UBND phường Phước Bình", "UBND xã Gia Tân", "UBND xã Xuân Lộc"], due: "2026-07-05" },
      );
    }, 60000);

    it("says what happened to every file and goes on", () => {
      expect(result.log.map((l) => `${l.file}: ${l.message}`)).toEqual([
        "CDS_Thong-Nhat.xlsx: đã đọc: UBND xã Thống Nhất, 29 chỉ tiêu",
        "CDS_Phuoc-Binh.xlsx: đã đọc: UBND phường Phước Bình, 36 chỉ tiêu",
        "CDS_Gia-Tan_lan1.xlsx: đã đọc: UBND xã Gia Tân, 29 chỉ tiêu",
        "CDS_Gia-Tan_lan2.xlsx: đã đọc: UBND xã Gia Tân, 29 chỉ tiêu",
        "ghi-chu.txt: bỏ qua: không phải sổ tính Excel (.xlsx)",
        "hong.xlsx: bỏ qua: tệp hỏng, không mở được",
        "bang-luong.xlsx: bỏ qua: không phải sổ báo cáo của Chỉ tiêu số (thiếu trang thông tin tệp, Chỉ tiêu hoặc Cấu hình)",
        "ban-cu.xlsx: bỏ qua: lập bằng phiên bản cũ (0.1.0, cấu trúc 0); hãy mở bằng bản mới rồi xuất lại",
        'CDS_Gia-Tan_lan1.xlsx: trùng đơn vị "UBND xã Gia Tân" với CDS_Gia-Tan_lan2.xlsx; dùng báo cáo ngày 09/07/2026 (báo cáo sau)',
      ]);
    });

    it("lists the units that have not reported and those that reported late", () => {
      expect(result.missing).toEqual(["UBND xã Xuân Lộc"]);
      expect(result.units.filter((u) => u.late).map((u) => u.unit)).toEqual(["UBND xã Gia Tân"]);
    });

    it("fills the matrix with each unit's statuses as the rules judge them, cell by cell", () => {
      for (const u of result.units) {
        const { entries, plan } = units[u.unit]!;
        for (const [key, cell] of u.cells) {
          const ind = plan.indicators.find((i) => i.id === cell.code)!;
          expect([u.unit, key, cell.status]).toEqual([u.unit, key, judge(ind, entries.get(ind.id) ?? { periods: [] }, judgeSettings).status]);
        }
        expect(u.total).toBe(plan.indicators.length);
      }
    });

    it("matches the same indicator worded differently by two units, and keeps different ones apart", () => {
      const col = (unit: string, code: string) => result.indicators.find((i) => result.units.find((u) => u.unit === unit)!.cells.get(i.key)?.code === code)!;
      // "Tỷ lệ phủ sóng 5G trên địa bàn" (Thống Nhất A.1) and "... đạt từ 60% dân số trở lên" (Phước Bình 1.1.1).
      expect(col("UBND phường Phước Bình", "1.1.1").key).toBe(col("UBND xã Thống Nhất", "A.1").key);
      expect(col("UBND phường Phước Bình", "1.5.7").key).toBe(col("UBND xã Thống Nhất", "C.6").key);
      // The rank target exists only in Phước Bình's plan: its own column.
      const rank = col("UBND phường Phước Bình", "1.5.1");
      expect(result.units.find((u) => u.unit === "UBND xã Thống Nhất")!.cells.has(rank.key)).toBe(false);
      // Doubtful pairings stay in their own column and are listed for a person, with their score:
      // per-user vs per-household broadband, small and medium enterprises vs all enterprises. The second
      // unit of the same plan joins the first one's column, surely.
      expect(result.uncertain.map((d) => [d.unit, d.code, d.matchedCode, d.score])).toEqual([
        ["UBND xã Gia Tân", "A.2", "1.1.2", 0.68],
        ["UBND xã Gia Tân", "C.15", "1.5.17", 0.67],
      ]);
      const a2 = col("UBND xã Gia Tân", "A.2");
      expect(a2.key).not.toBe(col("UBND phường Phước Bình", "1.1.2").key);
      expect(col("UBND xã Thống Nhất", "A.2").key).toBe(a2.key);
    });

    it("ranks units by share met, never across plans", () => {
      const byUnit = Object.fromEntries(result.units.map((u) => [u.unit, [u.met, u.total, u.rank]]));
      expect(byUnit["UBND xã Thống Nhất"]).toEqual([4, 29, 1]);
      // Gia Tân meets 1 of 29 (C.6 at 96%); Phước Bình 1 of 36 (1.1.1 at 65%), the only unit of its plan.
      expect(byUnit["UBND xã Gia Tân"]).toEqual([1, 29, 2]);
      expect(byUnit["UBND phường Phước Bình"]).toEqual([1, 36, 1]);
      expect(result.mixed).toEqual([
        "Báo cáo theo 2 kế hoạch khác nhau (phuoc-binh-2026: 1 đơn vị; thong-nhat-2026: 2 đơn vị); mỗi kế hoạch được xếp hạng riêng, chỉ tiêu được ghép theo cách diễn đạt.",
      ]);
    });

    it("writes the consolidated workbook with the same colours", async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await renderXlsx(consolidationWorkbook(result))) as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp tỉnh", "Ma trận trạng thái", "Ma trận giá trị", "Cần xác nhận", "Chưa báo cáo", "Nhật ký tệp"]);
      const m = wb.getWorksheet("Ma trận trạng thái")!;
      // More indicators than units: indicators down (code, wording as the unit wrote it), units across.
      const unitCol = [3, 4, 5].find((c) => m.getCell(3, c).value === "UBND xã Thống Nhất")!;
      const a1 = result.indicators.find((i) => result.units.find((u) => u.unit === "UBND xã Thống Nhất")!.cells.get(i.key)?.code === "A.1")!;
      expect(m.getCell(4 + a1.key, unitCol).value).toBe("Đạt");
      expect(m.getCell(4 + a1.key, 1).value).toBe("A.1");
      expect(m.getCell(4 + a1.key, 2).value).toBe(thongNhat.indicators.find((i) => i.id === "A.1")!.name);
      expect(m.getCell(3, 6).value).toBe("Tỷ lệ đơn vị đạt");
      const rules = (m as unknown as { conditionalFormattings: Array<{ rules: Array<{ formulae: string[]; style: { fill: { bgColor: { argb: string } } } }> }> }).conditionalFormattings.flatMap(
        (c) => c.rules,
      );
      expect(rules.find((r) => r.formulae[0]!.endsWith('="Đạt"'))!.style.fill.bgColor.argb).toBe(`FF${STATUS_STYLE["Đạt"].fill.slice(1)}`);
      expect(wb.getWorksheet("Chưa báo cáo")!.getCell("A2").value).toBe("UBND xã Xuân Lộc");
      const summary = wb.getWorksheet("Tổng hợp tỉnh")!;
      expect(summary.getCell("A3").value).toMatch(/^Lưu ý: Báo cáo theo 2 kế hoạch khác nhau/);
      // Readable on the white sheet: dark red text, no fill.
      expect(summary.getCell("A3").font.color).toEqual({ argb: `FF${STATUS_STYLE["Không đạt"].fill.slice(1)}` });
      expect(summary.getCell("A3").fill?.type !== "pattern" || (summary.getCell("A3").fill as { pattern: string }).pattern === "none").toBe(true);
      expect(summary.getRow(6).values).toEqual([undefined, 1, "UBND xã Thống Nhất", "Quý II/2026", "03/07/2026", "", 29, 4, 4 / 29, "CDS_Thong-Nhat.xlsx"].map((v) => (v === "" ? undefined : v)));
    });
  });
});
