import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { collectForms } from "../../src/actions/collect";
import { formDoubts, issueForms } from "../../src/actions/forms";
import { readReportFile } from "../../src/province/readReportFile";
import { quarterBlock } from "../support/templates";
import { fill } from "../support/forms";
import { memoryIo } from "../support/memoryIo";

// Each step reads and writes several workbooks: seconds on a busy 2-core machine.
jest.setTimeout(120000);

/** Thống Nhất's book for Quý II/2026 with part of the results entered: C.16 has 70, C.22 nothing yet. */
async function book(): Promise<Uint8Array> {
  const csv = "code,value,evidence\nC.16,70,Hợp lệ\nC.21,60,\nC.1,90,Hợp lệ\n";
  const { cliIo, written } = memoryIo({ "kq.csv": csv });
  expect(await runCli(["workbook", "--plan", "thong-nhat-2026", "--results", "kq.csv", "--period", "Quý II/2026", "--date", "30/06/2026", "--out", "so.xlsx"], cliIo)).toBe(0);
  return written.get("so.xlsx") as Uint8Array;
}

describe("the ward's reporting cycle: forms out to the departments and back into the book", () => {
  it("gives each lead unit a form with only its rows, the book's values, the due date and its identity", async () => {
    const so = await book();
    const { cliIo, out, written } = memoryIo({ "so.xlsx": so });
    expect(await runCli(["forms", "so.xlsx", "--out-dir", "."], cliIo)).toBe(0);
    expect(out[0]).toContain("(hạn nộp 05/07/2026)");
    expect(out[0]).toContain("Phieu_Cong-an-xa_Quy-II-2026.xlsx: Công an xã, 2 chỉ tiêu, 0 nhiệm vụ");
    // "Phòng VH-XH" and "Phòng VH-XH xã" may be one office: asked, not merged.
    expect(out[0]).toContain('Cần xác nhận: "Phòng VH-XH" nằm trong "Phòng VH-XH xã"');
    const police = (await readReportFile("p.xlsx", written.get("Phieu_Cong-an-xa_Quy-II-2026.xlsx") as Uint8Array)).report!;
    expect(police.reading.rows.map((r) => r.id)).toEqual(["C.16", "C.22"]);
    expect(police.reading.rows[0]!.entry.periods[1]).toBe(0.7);
    expect(police.meta!.form).toEqual({ department: "Công an xã", book: "UBND xã Thống Nhất", due: "2026-07-05", leads: ["Công an xã"] });
    expect(police.config).toMatchObject({ unit: "Công an xã", choice: "Quý II", year: 2026 });
    // The same protection as the book: the sheet locked, the input cells open.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written.get("Phieu_Cong-an-xa_Quy-II-2026.xlsx") as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // Every row of the book is in exactly one form, or has no lead.
    const codes: string[] = [];
    for (const [, bytes] of written) codes.push(...(await readReportFile("f.xlsx", bytes as Uint8Array)).report!.reading.rows.map((r) => r.id));
    expect(codes.sort()).toEqual((await readReportFile("so.xlsx", so)).report!.reading.rows.map((r) => r.id).sort());
  });

  it("reads the returned forms back: empty cells filled, every difference listed and the book's value kept, late and missing units named", async () => {
    const so = await book();
    const issued = memoryIo({ "so.xlsx": so });
    expect(await runCli(["forms", "so.xlsx", "--out-dir", ".", "--due", "05/07/2026"], issued.cliIo)).toBe(0);
    const form = (name: string) => issued.written.get(`Phieu_${name}_Quy-II-2026.xlsx`) as Uint8Array;
    const files = {
      "so.xlsx": so,
      "cong-an.xlsx": await fill(form("Cong-an-xa"), [
        { code: "C.16", column: "Quý II", value: 0.75 },
        { code: "C.22", column: "Quý II", value: 0.9 },
        { code: "C.22", column: "Thẩm định minh chứng", value: "Hợp lệ" },
      ]),
      // Trạm y tế also writes over C.22, which the book gives to Công an xã.
      "tram-y-te.xlsx": await fill(form("Tram-y-te"), [{ code: "C.21", column: "Quý II", value: 0.5 }], { code: ["C.21", "C.22"] }),
      "kinh-te.xlsx": await fill(form("Phong-Kinh-te-xa"), [{ code: "B.1", column: "Quý II", value: 0.03 }], { choice: "Quý I" }),
      "ghi-chu.txt": "không phải phiếu",
    };
    const run = memoryIo(files, { "cong-an.xlsx": "2026-07-03", "tram-y-te.xlsx": "2026-07-09" });
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "so-moi.xlsx"], run.cliIo)).toBe(0);
    const said = run.out.join("\n");
    expect(said).toContain("Đã nhận phiếu: Công an xã (2 giá trị); Trạm y tế (0 giá trị, nộp muộn).");
    expect(said).toMatch(/Chưa nộp phiếu: .*Phòng Kinh tế xã/);
    expect(said).toContain("Không dùng tệp kinh-te.xlsx: là phiếu kỳ Quý I/2026, sổ đang ở kỳ Quý II/2026: không lấy số liệu.");
    expect(said).toContain("Bỏ qua C.22 trong phiếu của Trạm y tế (tram-y-te.xlsx): không do đơn vị này chủ trì trong sổ.");
    expect(said).toContain("Khác nhau ở chỉ tiêu C.16, cột Quý II: sổ 0,7, phiếu của Công an xã 0,75 — giữ số của sổ.");
    expect([...run.written.keys()]).toEqual(["so-moi.xlsx"]);

    const after = (await readReportFile("so-moi.xlsx", run.written.get("so-moi.xlsx") as Uint8Array)).report!;
    const row = (code: string) => after.reading.rows.find((r) => r.id === code)!;
    expect(row("C.16").entry.periods[1]).toBe(0.7);
    expect(row("C.22").entry.periods[1]).toBe(0.9);
    expect(row("C.22").entry.evidence).toBe("Hợp lệ");
    expect(row("C.21").entry.periods[1]).toBe(0.6);
    expect(row("B.1").entry.periods[1] ?? null).toBeNull();
    expect(row("C.1").entry.periods[1]).toBe(0.9);

    // The official chooses the forms' values: every one taken is still listed.
    const again = memoryIo(files);
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "so-moi.xlsx", "--prefer-forms", "--json"], again.cliIo)).toBe(0);
    const json = JSON.parse(again.out[0]!);
    expect(json.conflicts).toEqual([expect.objectContaining({ code: "C.16", field: "p2", book: 0.7, form: 0.75, department: "Công an xã" })]);
    const chosen = (await readReportFile("x.xlsx", again.written.get("so-moi.xlsx") as Uint8Array)).report!;
    expect(chosen.reading.rows.find((r) => r.id === "C.16")!.entry.periods[1]).toBe(0.75);
  });

  it("gives one form to two spellings the official confirms are one unit, and takes both kinds of rows back from it", async () => {
    const so = await book();
    const issued = memoryIo({ "so.xlsx": so });
    expect(await runCli(["forms", "so.xlsx", "--out-dir", ".", "--join", "Phòng VH-XH=Phòng VH-XH xã"], issued.cliIo)).toBe(0);
    expect(issued.out[0]).toContain("Đã giao 8 phiếu");
    expect(issued.out[0]).toContain("Phieu_Phong-VH-XH_Quy-II-2026.xlsx: Phòng VH-XH, 6 chỉ tiêu, 0 nhiệm vụ");
    expect(issued.out[0]).not.toContain("Cần xác nhận");
    const joined = issued.written.get("Phieu_Phong-VH-XH_Quy-II-2026.xlsx") as Uint8Array;
    const form = (await readReportFile("f.xlsx", joined)).report!;
    expect(form.reading.rows.map((r) => r.id)).toEqual(["A.1", "A.2", "B.2", "B.3", "B.4", "C.17"]);
    expect(form.meta!.form!.leads!.sort()).toEqual(["Phòng VH-XH", "Phòng VH-XH xã"]);
    const returned = await fill(joined, [
      { code: "A.1", column: "Quý II", value: 0.5 },
      { code: "B.3", column: "Quý II", value: 0.6 },
    ]);
    const run = memoryIo({ "so.xlsx": so, "vhxh.xlsx": returned });
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "moi.xlsx"], run.cliIo)).toBe(0);
    const said = run.out.join("\n");
    expect(said).toContain("Đã nhận phiếu: Phòng VH-XH (2 giá trị).");
    expect(said).not.toContain("Bỏ qua");
    expect(said).not.toMatch(/Chưa nộp phiếu: .*Phòng VH-XH/);
  });

  it("reads only the last form a unit saved when it sent two", async () => {
    const so = await book();
    const issued = memoryIo({ "so.xlsx": so });
    expect(await runCli(["forms", "so.xlsx", "--out-dir", "."], issued.cliIo)).toBe(0);
    const police = issued.written.get("Phieu_Cong-an-xa_Quy-II-2026.xlsx") as Uint8Array;
    const files = {
      "so.xlsx": so,
      "ca-lan-1.xlsx": await fill(police, [{ code: "C.22", column: "Quý II", value: 0.5 }]),
      "ca-lan-2.xlsx": await fill(police, [{ code: "C.22", column: "Quý II", value: 0.9 }]),
    };
    const run = memoryIo(files, { "ca-lan-1.xlsx": "2026-07-02", "ca-lan-2.xlsx": "2026-07-04" });
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "moi.xlsx"], run.cliIo)).toBe(0);
    expect(run.out.join("\n")).toContain("Không dùng tệp ca-lan-1.xlsx: Công an xã nộp hơn một phiếu; đã dùng phiếu lưu sau cùng (ca-lan-2.xlsx).");
    const after = (await readReportFile("moi.xlsx", run.written.get("moi.xlsx") as Uint8Array)).report!;
    expect(after.reading.rows.find((r) => r.id === "C.22")!.entry.periods[1]).toBe(0.9);
  });

  it("gives out and takes back forms only for a standard book read back whole", async () => {
    const read = (await readReportFile("so.xlsx", await book())).report!;
    // A code on two rows (as the pane reads an open workbook someone copied a row in): a form would lose one.
    const twice = { ...read, reading: { ...read.reading, repeatedCodes: ["C.16"] } };
    expect(() => formDoubts(twice)).toThrow('Trang "Chỉ tiêu"');
    await expect(issueForms(twice)).rejects.toThrow("Chưa giao và thu phiếu, để khỏi mất số liệu");
    expect(() => collectForms(twice, [])).toThrow("Chưa giao và thu phiếu, để khỏi mất số liệu");
    const annotated = memoryIo({ "bang.xlsx": await quarterBlock.build() });
    expect(await runCli(["annotate", "bang.xlsx", "--period", "Quý II/2026", "--out", "da-gan.xlsx"], annotated.cliIo)).toBe(0);
    const io = memoryIo({ "da-gan.xlsx": annotated.written.get("da-gan.xlsx") as Uint8Array });
    expect(await runCli(["forms", "da-gan.xlsx", "--out-dir", "."], io.cliIo)).toBe(1);
    expect(io.err.join("\n")).toContain("Sổ này dùng bảng có sẵn của đơn vị: giao và thu phiếu chỉ dùng cho sổ chuẩn do add-in lập.");
    expect(io.written.size).toBe(0);
  });

  it("writes nothing when there is no form to read, or the output exists", async () => {
    const so = await book();
    const a = memoryIo({ "so.xlsx": so, "ghi-chu.txt": "x" });
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "so-moi.xlsx"], a.cliIo)).toBe(1);
    expect(a.err.join("\n")).toContain('Thư mục "." không có phiếu nào đọc được');
    const b = memoryIo({ "so.xlsx": so, "so-moi.xlsx": "cũ" });
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "so-moi.xlsx"], b.cliIo)).toBe(1);
    const c = memoryIo({ "so.xlsx": so, "khac.xlsx": so });
    expect(await runCli(["collect", "so.xlsx", ".", "--out", "so-moi.xlsx"], c.cliIo)).toBe(1);
    expect(c.err.join("\n")).toContain("Không dùng tệp khac.xlsx: không phải phiếu giao cho đơn vị");
    expect([a, b, c].map((x) => x.written.size)).toEqual([0, 0, 0]);
  });
});
