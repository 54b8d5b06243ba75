import { parsePlan } from "../../src/core/loaders/parsePlan";
import type { Plan } from "../../src/core/plan";

/** Appendices written the way other wards write theirs: each shape at least three times, worded differently. */

const rows = (plan: Plan) =>
  plan.indicators.map((i) => [i.id, i.name, i.targets.map((t) => `${t.op}${t.value ?? ""}${t.upper !== null ? `..${t.upper}` : ""}${t.unit ? ` ${t.unit}` : ""}@${t.deadline ?? "-"}`).join(" | ")]);
const reviewed = (plan: Plan) => plan.indicators.filter((i) => i.review).map((i) => i.id);
const tsv = (...lines: string[][]) => lines.map((l) => l.join("\t")).join("\n");

describe("no target column: the target sits in the wording", () => {
  it("reads targets out of table wording and marks them for review", () => {
    const plan = parsePlan(
      [
        "KẾ HOẠCH",
        "Chuyển đổi số xã Long Phước năm 2026",
        "",
        tsv(
          ["STT", "Nội dung chỉ tiêu", "Đơn vị chủ trì"],
          ["1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý toàn trình đạt 90%", "Văn phòng"],
          ["2", "Người dân có tài khoản định danh mức 2 đạt từ 70% trở lên", "Công an xã"],
          ["3", "Kích hoạt tối thiểu 500 tài khoản trên ứng dụng công dân số", "Công an xã"],
          ["4", "Xây dựng trung tâm điều hành thông minh", "Văn phòng"],
        ),
      ].join("\n"),
    );
    expect(rows(plan)).toEqual([
      ["1", "Tỷ lệ hồ sơ thủ tục hành chính xử lý toàn trình đạt 90%", ">=90 %@2026-12-31"],
      ["2", "Người dân có tài khoản định danh mức 2 đạt từ 70% trở lên", ">=70 %@2026-12-31"],
      ["3", "Kích hoạt tối thiểu 500 tài khoản trên ứng dụng công dân số", ">=500 tài khoản@2026-12-31"],
      ["4", "Xây dựng trung tâm điều hành thông minh", "none@-"],
    ]);
    expect(reviewed(plan)).toEqual(["1", "2", "3"]);
    expect(plan.indicators[0]!.review).toMatch(/đọc từ nội dung/);
  });

  it("reads them from a list, each bullet an indicator", () => {
    const plan = parsePlan(
      [
        "KẾ HOẠCH CHUYỂN ĐỔI SỐ PHƯỜNG TÂN MAI NĂM 2027",
        "",
        "2. Mục tiêu cụ thể",
        "- Phấn đấu 95% văn bản được ký số.",
        "- Số hóa ít nhất 1.200 hồ sơ hộ tịch.",
        "- Tổ chức 8 buổi/năm tập huấn.",
      ].join("\n"),
    );
    expect(rows(plan)).toEqual([
      ["1", "Phấn đấu 95% văn bản được ký số", ">=95 %@2027-12-31"],
      ["2", "Số hóa ít nhất 1.200 hồ sơ hộ tịch", ">=1200 hồ sơ@2027-12-31"],
      ["3", "Tổ chức 8 buổi/năm tập huấn", ">=8 buổi/năm@2027-12-31"],
    ]);
  });

  it("fills an empty target cell from the wording, and leaves a row with neither as qualitative", () => {
    const plan = parsePlan(
      tsv(
        ["TT", "Tên chỉ tiêu", "Chỉ tiêu năm 2026"],
        ["1", "Tỷ lệ trường học dùng sổ điểm điện tử đạt 100%", ""],
        ["2", "Duy trì cổng thông tin điện tử", "Duy trì"],
        ["3", "Tỷ lệ camera an ninh kết nối trung tâm", "80%"],
      ),
    );
    expect(rows(plan)).toEqual([
      ["1", "Tỷ lệ trường học dùng sổ điểm điện tử đạt 100%", ">=100 %@2026-12-31"],
      ["2", "Duy trì cổng thông tin điện tử", "done@2026-12-31"],
      ["3", "Tỷ lệ camera an ninh kết nối trung tâm", ">=80 %@2026-12-31"],
    ]);
    expect(reviewed(plan)).toEqual(["1"]);
  });
});

