import { parsePlan } from "../../src/core/loaders/parsePlan";

const summary = (text: string) =>
  parsePlan(text).indicators.map((i) => [i.id, i.name, i.unit, i.targets.map((t) => `${t.op}${t.value ?? ""}${t.upper !== null ? `..${t.upper}` : ""}@${t.year}`).join(" "), i.lead]);

describe("tables the seeds do not show", () => {
  it("reads a markdown pipe table whose long cells wrap onto the next line", () => {
    const text = [
      "PHỤ LỤC CHỈ TIÊU NĂM 2027",
      "",
      "| STT | Tên chỉ tiêu | ĐVT | Mục tiêu 2027 | Cơ quan chủ trì |",
      "|---|---|---|---|---|",
      "| **I** | **Hạ tầng số** | | | |",
      "| 1 | Tỷ lệ hộ gia đình có cáp quang | % | ≥ 85% | Phòng VH-XH |",
      "| 2 | Tỷ lệ hồ sơ trực tuyến trên tổng số hồ",
      "sơ tiếp nhận | % | tối thiểu 0,5% | Trung tâm PVHCC |",
      "| 3 | Số buổi tập huấn kỹ năng số | buổi | 12 buổi/năm | Phòng VH-XH |",
    ].join("\n");
    expect(summary(text)).toEqual([
      ["I.1", "Tỷ lệ hộ gia đình có cáp quang", "%", ">=85@2027", "Phòng VH-XH"],
      ["I.2", "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận", "%", ">=0.5@2027", "Trung tâm PVHCC"],
      ["I.3", "Số buổi tập huấn kỹ năng số", "buổi", ">=12@2027", "Phòng VH-XH"],
    ]);
    expect(parsePlan(text).indicators[2]!.kind).toBe("cumulative");
  });

  it("reads a table copied from a web page: one cell per line after '|', words wrapped mid-cell, rows ended by a lone '|'", () => {
    const text = [
      "| STT",
      "| Nội dung chỉ tiêu",
      "| Chỉ tiêu phấn đấu năm 2026",
      "| Đơn vị chủ trì",
      "|",
      "| 1.",
      "| Tỷ lệ người dân có tài khoản định",
      "danh điện tử (VNeID)",
      "| ≥ 80%",
      "| Công an xã",
      "|",
      "| 2.",
      "| Tỷ lệ hồ sơ được số",
      "hóa",
      "| 100%",
      "| Trung tâm Phục vụ",
      "hành chính công",
      "|",
    ].join("\n");
    expect(summary(text)).toEqual([
      ["1", "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID)", "%", ">=80@2026", "Công an xã"],
      ["2", "Tỷ lệ hồ sơ được số hóa", "%", ">=100@2026", "Trung tâm Phục vụ hành chính công"],
    ]);
  });

  it("reads a web copy whose rows are separated by blank lines", () => {
    const text = ["| TT", "| Chỉ tiêu", "| Kế hoạch năm 2026", "", "| 1", "| Tỷ lệ dân số trưởng thành có chữ ký", "số", "| trên 50%", "", "| 2", "| Tỷ lệ chi cho CĐS", "| không quá 3%"].join("\n");
    expect(summary(text)).toEqual([
      ["1", "Tỷ lệ dân số trưởng thành có chữ ký số", "%", ">50@2026", null],
      ["2", "Tỷ lệ chi cho CĐS", "%", "<=3@2026", null],
    ]);
  });

  it("takes any column order and header wording, a baseline column and a range target", () => {
    const text = [
      "Chỉ tiêu năm 2026\tMã số\tĐơn vị thực hiện\tTên chỉ tiêu\tHiện trạng năm 2025\tĐơn vị đo",
      "60 - 80%\t1\tPhòng Kinh tế\tTỷ lệ doanh nghiệp dùng hóa đơn điện tử\t45%\t%",
      "dưới 2%\t2\tVăn phòng\tTỷ lệ văn bản giấy\t10,5%\t%",
      "trong nhóm 5 đơn vị dẫn đầu\t3\tVăn phòng\tXếp hạng chỉ số CĐS\t\tHạng",
      "Hoàn thành\t4\tCông an\tLàm sạch dữ liệu dân cư\t\t",
    ].join("\n");
    const plan = parsePlan(text);
    expect(summary(text)).toEqual([
      ["1", "Tỷ lệ doanh nghiệp dùng hóa đơn điện tử", "%", ">=60..80@2026", "Phòng Kinh tế"],
      ["2", "Tỷ lệ văn bản giấy", "%", "<2@2026", "Văn phòng"],
      ["3", "Xếp hạng chỉ số CĐS", "Hạng", "<=5@2026", "Văn phòng"],
      ["4", "Làm sạch dữ liệu dân cư", "hạng", "done@2026", "Công an"].map((v, k) => (k === 2 ? null : v)),
    ]);
    expect(plan.indicators[0]!.baseline).toEqual({ year: 2025, value: 45 });
    expect(plan.indicators[1]!.baseline).toEqual({ year: 2025, value: 10.5 });
    expect(plan.indicators[3]!.kind).toBe("done");
  });

  it("drops header rows repeated on every page and joins a row split by the page break", () => {
    const header = "STT\tNội dung chỉ tiêu\tĐơn vị tính\tChỉ tiêu phấn đấu năm 2026\tĐơn vị chủ trì";
    const text = [header, "1\tTỷ lệ A\t%\t≥ 90%\tPhòng X", "2\tTỷ lệ hồ sơ xử lý\t%\t95%\tTrung tâm", "", header, "\ttrực tuyến toàn trình\t\t\tPhục vụ HCC", "3\tTỷ lệ C\t%\t100%\tPhòng Y"].join(
      "\n",
    );
    expect(summary(text)).toEqual([
      ["1", "Tỷ lệ A", "%", ">=90@2026", "Phòng X"],
      ["2", "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", "%", ">=95@2026", "Trung tâm Phục vụ HCC"],
      ["3", "Tỷ lệ C", "%", ">=100@2026", "Phòng Y"],
    ]);
  });

  it("reads numbered objectives written '1. Tỷ lệ ...' and bullets with '+'", () => {
    const text = [
      "KẾ HOẠCH",
      "Chuyển đổi số xã Bình Minh năm 2027",
      "",
      "II. MỤC TIÊU CỤ THỂ",
      "1. Tỷ lệ hồ sơ trực tuyến đạt tối thiểu 80%.",
      "2. Tổ chức ít nhất 04 lớp tập huấn kỹ năng số.",
      "+ Không để xảy ra sự cố mất an toàn thông tin nghiêm trọng.",
      "III. NHIỆM VỤ",
      "- Tỷ lệ thủ tục được rà soát so với năm trước tăng 10%.",
    ].join("\n");
    const plan = parsePlan(text);
    expect(plan.title).toBe("Kế hoạch Chuyển đổi số xã Bình Minh năm 2027");
    expect(plan.indicators.map((i) => [i.code, i.targets[0]!.op, i.targets[0]!.value, i.targets[0]!.unit, i.targets[0]!.year])).toEqual([
      ["1", ">=", 80, "%", 2027],
      ["2", ">=", 4, "lớp", 2027],
      ["3", "none", null, null, 2027],
    ]);
  });
});

