/**
 * A .docx plan as the loader reads pasted text: mammoth (loaded only when a file is opened) turns it
 * into HTML; tables become tab-separated rows, paragraphs and list items become lines.
 */
export function htmlToText(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(`<body>${html}</body>`, "text/html");
  const lines: string[] = [];
  const flat = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
  const cellText = (cell: Element) =>
    Array.from(cell.children).length
      ? Array.from(cell.querySelectorAll("p, li")).map(flat).filter(Boolean).join(" ") || flat(cell)
      : flat(cell);
  const walk = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    if (tag === "table") {
      for (const tr of Array.from(el.querySelectorAll("tr"))) lines.push(Array.from(tr.children).map(cellText).join("\t"));
      lines.push("");
    } else if (tag === "ul" || tag === "ol") {
      for (const li of Array.from(el.children)) lines.push(`- ${flat(li)}`);
      lines.push("");
    } else if (/^(p|h[1-6])$/.test(tag)) {
      // A blank line after each paragraph, as text copied from Word arrives.
      lines.push(flat(el), "");
    } else for (const child of Array.from(el.children)) walk(child);
  };
  for (const child of Array.from(doc.body.children)) walk(child);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

export async function docxToText(data: ArrayBuffer): Promise<string> {
  const mammoth = await import(/* webpackChunkName: "mammoth" */ "mammoth");
  // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`: give both, the same bytes.
  const input = { arrayBuffer: data, buffer: data } as unknown as { arrayBuffer: ArrayBuffer };
  const { value } = await mammoth.convertToHtml(input);
  return htmlToText(value);
}
