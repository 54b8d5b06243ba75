import { findProseTargets, kindOf, parseTargetCell } from "../../src/core/target";
import { parseDeadline } from "../../src/core/deadline";
import { parseViNumber } from "../../src/core/text/numbers";
import { cleanLine } from "../../src/core/text/clean";

const ctx = { year: 2026, deadline: "2026-12-31" };
const cell = (text: string, unitColumn?: string) => {
  const { target, problem } = parseTargetCell(text, { ...ctx, unitColumn });
  return { op: target.op, value: target.value, upper: target.upper, unit: target.unit, problem };
};

describe("Vietnamese numbers", () => {
  it.each([
    ["0,5", 0.5],
    ["1.000", 1000],
    ["1.200", 1200],
    ["01", 1],
    ["66.7", 66.7],
    ["1.234,5", 1234.5],
    ["100", 100],
  ])("%s is %d", (text, value) => expect(parseViNumber(text)).toBe(value));
  it("rejects what is not a number", () => expect(parseViNumber("5G")).toBeNull());
});

describe("target cells", () => {
  it.each([
    ["≥ 80%", ">=", 80, "%"],
    [">= 80 %", ">=", 80, "%"],
    ["$\\geq 60\\%$", ">=", 60, "%"],
    ["<math>\\geq 90\\%</math>", ">=", 90, "%"],
    ["tối thiểu 70%", ">=", 70, "%"],
    ["ít nhất 01 cuộc thi", ">=", 1, "cuộc thi"],
    ["từ 60% trở lên", ">=", 60, "%"],
    ["trên 85%", ">", 85, "%"],
    ["> 80%", ">", 80, "%"],
    ["70%", ">=", 70, "%"],
    ["100%.", ">=", 100, "%"],
    ["≤ 5%", "<=", 5, "%"],
    ["tối đa 2%", "<=", 2, "%"],
    ["không quá 3 ngày", "<=", 3, null],
    ["không vượt quá 10%", "<=", 10, "%"],
    ["dưới 2%", "<", 2, "%"],
    ["< 2%", "<", 2, "%"],
    ["10 buổi/năm", ">=", 10, "buổi/năm"],
    ["≥ 2%/năm", ">=", 2, "%/năm"],
    ["$\\geq 2\\%/năm$", ">=", 2, "%/năm"],
    ["84 nền tảng", ">=", 84, "nền tảng"],
    ["Tối thiểu 01 mô hình", ">=", 1, "mô hình"],
    ["Giảm 70%", "giảm", 70, "%"],
    ["0,5%", ">=", 0.5, "%"],
    ["1.000 người", ">=", 1000, "người"],
  ])("%s", (text, op, value, unit) => {
    expect(cell(text)).toMatchObject({ op, value, unit });
  });

  it("reads a bare number under a % unit column as a percentage", () => {
    expect(cell("100", "%")).toMatchObject({ op: ">=", value: 100, unit: "%" });
  });

  it("reads a range", () => {
    expect(cell("60 - 80%")).toMatchObject({ op: ">=", value: 60, upper: 80, unit: "%" });
    expect(cell("từ 60% đến 80%")).toMatchObject({ op: ">=", value: 60, upper: 80, unit: "%" });
  });

  it("reads a rank as at most N", () => {
    const r = parseTargetCell("trong nhóm 10 đơn vị dẫn đầu", ctx).target;
    expect(r).toMatchObject({ op: "<=", value: 10, rank: true });
  });

  it.each(["Đạt", "Hoàn thành", "Có", "Duy trì", "Ổn định", "Hoàn thành giai đoạn 1", "Thí điểm, hình thành mô hình", "Hoàn thành liên thông 08 lĩnh vực"])("%s is a done target", (text) =>
    expect(cell(text)).toMatchObject({ op: "done", value: null }),
  );

  it("has no target when the cell is empty", () => expect(cell("")).toMatchObject({ op: "none" }));

  it("says so when a cell holds two values", () => {
    expect(cell("≥ 60%; 80%").problem).toMatch(/nhiều giá trị/);
  });
});