describe("targets in words", () => {
  const head = ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2026"];
  it("reads Vietnamese number words, wholes and halves", () => {
    const plan = parsePlan(
      tsv(
        head,
        ["1", "Tỷ lệ văn bản ký số", "%", "Một trăm phần trăm"],
        ["2", "Tỷ lệ cán bộ dùng thư điện tử công vụ", "%", "Chín mươi phần trăm trở lên"],
        ["3", "Tỷ lệ hộ có địa chỉ số", "%", "một nửa"],
        ["4", "Tỷ lệ thôn có loa thông minh", "%", "Toàn bộ"],
        ["5", "Tỷ lệ cơ quan dùng phần mềm một cửa", "%", "100% (bắt buộc)"],
      ),
    );
    expect(rows(plan).map((r) => r[2])).toEqual([">=100 %@2026-12-31", ">=90 %@2026-12-31", ">=50 %@2026-12-31", ">=100 %@2026-12-31", ">=100 %@2026-12-31"]);
    expect(reviewed(plan)).toEqual(["1", "2", "3", "4"]);
  });

  it("reads at-least and at-most phrases and counts per hamlet", () => {
    const plan = parsePlan(
      tsv(
        head,
        ["1", "Số camera giám sát giao thông", "camera", "Không dưới 40 camera"],
        ["2", "Hồ sơ giải quyết trễ hạn", "hồ sơ", "Không có hồ sơ trễ hạn"],
        ["3", "Lớp phổ cập kỹ năng số", "lớp", "Mỗi ấp hai lớp/năm"],
        ["4", "Cuộc thi tìm hiểu chuyển đổi số", "cuộc", "ba cuộc thi"],
      ),
    );
    expect(rows(plan).map((r) => r[2])).toEqual([">=40 camera@2026-12-31", "<=0@2026-12-31", ">=2 lớp/năm@2026-12-31", ">=3 cuộc thi@2026-12-31"]);
    expect(plan.indicators[2]!.targets[0]!.per).toBe("ấp");
    expect(plan.indicators[2]!.kind).toBe("cumulative");
  });

  it("never turns a rate or count row into a silent Đạt", () => {
    const plan = parsePlan(
      tsv(head, ["1", "Tỷ lệ hộ dân dùng thanh toán số", "%", "Đạt"], ["2", "Số điểm wifi công cộng", "điểm", "Hoàn thành"], ["3", "Ban hành quy chế vận hành", "", "Hoàn thành"]),
    );
    expect(rows(plan).map((r) => r[2])).toEqual(["done@2026-12-31", "done@2026-12-31", "done@2026-12-31"]);
    expect(reviewed(plan)).toEqual(["1", "2"]);
    expect(plan.indicators[0]!.review).toMatch(/không có số/);
  });
});

describe("relative targets", () => {
  const head = ["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu phấn đấu năm 2026", "Hiện trạng năm 2025"];
  it("reads increases and decreases against a year or the same period", () => {
    const plan = parsePlan(
      tsv(
        head,
        ["1", "Số hồ sơ nộp trực tuyến", "hồ sơ", "Tăng 20% so với năm 2025", "1.500"],
        ["2", "Tỷ lệ văn bản giấy", "%", "Giảm 50% so với cùng kỳ", "40%"],
        ["3", "Lượt truy cập cổng thông tin", "lượt", "tăng ít nhất 15% so với năm trước", ""],
      ),
    );
    expect(rows(plan).map((r) => r[2])).toEqual(["tăng20 %@2026-12-31", "giảm50 %@2026-12-31", "tăng15 %@2026-12-31"]);
    expect(plan.indicators[0]!.targets[0]!.baseYear).toBe(2025);
    expect(plan.indicators[0]!.baseline).toEqual({ year: 2025, value: 1500 });
    expect(plan.indicators[0]!.unit).toBe("hồ sơ");
    expect(plan.indicators.every((i) => i.review?.startsWith("Chỉ tiêu tương đối"))).toBe(true);
  });
});

