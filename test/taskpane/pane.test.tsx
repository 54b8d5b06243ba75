/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import type { ReactElement } from "react";
import { CATALOGUE } from "../../src/catalogue/catalogue";
import { readDocumentFile } from "../../src/catalogue/fileSource";
import { parsePeriod } from "../../src/core/period";
import type { Plan } from "../../src/core/plan";
import { App } from "../../src/taskpane/App";
import { CheckPanel } from "../../src/taskpane/components/CheckPanel";
import { LoadPanel } from "../../src/taskpane/components/LoadPanel";
import { ProvincePanel } from "../../src/taskpane/components/ProvincePanel";
import { TablePanel } from "../../src/taskpane/components/TablePanel";
import { UpdatePanel } from "../../src/taskpane/components/UpdatePanel";
import { CyclePanel } from "../../src/taskpane/components/CyclePanel";
import { issueForms } from "../../src/actions/forms";
import { runCli } from "../../src/cli/main";
import { readReportFile } from "../../src/province/readReportFile";
import { fill } from "../support/forms";
import { memoryIo } from "../support/memoryIo";
import { recogniseTemplate } from "../../src/template/recognise";
import { renderXlsx } from "../../src/render/xlsx";
import type { DoubtfulPair } from "../../src/reading/update";
import type { WorkbookPort } from "../../src/taskpane/office/port";
import type { ReportState } from "../../src/taskpane/office/report";
import { buildWorkbook } from "../../src/workbook/build";
import { readIndicatorSheet } from "../../src/reading/readBack";
import { pastedAppendix, seedPlan } from "../support/seeds";

const ONE_ROW = pastedAppendix(["STT", "Nội dung chỉ tiêu", "Chỉ tiêu phấn đấu năm 2026"], [["1", "Tỷ lệ A", "100%"]]);

// The pane renders and reads files in jsdom: on a busy 2-core machine that takes seconds, not milliseconds
// (findBy* waits up to 15 s instead of 1 s; a test up to 40 s).
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(40000);

const show = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

function port(overrides: Partial<WorkbookPort> = {}): WorkbookPort & { loaded: Plan[] } {
  const loaded: Plan[] = [];
  return {
    loaded,
    inExcel: true,
    supported: true,
    load: jest.fn(async (plan: Plan) => {
      loaded.push(plan);
      return { renamed: [], syncs: 3, cut: [], skipped: [] };
    }),
    read: jest.fn(async () => null),
    writePeriod: jest.fn(async () => undefined),
    select: jest.fn(async () => undefined),
    proposeUpdate: jest.fn(async () => null),
    update: jest.fn(async () => null),
    openAsNewWorkbook: jest.fn(async () => undefined),
    download: jest.fn(),
    readTable: jest.fn(async () => Promise.reject(new Error("no table"))),
    annotate: jest.fn(async () => Promise.reject(new Error("no table"))),
    applyCollected: jest.fn(async () => 0),
    ...overrides,
  };
}