describe("targets in prose", () => {
  const prose = (s: string) => findProseTargets(cleanLine(s), ctx).map((p) => [p.target.op, p.target.value, p.target.unit, p.target.text]);
  it("ignores speeds, levels and document numbers", () => {
    expect(prose("Tỷ lệ hộ gia đình có khả năng truy cập băng rộng cố định với tốc độ 01 Gbps đạt từ 70% trở lên.")).toEqual([[">=", 70, "%", "đạt từ 70% trở lên"]]);
    expect(prose("Trên 80% hộ gia đình có khả năng tiếp cận mạng Internet băng rộng cáp quang với tốc độ 1Gb/s.")).toEqual([[">", 80, "%", "Trên 80%"]]);
    expect(prose("Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử mức 2 (VNeID) đạt 100%.")).toEqual([[">=", 100, "%", "100%"]]);
  });
  it("finds both targets of a two-target line", () => {
    const found = prose("(16) Tỷ lệ cơ sở dữ liệu được số hóa & liên thông $\\geq 60\\%$ ; tỷ lệ kết nối, chia sẻ đồng bộ cơ sở dữ liệu quốc gia  $80\\%$ .");
    expect(found.map((f) => f.slice(0, 3))).toEqual([
      [">=", 60, "%"],
      [">=", 80, "%"],
    ]);
  });
  it("reads 'tối đa' and per-year counts", () => {
    expect(prose("Tỷ lệ chi ngân sách địa phương chi cho chuyển đổi số tối đa 2%.")).toEqual([["<=", 2, "%", "tối đa 2%"]]);
    expect(prose("Truyền thông tuyên truyền kỹ năng số cho Tổ công nghệ số và người dân đạt 10 buổi/năm.")[0]!.slice(0, 3)).toEqual([">=", 10, "buổi/năm"]);
  });
  it("reads a rank", () => {
    expect(prose("Xếp hạng chỉ số chuyển đổi số cấp xã/phường: trong nhóm 10 đơn vị dẫn đầu.")[0]!.slice(0, 3)).toEqual(["<=", 10, "hạng"]);
  });
});

describe("indicator kind", () => {
  const t = (unit: string | null, op: ">=" | "done" | "none" = ">=") => [{ year: 2026, deadline: null, op, value: op === ">=" ? 1 : null, upper: null, unit, text: "" }];
  it("percentages are levels, per-year counts add up", () => {
    expect(kindOf(t("%"))).toBe("level");
    expect(kindOf(t("%/năm"))).toBe("level");
    expect(kindOf(t("buổi/năm"))).toBe("cumulative");
    expect(kindOf(t("cuộc thi"))).toBe("cumulative");
    expect(kindOf(t("nền tảng"))).toBe("level");
    expect(kindOf(t(null, "done"))).toBe("done");
    expect(kindOf(t(null, "none"))).toBe("qualitative");
  });
});

describe("deadlines", () => {
  it.each([
    ["Quý I/2026", "2026-03-31"],
    ["Quý 1/2026", "2026-03-31"],
    ["Quý IV/2026", "2026-12-31"],
    ["Quý II/2026", "2026-06-30"],
    ["Tháng 02/2026", "2026-02-28"],
    ["Tháng 2/2028", "2028-02-29"],
    ["Năm 2026", "2026-12-31"],
    ["2026", "2026-12-31"],
    ["Phân kỳ năm 2026 theo Quyết định số 204-QĐ/TW", "2026-12-31"],
    ["trước ngày 15/02/2026", "2026-02-15"],
    ["trước 30/9/2026", "2026-09-30"],
    ["Đến hết 2028", "2028-12-31"],
    ["6 tháng đầu năm 2026", "2026-06-30"],
    ["- Sổ tay đảng viên trong quý I/2026. - Hồ sơ CBCB trong năm 2026.", "2026-12-31"],
    ["Quý I/2026 hoàn thành xây dựng Đề án, triển khai nhiệm vụ theo phân kỳ năm 2026", "2026-12-31"],
  ])("%s ends %s", (text, date) => expect(parseDeadline(text).date).toBe(date));

  it("Thường xuyên is ongoing with no date", () => expect(parseDeadline("Thường xuyên")).toEqual({ date: null, ongoing: true, unreadable: false }));
  it("an impossible date is unreadable, not guessed", () => expect(parseDeadline("trước 31/02/2026")).toMatchObject({ date: null, unreadable: true }));
});
