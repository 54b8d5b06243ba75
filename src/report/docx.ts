import { AlignmentType, BorderStyle, Document, ImageRun, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { STATUSES } from "../core/judge";
import { STATUS_STYLE } from "../workbook/theme";
import { CHART, statusChartPng } from "./chart";
import type { Block, ReportDraft } from "./draft";

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins in millimetres, Times New Roman, sizes in points. */
const MM = 56.7;
const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const CONTENT = PAGE.width - PAGE.left - PAGE.right;
const FONT = "Times New Roman";
const pt = (n: number) => n * 2;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const hex = (c: string) => c.replace("#", "");

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; color?: string };
const run = (text: string, s: RunStyle = {}) => new TextRun({ text, font: FONT, size: pt(s.size ?? 14), bold: s.bold, italics: s.italics, color: s.color });

const centred = (text: string, s: RunStyle = {}, after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: [run(text, s)] });

/** A short rule under a centred line, about as long as the text above it. */
const rule = (cellWidth: number, length: number) => {
  const indent = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({ indent: { left: indent, right: indent }, spacing: { before: 0, after: 120 }, border: { bottom: LINE }, children: [] });
};

const bodyParagraph = (text: string, s: RunStyle = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing: { before: 120, after: 0, line: 300 }, children: [run(text, s)] });

function cell(text: string, width: number, s: RunStyle & { fill?: string; align?: "left" | "center" } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: s.fill ? { type: ShadingType.CLEAR, fill: hex(s.fill), color: "auto" } : undefined,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [new Paragraph({ alignment: s.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, { size: 12, ...s })] })],
  });
}

function grid(widths: number[], header: TableCell[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [new TableRow({ tableHeader: true, children: header }), ...rows.map((children) => new TableRow({ cantSplit: true, children }))],
  });
}

const statusCell = (status: keyof typeof STATUS_STYLE, width: number, size = 12) => cell(status, width, { fill: STATUS_STYLE[status].fill, color: hex(STATUS_STYLE[status].color), bold: true, size });

/** A row of two borderless cells across the page: the header's two sides, the recipients and the signature. */
function twoSides(left: number, leftChildren: Paragraph[], rightChildren: (right: number) => Paragraph[]): Table {
  const right = CONTENT - left;
  const side = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [side(left, leftChildren), side(right, rightChildren(right))] })],
  });
}

function headerBlock(d: ReportDraft): Table {
  const left = 3800;
  const [motto, ...sub] = d.motto;
  return twoSides(left, [...d.issuer.map((line) => centred(line, { bold: true, size: 13 })), rule(left, 1200), centred(d.number, { size: 13 })], (right) => [
    centred(motto ?? "", { bold: true, size: 12 }),
    ...sub.map((line) => centred(line, { bold: true, size: 13 })),
    rule(right, sub.length ? 3300 : 2600),
    centred(d.placeAndDate, { italics: true, size: 13 }),
  ]);
}

function statusTable(d: ReportDraft): Table {
  const widths = [4000, 2400, 2400];
  const rows = STATUSES.map((s) => [
    statusCell(s, widths[0]!),
    cell(String(d.counts[s]), widths[1]!),
    cell(d.total ? `${Math.round((1000 * d.counts[s]) / d.total) / 10}%`.replace(".", ",") : "", widths[2]!),
  ]);
  rows.push([cell("Tổng số", widths[0]!, { bold: true }), cell(String(d.total), widths[1]!, { bold: true }), cell(d.total ? "100%" : "", widths[2]!, { bold: true })]);
  return grid(widths, [cell("Trạng thái", widths[0]!, { bold: true }), cell("Số chỉ tiêu", widths[1]!, { bold: true }), cell("Tỷ lệ", widths[2]!, { bold: true })], rows);
}

function chart(d: ReportDraft): Array<Paragraph | Table> {
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 0 },
    keepNext: true,
    keepLines: true,
    children: [
      new ImageRun({
        type: "png",
        data: statusChartPng(d.counts),
        transformation: { width: CHART.width, height: CHART.height },
        altText: { name: "Biểu đồ", title: "Số chỉ tiêu theo trạng thái", description: STATUSES.map((s) => `${s}: ${d.counts[s]}`).join("; ") },
      }),
    ],
  });
  const slot = Math.floor((CHART.width * 15) / CHART.slots);
  const legend = new Table({
    width: { size: slot * CHART.slots, type: WidthType.DXA },
    columnWidths: STATUSES.map(() => slot),
    alignment: AlignmentType.CENTER,
    rows: [new TableRow({ children: STATUSES.map((s) => statusCell(s, slot, 11)) })],
  });
  return [picture, legend, centred("Biểu đồ: số chỉ tiêu theo trạng thái", { italics: true, size: 12 }, 120)];
}