describe("Nạp chỉ tiêu", () => {
  it("previews a pasted appendix, lets the official drop a row and correct a target, then loads", async () => {
    const p = port();
    show(<LoadPanel port={p} />);
    fireEvent.change(screen.getByLabelText("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"), { target: { value: readDocumentFile(CATALOGUE[0]!) } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    expect(await screen.findByText("29 chỉ tiêu")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Giữ chỉ tiêu C.23"));
    expect(screen.getByText("28 chỉ tiêu")).toBeTruthy();
    const c6 = screen.getByLabelText("Chỉ tiêu phấn đấu của C.6");
    fireEvent.change(c6, { target: { value: "≥ 96%" } });
    fireEvent.blur(c6);
    expect(await screen.findByText("≥ 96% (2026)")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Đơn vị báo cáo"), { target: { value: "UBND xã Thống Nhất" } });
    fireEvent.change(screen.getByLabelText("Kỳ báo cáo"), { target: { value: "Quý II/2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Nạp vào sổ" }));
    expect(await screen.findByText("Đã lập sổ: 28 chỉ tiêu, 0 nhiệm vụ.")).toBeTruthy();
    const plan = p.loaded[0];
    expect(plan!.indicators.map((i) => i.id)).not.toContain("C.23");
    expect(plan!.indicators.find((i) => i.id === "C.6")!.targets[0]).toMatchObject({ op: ">=", value: 96, text: "≥ 96%" });
    expect((p.load as jest.Mock).mock.calls[0][1]).toMatchObject({ unit: "UBND xã Thống Nhất", period: { year: 2026, choice: "Quý II" } });
  });

  it("opens a Word file with a merged group row, marks the rows read with an assumption, and a correction clears the mark", async () => {
    const row = (cells: string[], merged = false) =>
      new TableRow({
        children: merged
          ? [new TableCell({ children: [new Paragraph(cells[0]!)] }), new TableCell({ columnSpan: 3, children: [new Paragraph(cells[1]!)] })]
          : cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("PHỤ LỤC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2027"),
            new Table({
              rows: [
                row(["TT", "Tên chỉ tiêu", "Đơn vị tính", "Mục tiêu"]),
                row(["I", "Kinh tế số"], true),
                row(["1", "Tỷ lệ hộ kinh doanh dùng thanh toán không dùng tiền mặt", "%", "Chín mươi phần trăm trở lên"]),
                row(["2", "Số điểm phát wifi công cộng", "điểm", "12"]),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const file = new File([new Uint8Array(bytes)], "phu-luc-xa-an-binh.docx");
    // jsdom's File lacks arrayBuffer(): the picker reads it as browsers do.
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    show(<LoadPanel port={port()} />);
    fireEvent.change(screen.getByLabelText("Tệp phụ lục"), { target: { files: [file] } });
    expect(await screen.findByText("2 chỉ tiêu")).toBeTruthy();
    const preview = screen.getByRole("list", { name: "Chỉ tiêu" });
    const wordTarget = within(preview).getByText("Tỷ lệ hộ kinh doanh dùng thanh toán không dùng tiền mặt").closest("li")!;
    expect(within(wordTarget).getByText(/^Cần xem lại: /).textContent).toMatch(/viết bằng chữ "Chín mươi phần trăm trở lên" được đọc là ≥ 90%/);
    const numberTarget = within(preview).getByText("Số điểm phát wifi công cộng").closest("li")!;
    expect(within(numberTarget).getByText(/^Cần xem lại: /).textContent).toMatch(/đã lấy năm 2027 theo tiêu đề văn bản/);
    expect(within(wordTarget).getByText("≥ 90% (2027)")).toBeTruthy();
    const box = within(wordTarget).getByLabelText("Chỉ tiêu phấn đấu của I.1");
    fireEvent.change(box, { target: { value: "≥ 92%" } });
    fireEvent.blur(box);
    await waitFor(() => expect(within(screen.getByText("Tỷ lệ hộ kinh doanh dùng thanh toán không dùng tiền mặt").closest("li")!).queryByText(/^Cần xem lại: /)).toBeNull());
    expect(within(screen.getByText("Số điểm phát wifi công cộng").closest("li")!).getByText(/^Cần xem lại: /)).toBeTruthy();
  });

  it("keeps the preview and the corrections when the official opens another tab and comes back", async () => {
    const p = port({ read: jest.fn(async () => null) });
    show(<App port={p} />);
    fireEvent.change(screen.getByLabelText("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"), { target: { value: readDocumentFile(CATALOGUE[0]!) } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    const c6 = await screen.findByLabelText("Chỉ tiêu phấn đấu của C.6");
    fireEvent.change(c6, { target: { value: "≥ 96%" } });
    fireEvent.blur(c6);
    fireEvent.click(screen.getByLabelText("Giữ chỉ tiêu C.23"));
    fireEvent.click(screen.getByRole("tab", { name: "Tổng quan" }));
    await screen.findByRole("button", { name: "Xem tổng quan" });
    fireEvent.click(screen.getByRole("tab", { name: "Nạp chỉ tiêu" }));
    expect(screen.getByText("28 chỉ tiêu")).toBeTruthy();
    expect(screen.getByText("≥ 96% (2026)")).toBeTruthy();
    expect((screen.getByLabelText("Giữ chỉ tiêu C.23") as HTMLInputElement).checked).toBe(false);
  });

  it("puts 'Nạp vào sổ' after the preview, and keeps it closed when every row was left out", async () => {
    show(<LoadPanel port={port()} />);
    fireEvent.change(screen.getByLabelText("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"), { target: { value: ONE_ROW } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    const write = await screen.findByRole("button", { name: "Nạp vào sổ" });
    const preview = screen.getByRole("list", { name: "Chỉ tiêu" });
    expect(preview.compareDocumentPosition(write) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(write.hasAttribute("disabled")).toBe(false);
    fireEvent.click(screen.getByLabelText("Giữ chỉ tiêu 1"));
    expect(write.hasAttribute("disabled")).toBe(true);
  });

  it("refuses a period it cannot read, saying how to write one", async () => {
    show(<LoadPanel port={port()} />);
    fireEvent.change(screen.getByLabelText("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"), { target: { value: ONE_ROW } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    fireEvent.change(await screen.findByLabelText("Kỳ báo cáo"), { target: { value: "quý năm sau" } });
    expect(screen.getByText("Ví dụ: Quý II/2026, Tháng 5/2026, 6 tháng đầu năm 2026, Năm 2026")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Nạp vào sổ" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows Excel's errors in Vietnamese, by code", async () => {
    const p = port({ load: jest.fn(async () => Promise.reject(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }))) });
    show(<LoadPanel port={p} />);
    fireEvent.change(screen.getByLabelText("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"), { target: { value: ONE_ROW } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    fireEvent.click(await screen.findByRole("button", { name: "Nạp vào sổ" }));
    expect(await screen.findByText("Excel đang ở chế độ sửa ô. Hãy bấm Enter hoặc Esc để thoát khỏi ô đang sửa, rồi thử lại.")).toBeTruthy();
  });
  it("makes a monthly workbook for a unit that reports monthly", async () => {
    const p = port();
    show(<LoadPanel port={p} />);
    fireEvent.change(screen.getByLabelText("Dán phụ lục chỉ tiêu (chép từ Word, PDF hoặc trang web)"), { target: { value: ONE_ROW } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    fireEvent.click(await screen.findByLabelText("Theo tháng"));
    fireEvent.change(screen.getByLabelText("Kỳ báo cáo"), { target: { value: "Tháng 5/2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Nạp vào sổ" }));
    await waitFor(() => expect(p.load).toHaveBeenCalled());
    expect((p.load as jest.Mock).mock.calls[0][1]).toMatchObject({ frequency: "month", period: { year: 2026, choice: "Tháng 5", endMonth: 5 } });
  });
});

describe("Kiểm tra số liệu", () => {
  it("lists each problem and selects its cell when clicked", async () => {
    const plan = seedPlan("thong-nhat-2026");
    const settings = { unit: "x", period: parsePeriod("Quý II/2026", "quarter")!, frequency: "quarter" as const, reportDate: "2026-07-05", warnThreshold: 0.5, planId: null, productVersion: "t" };
    const { spec } = buildWorkbook({ plan, settings, indicatorEntries: new Map([["C.7", { periods: [95, null, null, null], evidenceNumber: "1/BC" }]]) });
    const sheet = spec.sheets[0];
    const width = Math.max(...sheet!.rows.map((r) => r.length));
    const values = sheet!.rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.v ?? ""));
    const formats = sheet!.rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.fmt ?? "General"));
    const state: ReportState = {
      reading: readIndicatorSheet(values, formats),
      tasks: [],
      config: { unit: "x", planTitle: "", year: 2026, choice: "Quý II", reportDate: "2026-07-05", warnThreshold: 0.5, frequency: "quarter" },
      meta: null,
    };
    const p = port({ read: jest.fn(async () => state) });
    show(<CheckPanel port={p} />);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra số liệu" }));
    const list = await screen.findByRole("list", { name: "Vấn đề trong số liệu" });
    const item = within(list)
      .getByText(/C\.7: Quý I: ô phần trăm đang là 9500%/)
      .closest("li")!;
    fireEvent.click(within(item).getByRole("button"));
    await waitFor(() => expect(p.select).toHaveBeenCalledWith("Chỉ tiêu", expect.stringMatching(/^F\d+$/)));
  });
});

describe("Cập nhật chỉ tiêu", () => {
  it("shows each doubtful pair side by side and writes nothing until the official has chosen for every one", async () => {
    const pair: DoubtfulPair = {
      kind: "indicator",
      oldCode: "C.6",
      oldName: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến.",
      newCode: "C.6",
      newName: "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn.",
      similarity: 0.54,
      doubt: "cách diễn đạt chỉ giống 54%",
      joined: false,
    };
    const summary = {
      kept: 28,
      added: [],
      removed: [],
      keptAside: [],
      changedTargets: [],
      renumbered: [],
      doubtful: [{ ...pair, joined: true }],
      overrides: [],
      tasks: { kept: 0, added: [], removed: [], keptAside: [], renumbered: [] },
    };
    const p = port({
      proposeUpdate: jest.fn(async () => [pair]),
      update: jest.fn(async () => ({
        summary,
        renamed: [
          { from: "Chỉ tiêu", to: "Chỉ tiêu (cũ 1)" },
          { from: "_CDS", to: "_CDS (cũ 1)", hidden: true },
        ],
        cut: ["Ô Chỉ tiêu!S12 dài 40.000 ký tự, quá giới hạn 32.767 của Excel: đã cắt"],
        skipped: [],
      })),
    });
    show(<UpdatePanel port={p} />);
    fireEvent.change(screen.getByLabelText("Phụ lục chỉ tiêu đã sửa đổi"), { target: { value: readDocumentFile(CATALOGUE[0]!) } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc phụ lục" }));
    // The reader loads on first use: the button is enabled once the appendix is read.
    await screen.findByText(/^Phụ lục mới có/);
    fireEvent.click(screen.getByRole("button", { name: "Đối chiếu với sổ" }));
    const box = await screen.findByTestId("doubtful-pair");
    expect(within(box).getByText(/Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến\./)).toBeTruthy();
    expect(within(box).getByText(/được giải quyết trước hạn và đúng hạn/)).toBeTruthy();
    const write = screen.getByRole("button", { name: "Cập nhật vào sổ" });
    expect(write.hasAttribute("disabled")).toBe(true);
    fireEvent.click(write);
    expect(p.update).not.toHaveBeenCalled();
    fireEvent.change(within(box).getByLabelText("Chỉ tiêu C.6 trong sổ là"), { target: { value: "C.6" } });
    expect(write.hasAttribute("disabled")).toBe(false);
    fireEvent.click(write);
    await waitFor(() => expect(p.update).toHaveBeenCalled());
    const decisions = (p.update as jest.Mock).mock.calls[0][2];
    expect([...decisions.indicators]).toEqual([["C.6", "C.6"]]);
    // The workbook's own hidden sheet is never named to the official.
    expect((await screen.findByText(/Bản sao trước khi cập nhật: Chỉ tiêu \(cũ 1\)\. /)).textContent).not.toContain("_CDS");
    expect(await screen.findByText(/Đã cập nhật\. Giữ 28 chỉ tiêu.*đã ghép theo lựa chọn.*Lưu ý: Ô Chỉ tiêu!S12 dài 40\.000 ký tự, quá giới hạn 32\.767 của Excel: đã cắt\./)).toBeTruthy();
  });
});

describe("Gửi tỉnh", () => {
  it("consolidates the chosen reports, names the file it downloaded, and can open it as a new workbook (Office for Mac)", async () => {
    const plan = seedPlan("thong-nhat-2026");
    const { spec } = buildWorkbook({
      plan,
      settings: {
        unit: "UBND xã Thống Nhất",
        period: parsePeriod("Quý II/2026", "quarter")!,
        frequency: "quarter",
        reportDate: "2026-07-05",
        warnThreshold: 0.5,
        planId: "thong-nhat-2026",
        productVersion: "t",
      },
    });
    const bytes = await renderXlsx(spec);
    const file = new File([new Uint8Array(bytes)], "thong-nhat.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    const p = port();
    show(<ProvincePanel port={p} />);
    fireEvent.change(screen.getByLabelText("Các tệp báo cáo của đơn vị"), { target: { files: [file] } });
    expect(await screen.findByText("Đã tổng hợp 1 đơn vị, 29 chỉ tiêu vào tệp TongHop_Quy-II-2026.xlsx (đã tải về).", { exact: false })).toBeTruthy();
    const downloaded = (p.download as jest.Mock).mock.calls[0];
    expect(downloaded[0]).toBe("TongHop_Quy-II-2026.xlsx");
    fireEvent.click(screen.getByRole("button", { name: "Mở bảng tổng hợp thành sổ mới" }));
    await waitFor(() => expect(p.openAsNewWorkbook).toHaveBeenCalledWith(downloaded[1]));
  });
});

describe("Phiếu đơn vị", () => {
  it("asks about doubtful unit names before giving out forms, and opens a unit's form as a new workbook where downloads do nothing", async () => {
    const io = memoryIo();
    expect(await runCli(["workbook", "--plan", "thong-nhat-2026", "--period", "Quý II/2026", "--date", "05/07/2026", "--out", "so.xlsx"], io.cliIo)).toBe(0);
    const book = (await readReportFile("so.xlsx", io.written.get("so.xlsx") as Uint8Array)).report!;
    const p = port({ read: jest.fn(async () => book) });
    show(<CyclePanel port={p} />);
    fireEvent.click(screen.getByRole("button", { name: "Giao phiếu (tải về từng đơn vị)" }));
    const pair = await screen.findByLabelText("“Phòng VH-XH” và “Phòng VH-XH xã” là một đơn vị");
    expect(p.download).not.toHaveBeenCalled();
    fireEvent.click(pair);
    fireEvent.click(screen.getByRole("button", { name: "Giao phiếu (tải về từng đơn vị)" }));
    expect(await screen.findByText("Đã giao 8 phiếu.")).toBeTruthy();
    expect((p.download as jest.Mock).mock.calls.map((c) => c[0])).toContain("Phieu_Phong-VH-XH_Quy-II-2026.xlsx");
    fireEvent.click(screen.getByRole("button", { name: "Mở phiếu của Công an xã" }));
    await waitFor(() => expect(p.openAsNewWorkbook).toHaveBeenCalled());
    const opened = (p.openAsNewWorkbook as jest.Mock).mock.calls[0][0] as Uint8Array;
    const police = (await readReportFile("f.xlsx", opened)).report!;
    expect(police.meta!.form!.department).toBe("Công an xã");
    expect(police.reading.rows.map((r) => r.id)).toEqual(["C.16", "C.22"]);
  });

  it("shows a returned form's difference with the book, and writes the form's value only where the official ticks it", async () => {
    const io = memoryIo({ "kq.csv": "code,value\nC.16,70\n" });
    expect(await runCli(["workbook", "--plan", "thong-nhat-2026", "--results", "kq.csv", "--period", "Quý II/2026", "--date", "05/07/2026", "--out", "so.xlsx"], io.cliIo)).toBe(0);
    const book = (await readReportFile("so.xlsx", io.written.get("so.xlsx") as Uint8Array)).report!;
    const police = (await issueForms(book)).forms.find((f) => f.department === "Công an xã")!;
    const bytes = await fill(police.bytes, [
      { code: "C.16", column: "Quý II", value: 0.75 },
      { code: "C.22", column: "Quý II", value: 0.9 },
    ]);
    // Saved on 03/07/2026, before the due date (05/07/2026): on time.
    const file = new File([new Uint8Array(bytes)], "cong-an.xlsx", { lastModified: Date.parse("2026-07-03T08:00:00Z") });
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    const p = port({ read: jest.fn(async () => book), applyCollected: jest.fn(async (writes: unknown[]) => writes.length) });
    show(<CyclePanel port={p} />);
    fireEvent.change(screen.getByLabelText("Các phiếu đã nộp"), { target: { files: [file] } });
    const choice = await screen.findByLabelText("C.16, Quý II: sổ 0,7, phiếu của Công an xã 0,75");
    expect(screen.getByText("Đã nhận phiếu: Công an xã (1 giá trị).", { exact: false })).toBeTruthy();
    fireEvent.click(choice);
    fireEvent.click(screen.getByRole("button", { name: "Ghi số liệu phiếu vào sổ" }));
    expect(await screen.findByText("Đã ghi 2 giá trị từ phiếu vào sổ; 0 chỗ khác nhau giữ số của sổ.")).toBeTruthy();
    const writes = (p.applyCollected as jest.Mock).mock.calls[0][0] as Array<{ sheet: string; before: unknown; value: unknown }>;
    expect(writes.map((w) => [w.sheet, w.before, w.value])).toEqual([
      ["Chỉ tiêu", 0.7, 0.75],
      ["Chỉ tiêu", "", 0.9],
    ]);
  });
});

describe("a workbook without a report", () => {
  it("tells the official to load a plan first", async () => {
    show(<CheckPanel port={port()} />);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra số liệu" }));
    expect(await screen.findByText("Sổ tính này chưa có sổ báo cáo chỉ tiêu (trang Chỉ tiêu và Cấu hình). Hãy vào thẻ Nạp chỉ tiêu trước.")).toBeTruthy();
  });
});

describe("the pane in an Excel without ExcelApi 1.8", () => {
  it("says so and keeps the workbook actions closed, instead of a blank pane", () => {
    show(<App port={port({ supported: false })} />);
    expect(screen.getByText(/Phiên bản Excel này chưa hỗ trợ ExcelApi 1\.8/)).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Kiểm tra" }).hasAttribute("disabled") || screen.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-disabled") === "true").toBe(true);
  });
});

describe("Dùng bảng có sẵn", () => {
  const grid = {
    sheet: "KQ",
    values: [
      ["KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT VỀ CHUYỂN ĐỔI SỐ"],
      [],
      ["Cơ quan chủ trì", "Nội dung", "Mục tiêu", "Kết quả", "Số liệu quý trước", "Đánh giá"],
      ["Văn phòng", "1. Tỷ lệ văn bản được ký số", "≥ 90%", 92, 85, "Tốt"],
      ["Ban Tuyên giáo", "2. Xây dựng trang thông tin điện tử", "Hoàn thành", "Đang triển khai", "", ""],
    ],
  };

  it("shows how each column was read, lets the official correct one, and writes only what was confirmed", async () => {
    const annotate = jest.fn(async () => ({ mapping: recogniseTemplate(grid, { year: 2026 }), result: { renamed: [], syncs: 2, cut: [], skipped: [] } }));
    const p = port({ readTable: jest.fn(async () => ({ grid, annotated: null })), annotate });
    show(<TablePanel port={p} />);
    fireEvent.change(screen.getByRole("textbox", { name: "Kỳ báo cáo" }), { target: { value: "6 tháng đầu năm 2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng trên trang đang mở" }));
    expect(await screen.findByText("Trang “KQ”: 2 chỉ tiêu, tiêu đề ở dòng 3")).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "Cột D Kết quả" }) as HTMLSelectElement).value).toBe("achieved");
    expect((screen.getByRole("combobox", { name: "Cột F Đánh giá" }) as HTMLSelectElement).value).toBe("other");
    expect(screen.getByText(/Dòng 4 \(1\): Cột "Mục tiêu" không ghi năm; đã lấy năm 2026 của kỳ báo cáo/)).toBeTruthy();
    // "Số liệu quý trước" is not results of this period: the official says so.
    fireEvent.change(screen.getByRole("combobox", { name: "Cột E Số liệu quý trước" }), { target: { value: "other" } });
    expect(screen.getByRole("textbox", { name: "Ghi cột đánh giá từ cột" })).toHaveProperty("value", "G");
    fireEvent.click(screen.getByRole("button", { name: "Thêm cột đánh giá" }));
    expect(await screen.findByText(/Đã thêm cột đánh giá vào trang "KQ" từ cột G/)).toBeTruthy();
    expect(annotate).toHaveBeenCalledWith(
      expect.objectContaining({ sheet: "KQ", year: 2026, roles: [[5, "other"]], outputColumn: 7, rows: [4, 5] }),
      expect.objectContaining({ period: { year: 2026, choice: "6 tháng đầu năm", endMonth: 6 } }),
    );
  });

  it("says what was found on a sheet that holds no indicator table", async () => {
    const p = port({
      readTable: jest.fn(async () => ({
        grid: {
          sheet: "Danh bạ",
          values: [
            ["Họ và tên", "Chức vụ"],
            ["Nguyễn Văn A", "Chủ tịch"],
          ],
        },
        annotated: null,
      })),
    });
    show(<TablePanel port={p} />);
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng trên trang đang mở" }));
    expect(await screen.findByText(/Không nhận ra bảng chỉ tiêu trên trang "Danh bạ".*A "Họ và tên", B "Chức vụ"/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Thêm cột đánh giá" })).toBeNull();
  });
});