describe("hierarchies", () => {
  it("makes 1 / 1.1 / 1.1.1 headings groups at any depth", () => {
    const plan = parsePlan(
      tsv(
        ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu năm 2026"],
        ["1", "Chính quyền số", ""],
        ["1.1", "Dịch vụ công", ""],
        ["1.1.1", "Tỷ lệ hồ sơ trực tuyến", "≥ 80%"],
        ["1.1.2", "Tỷ lệ thanh toán trực tuyến", "≥ 50%"],
        ["1.2", "Tỷ lệ văn bản ký số", "100%"],
        ["2", "Xã hội số", ""],
        ["2.1", "Tỷ lệ hộ có cáp quang", "90%"],
      ),
    );
    expect(plan.indicators.map((i) => [i.id, i.group])).toEqual([
      ["1.1.1", "Dịch vụ công"],
      ["1.1.2", "Dịch vụ công"],
      ["1.2", "Chính quyền số"],
      ["2.1", "Xã hội số"],
    ]);
  });

  it("makes I / 1 / a) headings groups", () => {
    const plan = parsePlan(
      tsv(
        ["TT", "Tên chỉ tiêu", "Kế hoạch năm 2026"],
        ["I", "KINH TẾ SỐ", ""],
        ["1", "Doanh nghiệp số", ""],
        ["a)", "Tỷ lệ doanh nghiệp dùng hóa đơn điện tử", "100%"],
        ["b)", "Tỷ lệ hộ kinh doanh thanh toán không tiền mặt", "70%"],
        ["2", "Tỷ lệ chợ thanh toán số", "50%"],
      ),
    );
    expect(plan.indicators.map((i) => [i.id, i.group])).toEqual([
      ["I.1.a", "Doanh nghiệp số"],
      ["I.1.b", "Doanh nghiệp số"],
      ["I.2", "KINH TẾ SỐ"],
    ]);
  });

  it("reads a group row merged across the table, whatever column it landed in", () => {
    const plan = parsePlan(
      tsv(
        ["STT", "Nội dung chỉ tiêu", "ĐVT", "Chỉ tiêu 2026"],
        ["I. HẠ TẦNG SỐ", "", "", ""],
        ["1", "Tỷ lệ thôn có cáp quang", "%", "100%"],
        ["", "Nhóm chỉ tiêu về dữ liệu số", "", ""],
        ["2", "Tỷ lệ dữ liệu dân cư được làm sạch", "%", "95%"],
      ),
    );
    expect(plan.indicators.map((i) => [i.id, i.group])).toEqual([
      ["I.1", "HẠ TẦNG SỐ"],
      ["2", "Nhóm chỉ tiêu về dữ liệu số"],
    ]);
  });
});

describe("half-year milestones and target columns without a year", () => {
  it("reads 6 tháng đầu năm / Cả năm as two milestones in one year", () => {
    const plan = parsePlan(tsv(["STT", "Chỉ tiêu", "6 tháng đầu năm 2026", "Cả năm 2026"], ["1", "Tỷ lệ hồ sơ trực tuyến", "40%", "80%"]));
    expect(rows(plan)[0]![2]).toBe(">=40 %@2026-06-30 | >=80 %@2026-12-31");
  });

  it("reads 'Đến 30/6/2026' and 'Đến 31/12/2026' columns", () => {
    const plan = parsePlan(tsv(["TT", "Nội dung chỉ tiêu", "Đến 30/6/2026", "Đến 31/12/2026"], ["1", "Số buổi tuyên truyền", "5 buổi", "12 buổi"]));
    expect(rows(plan)[0]![2]).toBe(">=5 buổi@2026-06-30 | >=12 buổi@2026-12-31");
  });

  it("takes the year from the title for 'Chỉ tiêu cụ thể', 'Mục tiêu' and 'Kế hoạch giao', and says so", () => {
    for (const column of ["Chỉ tiêu cụ thể", "Mục tiêu", "Kế hoạch giao"]) {
      const plan = parsePlan(["KẾ HOẠCH", "Chuyển đổi số phường Bửu Long năm 2027", "", tsv(["STT", "Tên chỉ tiêu", column], ["1", "Tỷ lệ người dân dùng VNeID", "85%"])].join("\n"));
      expect(rows(plan)[0]![2]).toBe(">=85 %@2027-12-31");
      expect(plan.indicators[0]!.review).toContain(`Cột "${column}" không ghi năm; đã lấy năm 2027 theo tiêu đề văn bản`);
    }
  });
});

describe("ranges and Vietnamese thousands", () => {
  it("reads 70-80%, 70 - 80% and từ 70% đến 80% as ranges, with no warning", () => {
    const plan = parsePlan(tsv(["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2026"], ["1", "Tỷ lệ A", "%", "70-80%"], ["2", "Tỷ lệ B", "%", "70 - 80%"], ["3", "Tỷ lệ C", "%", "từ 70% đến 80%"]));
    expect(rows(plan).map((r) => r[2])).toEqual([">=70..80 %@2026-12-31", ">=70..80 %@2026-12-31", ">=70..80 %@2026-12-31"]);
    expect(plan.warnings).toEqual([]);
  });

  it("reads 2.000 and 1.900 lượt as numbers, never years", () => {
    const plan = parsePlan(
      tsv(
        ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2026"],
        ["1", "Số tài khoản", "tài khoản", "2.000"],
        ["2", "Lượt truy cập", "lượt", "1.900 lượt"],
        ["3", "Số hồ sơ số hóa", "hồ sơ", "tối thiểu 2.100 hồ sơ"],
      ),
    );
    expect(rows(plan).map((r) => r[2])).toEqual([">=2000@2026-12-31", ">=1900 lượt@2026-12-31", ">=2100 hồ sơ@2026-12-31"]);
  });
});

