import { runCli } from "../../src/cli/main";
import { memoryIo } from "../support/memoryIo";

const io = memoryIo;

describe("chitieu CLI", () => {
  it("lists the catalogue with each plan's counts", async () => {
    const { cliIo, out } = io();
    expect(await runCli(["plans"], cliIo)).toBe(0);
    expect(out[0]).toMatch(/^thong-nhat-2026\s+29 chỉ tiêu\s+0 nhiệm vụ/m);
    expect(out[0]).toMatch(/^phuoc-binh-2026\s+36 chỉ tiêu\s+32 nhiệm vụ/m);
  });

  it("prints the plan as JSON in the documented shape", async () => {
    const { cliIo, out } = io();
    expect(await runCli(["parse", "--plan", "thong-nhat-2026", "--json"], cliIo)).toBe(0);
    const plan = JSON.parse(out[0]!);
    expect(plan.years).toEqual([2026]);
    expect(plan.indicators).toHaveLength(29);
    expect(plan.indicators.find((i: { code: string }) => i.code === "C.11")).toMatchObject({
      code: "C.11",
      group: "Phát triển chuyển đổi số",
      unit: "%",
      kind: "level",
      targets: [{ year: 2026, deadline: "2026-12-31", op: ">=", value: 100, upper: null, text: "100%" }],
      baseline: null,
      lead: "Trung tâm Phục vụ HCC",
      partners: "Các cơ quan, đơn vị thuộc xã",
    });
  });

  it("reads a file and prints a Vietnamese summary with warnings and their lines", async () => {
    const text = "STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026\n1\tTỷ lệ A\t≥ 80%\n2\tTỷ lệ B\t12/34";
    const { cliIo, out } = io({ "pl.txt": text });
    expect(await runCli(["parse", "pl.txt"], cliIo)).toBe(0);
    expect(out[0]).toContain("Chỉ tiêu: 2");
    expect(out[0]).toContain("chỉ tiêu: ≥ 80% (2026)");
    expect(out[0]).toContain('dòng 3: Không đọc được chỉ tiêu "12/34"');
  });

  it("explains a missing file in Vietnamese and exits non-zero", async () => {
    const { cliIo, err } = io();
    expect(await runCli(["parse", "khong-co.txt"], cliIo)).toBe(1);
    expect(err[0]).toBe('Lỗi: Không mở được tệp "khong-co.txt" và cũng không có kế hoạch mẫu mã "khong-co.txt". Gõ "chitieu plans" để xem các mã.');
    expect(await runCli(["lam-gi"], cliIo)).toBe(2);
  });

  it("evaluates a results file for a period, on the document's scale", async () => {
    const csv = 'code,value,evidence\nA.1,50,\nB.2,20,Hợp lệ\nC.6,95,Không hợp lệ\nC.18,Đang triển khai,\nC.1,"90,0",\nX.9,1,\n';
    const { cliIo, out, err } = io({ "kq.csv": csv });
    expect(await runCli(["evaluate", "--plan", "thong-nhat-2026", "--results", "kq.csv", "--period", "Quý II/2026", "--json"], cliIo)).toBe(0);
    const report = JSON.parse(out[0]!);
    const byCode = new Map(report.indicators.map((r: { code: string }) => [r.code, r]));
    expect(report.period).toBe("Quý II/2026");
    expect(byCode.get("A.1")).toEqual({ code: "A.1", status: "Đúng tiến độ", reason: "Đạt 144% lộ trình", value: 50, ratio: 0.714286, expected: 34.712329, progress: 1.44041 });
    expect(byCode.get("B.2")).toMatchObject({ status: "Cảnh báo", reason: "Dưới 50% lộ trình (đạt 40%)" });
    expect(byCode.get("C.6")).toMatchObject({ status: "Cảnh báo", reason: "Minh chứng không hợp lệ" });
    expect(byCode.get("C.18")).toMatchObject({ status: "Đúng tiến độ", reason: "Đang triển khai" });
    expect(byCode.get("C.1")).toMatchObject({ status: "Đạt", value: 90 });
    expect(byCode.get("C.2")).toMatchObject({ status: "Chưa có số liệu" });
    expect(err).toEqual(['Cảnh báo — dòng 7: Không có chỉ tiêu hay nhiệm vụ mã "X.9" trong kế hoạch']);
  });

  it("refuses a period it cannot read, in Vietnamese", async () => {
    const { cliIo, err } = io({ "kq.csv": "code,value\n" });
    expect(await runCli(["evaluate", "--plan", "thong-nhat-2026", "--results", "kq.csv", "--period", "Quý 5/2026"], cliIo)).toBe(1);
    expect(err[0]).toBe('Lỗi: Không hiểu kỳ báo cáo "Quý 5/2026". Ví dụ: "Quý II/2026", "Tháng 5/2026", "6 tháng đầu năm 2026", "Năm 2026"');
  });

  it("writes the workbook as an .xlsx file", async () => {
    const { cliIo, out, written } = io();
    expect(await runCli(["workbook", "--plan", "phuoc-binh-2026", "--out", "so.xlsx", "--period", "Quý I/2026"], cliIo)).toBe(0);
    const file = written.get("so.xlsx") as Uint8Array;
    expect(Buffer.from(file.slice(0, 2)).toString()).toBe("PK");
    expect(out[0]).toBe("Đã ghi sổ báo cáo so.xlsx: 36 chỉ tiêu, 32 nhiệm vụ, kỳ Quý I/2026.");
  });
});
