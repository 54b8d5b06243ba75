import { runCli, type CliIo } from "../../src/cli/main";

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cliIo: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (p) => {
      if (!(p in files)) throw new Error("ENOENT");
      return files[p];
    },
  };
  return { cliIo, out, err };
}

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
    const plan = JSON.parse(out[0]);
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
});
