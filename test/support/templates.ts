import ExcelJS from "exceljs";

/**
 * Report templates as other offices make them, each unlike the others: a province's form, a two-row
 * header over quarters, a multi-year table typed without diacritics, a Party office's table. Each has
 * its own formulas, styles, merges and widths, which annotating must leave exactly as they are.
 */

export interface TemplateCase {
  name: string;
  /** Sheet holding the table. */
  sheet: string;
  /** Indicator rows (sheet row → code as the template numbers it). */
  indicators: Record<number, string>;
  build(): Promise<Uint8Array>;
}

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };

function style(ws: ExcelJS.Worksheet, range: string, s: Partial<ExcelJS.Style>): void {
  const [a, b = a] = range.split(":");
  const tl = ws.getCell(a!);
  const br = ws.getCell(b!);
  for (let r = Number(tl.row); r <= Number(br.row); r++) for (let c = Number(tl.col); c <= Number(br.col); c++) Object.assign(ws.getCell(r, c), s);
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A province's form: one header row in its own order, group rows, percentages typed as 95 meaning 95%. */
export const provinceForm: TemplateCase = {
  name: "biểu mẫu của tỉnh",
  sheet: "Biểu 01",
  indicators: { 6: "1", 7: "2", 8: "3", 10: "4", 11: "5" },
  async build() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu 01");
    wb.addWorksheet("Hướng dẫn").getCell("A1").value = "Điền số liệu vào cột Ước thực hiện; không sửa cột Kế hoạch.";
    ws.mergeCells("A1:G1");
    ws.getCell("A1").value = "UBND PHƯỜNG TÂN HÒA";
    ws.mergeCells("A2:G2");
    ws.getCell("A2").value = "BIỂU 01: KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026";
    style(ws, "A1:A2", { font: { bold: true, size: 13 }, alignment: { horizontal: "center" } });
    const header = ["STT", "Tên chỉ tiêu", "Đơn vị chủ trì", "ĐVT", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Ghi chú"];
    ws.getRow(4).values = header;
    style(ws, "A4:G4", {
      font: { bold: true, color: { argb: "FF1F3864" } },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
      border: box,
      alignment: { wrapText: true, vertical: "middle" },
    });
    const rows: Array<Array<string | number | null>> = [
      ["I", "HẠ TẦNG SỐ", null, null, null, null, null],
      [1, "Tỷ lệ hộ gia đình có đường Internet cáp quang", "Phòng Văn hóa - Xã hội", "%", 90, 92, "Theo số liệu VNPT"],
      [2, "Tỷ lệ người dân có điện thoại thông minh", "Phòng Văn hóa - Xã hội", "%", 85, 70, null],
      [3, "Số điểm phát wifi miễn phí nơi công cộng", "Văn phòng HĐND-UBND", "điểm", 5, null, null],
      ["II", "CHÍNH QUYỀN SỐ", null, null, null, null, null],
      [4, "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến", "Bộ phận Một cửa", "%", "≥ 80%", 65, null],
      [5, "Số buổi tập huấn kỹ năng số cho cán bộ", "Văn phòng HĐND-UBND", "buổi/năm", 4, 4, "Đã xong"],
    ];
    rows.forEach((v, k) => (ws.getRow(5 + k).values = v));
    style(ws, "A5:G11", { border: box, alignment: { wrapText: true, vertical: "top" } });
    style(ws, "A5:G5", { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } } });
    style(ws, "A9:G9", { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } } });
    style(ws, "F6:F11", { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } });
    [6, 40, 22, 9, 12, 12, 20].forEach((w, k) => (ws.getColumn(k + 1).width = w));
    ws.getCell("A13").value = "Người lập biểu";
    ws.getCell("E13").value = "TM. UBND PHƯỜNG";
    return bytesOf(wb);
  },
};

/** A two-row header merged over quarters, a numbering row, spacer rows and a totals row of SUMs; percentages in % cells. */
export const quarterBlock: TemplateCase = {
  name: "tiêu đề hai dòng gộp ô, khối kết quả theo quý",
  sheet: "Theo dõi quý",
  indicators: { 8: "1", 9: "2", 11: "3", 12: "4" },
  async build() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Theo dõi quý");
    ws.getCell("A1").value = "BẢNG THEO DÕI CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ ĐỊNH QUÁN NĂM 2026";
    ws.mergeCells("A1:J1");
    for (const [range, text] of [
      ["A4:A5", "TT"],
      ["B4:B5", "Nội dung chỉ tiêu"],
      ["C4:C5", "Đơn vị tính"],
      ["D4:D5", "Chỉ tiêu năm 2026"],
      ["E4:H4", "Kết quả thực hiện"],
      ["I4:I5", "Lũy kế"],
      ["J4:J5", "Ghi chú"],
    ] as const) {
      ws.mergeCells(range);
      ws.getCell(range.split(":")[0]!).value = text;
    }
    ["Quý I", "Quý II", "Quý III", "Quý IV"].forEach((q, k) => (ws.getCell(5, 5 + k).value = q));
    ws.getRow(6).values = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)=(5)+...+(8)", "(10)"];
    style(ws, "A4:J6", { font: { bold: true }, border: box, alignment: { horizontal: "center", vertical: "middle", wrapText: true } });
    const pct = "0%";
    ws.getRow(7).values = [null, "1. Nhóm chỉ tiêu về dịch vụ công"];
    ws.getRow(8).values = [1, "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "%", 0.8, 0.5, 0.6, null, null];
    ws.getRow(9).values = [2, "Số lớp bồi dưỡng kỹ năng số cho người dân", "lớp", 12, 3, 2, 4, null];
    ws.getRow(10).values = [null, "2. Nhóm chỉ tiêu về kinh tế số"];
    ws.getRow(11).values = [3, "Số hộ kinh doanh sử dụng thanh toán không dùng tiền mặt", "hộ", 200, 120, 150, null, null];
    ws.getRow(12).values = [4, "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", "%", 1, 0.95, null, null, null];
    ws.getRow(14).values = [null, "Tổng cộng"];
    for (const r of [8, 9, 11, 12]) ws.getCell(r, 9).value = { formula: `SUM(E${r}:H${r})` };
    for (const c of ["E", "F", "G", "H", "I"]) ws.getCell(`${c}14`).value = { formula: `SUM(${c}9,${c}11)` };
    for (const r of [8, 12]) for (const c of ["D", "E", "F", "G", "H", "I"]) ws.getCell(`${c}${r}`).numFmt = pct;
    style(ws, "A7:J14", { border: box });
    style(ws, "B7:B10", { font: { italic: true } });
    style(ws, "A14:J14", { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } } });
    [5, 45, 8, 10, 8, 8, 8, 8, 9, 16].forEach((w, k) => (ws.getColumn(k + 1).width = w));
    ws.views = [{ state: "frozen", ySplit: 6, xSplit: 2 }];
    return bytesOf(wb);
  },
};

