import { Parser } from "htmlparser2";

/**
 * A .docx read through mammoth's HTML: tables become full grids (a cell merged across or down is
 * expanded, so every row has every column), then tab-separated rows; paragraphs and list items become
 * lines, as text copied from Word arrives. Shared by the task pane and the command line.
 */

interface HtmlCell {
  text: string[];
  colspan: number;
  rowspan: number;
}

/** Rows of cells with their spans as a full grid: merged down repeats the text, merged across leaves the covered cells empty. */
export function expandGrid(rows: HtmlCell[][]): string[][] {
  const grid: string[][] = [];
  const taken: Array<Array<boolean>> = [];
  rows.forEach((cells, r) => {
    grid[r] = grid[r] ?? [];
    taken[r] = taken[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r][c]) c++;
      const text = cell.text.join(" ").replace(/\s+/g, " ").trim();
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const rr = r + dr;
        grid[rr] = grid[rr] ?? [];
        taken[rr] = taken[rr] ?? [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[rr][c + dc] = dc === 0 ? text : "";
          taken[rr][c + dc] = true;
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.slice(0, rows.length).map((r) => Array.from({ length: width }, (_, k) => r[k] ?? ""));
}

const span = (v: string | undefined): number => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
};

export function htmlToText(html: string): string {
  const lines: string[] = [];
  // Nested tables read as text inside the outer cell.
  const tables: Array<{ rows: HtmlCell[][] }> = [];
  let cell: HtmlCell | null = null;
  let paragraph: string[] | null = null;
  let listItem = false;
  const sink = (t: string): void => {
    if (cell) cell.text.push(t);
    else if (paragraph) paragraph.push(t);
  };
  const endParagraph = (): void => {
    if (!paragraph) return;
    const text = paragraph.join("").replace(/\s+/g, " ").trim();
    if (text) lines.push(listItem ? `- ${text}` : text, "");
    paragraph = null;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const outer = tables.length === 0;
        if (name === "table") {
          if (outer) endParagraph();
          tables.push({ rows: [] });
        } else if (name === "tr" && tables.length === 1) tables[0]!.rows.push([]);
        else if ((name === "td" || name === "th") && tables.length === 1) {
          cell = { text: [], colspan: span(attrs.colspan), rowspan: span(attrs.rowspan) };
          const rows = tables[0]!.rows;
          const row = rows[rows.length - 1] ?? [];
          if (rows.length === 0) rows.push(row);
          row.push(cell);
        } else if (cell && /^(p|li|br|h[1-6])$/.test(name)) cell.text.push(" ");
        else if (outer && /^(p|h[1-6])$/.test(name)) {
          endParagraph();
          listItem = false;
          paragraph = [];
        } else if (outer && name === "li") {
          endParagraph();
          listItem = true;
          paragraph = [];
        } else if (outer && name === "br") sink("\n");
      },
      ontext(text) {
        sink(text.replace(/\t/g, " "));
      },
      onclosetag(name) {
        if ((name === "td" || name === "th") && tables.length === 1) cell = null;
        else if (name === "table") {
          const table = tables.pop()!;
          if (tables.length === 0) {
            for (const row of expandGrid(table.rows)) if (row.some((c) => c)) lines.push(row.join("\t"));
            lines.push("");
          }
        } else if (tables.length === 0 && /^(p|li|h[1-6])$/.test(name)) {
          endParagraph();
          if (name === "li") listItem = false;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export async function docxToText(data: ArrayBuffer): Promise<string> {
  const mammoth = await import(/* webpackChunkName: "mammoth" */ "mammoth");
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`: give both, the same bytes.
  const input = { arrayBuffer: data, buffer: typeof Buffer !== "undefined" ? Buffer.from(data) : data } as unknown as { arrayBuffer: ArrayBuffer };
  const { value } = await mammoth.convertToHtml(input);
  return htmlToText(value);
}