describe("two-row headers", () => {
  it("reads a full grid (Word, Excel, PDF): 'Chỉ tiêu' merged over 'Năm 2026 | Năm 2027'", () => {
    const plan = parsePlan(
      tsv(["STT", "Nội dung", "Chỉ tiêu", "", "Đơn vị chủ trì"], ["STT", "Nội dung", "Năm 2026", "Năm 2027", "Đơn vị chủ trì"], ["1", "Tỷ lệ hồ sơ trực tuyến", "60%", "80%", "TTPVHCC"]),
    );
    expect(rows(plan)[0]![2]).toBe(">=60 %@2026-12-31 | >=80 %@2027-12-31");
    expect(plan.indicators[0]!.lead).toBe("TTPVHCC");
  });

  it("reads Word's text copy, where the merged cells collapse", () => {
    const plan = parsePlan(tsv(["STT", "Tên chỉ tiêu", "Mục tiêu", "Cơ quan chủ trì"], ["", "", "6 tháng đầu năm 2026", "Cả năm 2026", ""], ["1", "Tỷ lệ văn bản ký số", "50%", "100%", "Văn phòng"]));
    expect(rows(plan)[0]![2]).toBe(">=50 %@2026-06-30 | >=100 %@2026-12-31");
    expect(plan.indicators[0]!.lead).toBe("Văn phòng");
  });

  it("reads a web copy (one cell per line after '|') whose target column names no year", () => {
    const plan = parsePlan(["KẾ HOẠCH NĂM 2026", "", "| TT", "| Chỉ tiêu", "| Kế hoạch giao", "|", "| 1", "| Tỷ lệ doanh nghiệp dùng", "hợp đồng điện tử", "| 60%", "|"].join("\n"));
    expect(rows(plan)).toEqual([["1", "Tỷ lệ doanh nghiệp dùng hợp đồng điện tử", ">=60 %@2026-12-31"]]);
    expect(plan.indicators[0]!.review).toMatch(/không ghi năm/);
  });
});

describe("prose objectives beside a table", () => {
  it("loads both when they cover different indicators, and one restated indicator once", () => {
    const plan = parsePlan(
      [
        "KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ HÒA BÌNH NĂM 2026",
        "II. MỤC TIÊU",
        "2. Mục tiêu cụ thể",
        "- Tỷ lệ hộ gia đình có cáp quang đạt 90%.",
        "- 100% cán bộ được tập huấn kỹ năng số.",
        "- Tỷ lệ người dân dùng ví điện tử đạt từ 40% trở lên.",
        "",
        "PHỤ LỤC",
        tsv(["STT", "Nội dung chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2026"], ["1", "Tỷ lệ hộ gia đình có cáp quang", "%", "90%"], ["2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "80%"]),
      ].join("\n"),
    );
    expect(plan.indicators.map((i) => i.name)).toEqual([
      "Tỷ lệ hộ gia đình có cáp quang",
      "Tỷ lệ hồ sơ trực tuyến toàn trình",
      "100% cán bộ được tập huấn kỹ năng số",
      "Tỷ lệ người dân dùng ví điện tử đạt từ 40% trở lên",
    ]);
    expect(plan.warnings.map((w) => w.message).join("\n")).toMatch(/cũng có trong bảng phụ lục \(1, dòng 10\); chỉ nạp một lần/);
    expect(plan.indicators[2]!.review).toMatch(/không có trong bảng/);
  });
});

describe("columns copied out of a PDF viewer (runs of spaces)", () => {
  it("rebuilds rows, wrapped cells and centred numbers", () => {
    const text = [
      "PHỤ LỤC CHỈ TIÊU NĂM 2026",
      "",
      "STT     Nội dung chỉ tiêu                      ĐVT     Chỉ tiêu 2026     Đơn vị chủ trì",
      "",
      "        Tỷ lệ hồ sơ thủ tục hành chính được             tối thiểu",
      "1       xử lý trực tuyến toàn trình            %       80%               Trung tâm PVHCC",
      "",
      "2       Tỷ lệ văn bản được ký số               %       100%              Văn phòng",
      "",
      "3       Số buổi tập huấn kỹ năng số cho        buổi    10 buổi/năm       Phòng Văn hóa -",
      "        người dân                                                        Xã hội",
    ].join("\n");
    const plan = parsePlan(text);
    expect(plan.indicators.map((i) => [i.id, i.name, i.targets[0]!.op, i.targets[0]!.value, i.lead])).toEqual([
      ["1", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", ">=", 80, "Trung tâm PVHCC"],
      ["2", "Tỷ lệ văn bản được ký số", ">=", 100, "Văn phòng"],
      ["3", "Số buổi tập huấn kỹ năng số cho người dân", ">=", 10, "Phòng Văn hóa - Xã hội"],
    ]);
    // Warnings still name the lines the user pasted.
    expect(plan.indicators[1]!.line).toBe(8);
  });
});