/** Typed without diacritics; two milestones (2026, 2028), a baseline year, a relative target, half-year and full-year results. */
export const noDiacritics: TemplateCase = {
  name: "không dấu, nhiều mốc, có hiện trạng",
  sheet: "Sheet1",
  indicators: { 4: "CT01", 5: "CT02", 6: "CT03" },
  async build() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = "Theo doi chi tieu chuyen doi so phuong Hoa An giai doan 2026-2028";
    ws.getRow(3).values = ["Ma so", "Chi tieu", "Don vi tinh", "Hien trang nam 2025", "Muc tieu 2026", "Muc tieu 2028", "Ket qua 6 thang", "Ket qua ca nam", "Don vi thuc hien", "Minh chung"];
    ws.getRow(4).values = ["CT01", "Ty le nguoi dan co tai khoan dinh danh dien tu muc 2", "%", 60, 80, 95, 75, null, "Cong an phuong", "Bao cao 12/BC-CA"];
    ws.getRow(5).values = ["CT02", "So ho so nop truc tuyen", "ho so", 500, "Tang 20% so voi nam 2025", "Tang 50% so voi nam 2025", 520, 640, "Bo phan Mot cua", null];
    ws.getRow(6).values = ["CT03", "Ty le van ban trao doi duoi dang dien tu", "%", 90, 100, 100, 98, null, "Van phong", null];
    style(ws, "A3:J3", { font: { bold: true, name: "Times New Roman" }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFBDD7EE" } } });
    style(ws, "A4:J6", { font: { name: "Times New Roman", size: 12 } });
    ws.getCell("G4").note = "So lieu tu Cong an phuong";
    [8, 42, 9, 10, 12, 12, 10, 10, 18, 20].forEach((w, k) => (ws.getColumn(k + 1).width = w));
    return bytesOf(wb);
  },
};

/** The Party office's table: no code column (numbers in the wording), targets in words, results as words or % cells, its own ratio formula and colour rule. */
export const partyTable: TemplateCase = {
  name: "bảng của Văn phòng Đảng ủy, không có cột mã",
  sheet: "KQ",
  indicators: { 6: "1", 7: "2", 8: "3", 9: "4" },
  async build() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KQ");
    ws.getCell("A1").value = "ĐẢNG BỘ PHƯỜNG PHƯỚC TÂN";
    ws.getCell("A2").value = "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT VỀ CHUYỂN ĐỔI SỐ";
    ws.getRow(5).values = ["Cơ quan chủ trì", "Nội dung", "Mục tiêu", "Kết quả", "Tỷ lệ so với KH", "Đánh giá"];
    ws.getRow(6).values = ["Văn phòng Đảng ủy", "1. Tỷ lệ văn bản của Đảng ủy được ký số", "≥ 90%", 0.92];
    ws.getRow(7).values = ["Ban Tuyên giáo", "2. Xây dựng trang thông tin điện tử của Đảng bộ", "Hoàn thành", "Đang triển khai"];
    ws.getRow(8).values = ["Văn phòng Đảng ủy", "3. Tỷ lệ đảng viên sử dụng Sổ tay đảng viên điện tử", "100%", 0.6];
    ws.getRow(9).values = ["Ủy ban MTTQ", "4. Số cuộc thi tìm hiểu về chuyển đổi số", "ít nhất 01 cuộc thi", null];
    for (const r of [6, 8]) {
      ws.getCell(`D${r}`).numFmt = "0%";
      ws.getCell(`E${r}`).value = { formula: `IFERROR(D${r}/VALUE(SUBSTITUTE(SUBSTITUTE(C${r},"≥ ",""),"%",""))*100,"")` };
      ws.getCell(`E${r}`).numFmt = "0%";
    }
    ws.getCell("F6").value = "Tốt";
    style(ws, "A5:F5", { font: { bold: true, color: { argb: "FFFFFFFF" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" } } });
    style(ws, "A6:F9", { border: box, alignment: { wrapText: true } });
    ws.addConditionalFormatting({ ref: "F6:F9", rules: [{ type: "containsText", operator: "containsText", text: "Tốt", priority: 1, style: { font: { color: { argb: "FF006100" } } } }] });
    ws.getCell("B12").value = "Người tổng hợp";
    ws.getCell("D12").value = "T/M BAN THƯỜNG VỤ";
    [18, 50, 14, 12, 12, 12].forEach((w, k) => (ws.getColumn(k + 1).width = w));
    return bytesOf(wb);
  },
};

export const TEMPLATES = [provinceForm, quarterBlock, noDiacritics, partyTable];