describe("bad input", () => {
  it("keeps a row whose target cannot be read and says where", () => {
    const text = ["STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026", "1\tTỷ lệ A\t12/34", "2\tTỷ lệ B\t≥ 60%; 80%"].join("\n");
    const plan = parsePlan(text);
    expect(plan.indicators.map((i) => i.name)).toEqual(["Tỷ lệ A", "Tỷ lệ B"]);
    expect(plan.indicators[0]!.targets[0]).toMatchObject({ op: "none", text: "12/34" });
    expect(plan.warnings).toEqual([
      { where: "dòng 2", line: 2, message: 'Không đọc được chỉ tiêu "12/34"' },
      { where: "dòng 3", line: 3, message: 'Ô chỉ tiêu "≥ 60%; 80%" có nhiều giá trị; đã lấy giá trị đầu tiên' },
    ]);
  });

  it("says so when nothing in the text is a plan", () => {
    expect(parsePlan("Xin chào").warnings.map((w) => w.message)).toEqual(['Không tìm thấy bảng chỉ tiêu, bảng nhiệm vụ hay mục "Mục tiêu cụ thể" trong văn bản']);
    expect(parsePlan("")).toMatchObject({ indicators: [], tasks: [], warnings: [] });
  });

  it("keeps text that starts with =, +, - or @ as text", () => {
    const text = ["STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026\tĐơn vị chủ trì", "1\t=SUM(A1:A9) tỷ lệ\t100%\t@Phòng VH"].join("\n");
    const [i] = parsePlan(text).indicators;
    expect(i!.name).toBe("=SUM(A1:A9) tỷ lệ");
    expect(i!.lead).toBe("@Phòng VH");
  });

  it("gives a repeated code its own id and warns", () => {
    const text = ["STT\tNội dung chỉ tiêu\tChỉ tiêu phấn đấu năm 2026", "1\tTỷ lệ A\t100%", "1\tTỷ lệ B\t90%"].join("\n");
    const plan = parsePlan(text);
    expect(plan.indicators.map((i) => [i.code, i.id])).toEqual([
      ["1", "1"],
      ["1", "1-2"],
    ]);
    expect(plan.warnings[0]).toMatchObject({ where: "dòng 3", message: 'Mã chỉ tiêu "1" lặp lại; dòng này được đặt mã riêng "1-2"' });
  });
});