function groupTable(rows: Extract<Block, { kind: "groupTable" }>["rows"]): Table {
  const first = 2875;
  const each = Math.floor((CONTENT - first - 900) / STATUSES.length);
  const widths = [first, 900, ...STATUSES.map(() => each)];
  return grid(
    widths,
    [cell("Nhóm chỉ tiêu", first, { bold: true }), cell("Tổng", 900, { bold: true }), ...STATUSES.map((s) => statusCell(s, each, 10))],
    rows.map((r) => [cell(r.group, first, { align: "left" }), cell(String(r.total), 900), ...STATUSES.map((s) => cell(String(r.counts[s]), each))]),
  );
}

function blocks(d: ReportDraft): Array<Paragraph | Table> {
  return d.body.flatMap((b): Array<Paragraph | Table> => {
    switch (b.kind) {
      case "heading":
        return [bodyParagraph(b.text, { bold: true })];
      case "paragraph":
        return [bodyParagraph(b.text)];
      case "bullet":
        return [bodyParagraph(`- ${b.text}`)];
      case "statusTable":
        return [new Paragraph({ spacing: { before: 120 }, children: [] }), statusTable(d)];
      case "chart":
        return chart(d);
      case "groupTable":
        return [new Paragraph({ spacing: { before: 120 }, children: [] }), groupTable(b.rows)];
    }
  });
}

function signatureBlock(d: ReportDraft): Table {
  return twoSides(
    4300,
    [new Paragraph({ children: [run("Nơi nhận:", { bold: true, italics: true, size: 12 })] }), ...d.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 11 })] }))],
    () => [centred(d.signature.on, { bold: true, size: 14 }), centred(d.signature.title, { bold: true, size: 14 }), ...Array.from({ length: 5 }, () => centred("")), centred("", { bold: true })],
  );
}

function annex(d: ReportDraft): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    new Paragraph({ children: [new PageBreak()] }),
    centred("PHỤ LỤC", { bold: true }),
    centred(d.annex.title, { bold: true }),
    centred(`(Kèm theo Báo cáo ${d.number.replace(/^Số:?\s*/, "số ")} ngày      tháng      năm ${d.placeAndDate.slice(-4)})`, { italics: true, size: 13 }, 200),
  ];
  const w = [1150, 2450, 1100, 1000, 950, 1250, 1455];
  out.push(
    grid(
      w,
      ["Mã", "Nội dung chỉ tiêu", "Chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Trạng thái", "Đơn vị chủ trì"].map((t, k) => cell(t, w[k]!, { bold: true, size: 11 })),
      d.annex.indicators.map((i) => [
        cell(i.code, w[0]!, { size: 11 }),
        cell(i.name, w[1]!, { size: 11, align: "left" }),
        cell(i.target, w[2]!, { size: 11 }),
        cell(i.value, w[3]!, { size: 11 }),
        cell(i.ratio, w[4]!, { size: 11 }),
        statusCell(i.status, w[5]!, 11),
        cell(i.lead, w[6]!, { size: 11, align: "left" }),
      ]),
    ),
  );
  if (d.annex.tasks.length) {
    const t = [950, 3550, 1700, 1100, 1000, 1055];
    out.push(
      new Paragraph({ spacing: { before: 240, after: 120 }, children: [run("Nhiệm vụ", { bold: true, size: 13 })] }),
      grid(
        t,
        ["Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ", "Trạng thái"].map((x, k) => cell(x, t[k]!, { bold: true, size: 11 })),
        d.annex.tasks.map((x) => [
          cell(x.code, t[0]!, { size: 11 }),
          cell(x.name, t[1]!, { size: 11, align: "left" }),
          cell(x.lead, t[2]!, { size: 11, align: "left" }),
          cell(x.deadline, t[3]!, { size: 11 }),
          cell(x.progress, t[4]!, { size: 11 }),
          statusCell(x.status, t[5]!, 11),
        ]),
      ),
    );
  }
  return out;
}

/** The draft as a Word document (.docx). */
export async function reportDocx(d: ReportDraft): Promise<Uint8Array> {
  const doc = new Document({
    creator: "Chỉ tiêu số",
    title: `${d.title} ${d.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
        children: [
          headerBlock(d),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centred(d.title, { bold: true, size: 14 }),
          centred(d.summary, { bold: true, size: 14 }),
          rule(CONTENT, 2000),
          ...blocks(d),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          signatureBlock(d),
          ...annex(d),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
