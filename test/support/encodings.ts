/** Text as Vietnamese Windows saves it (code page 1258): base letters, then combining tone marks. */
export function cp1258(text: string): Uint8Array {
  const letters: Record<string, number> = { â: 0xe2, ê: 0xea, ô: 0xf4, ơ: 0xf5, ư: 0xfd, ă: 0xe3, đ: 0xf0, Â: 0xc2, Ê: 0xca, Ô: 0xd4, Ơ: 0xd5, Ư: 0xdd, Ă: 0xc3, Đ: 0xd0 };
  const tones: Record<string, number> = { "\u0300": 0xcc, "\u0301": 0xec, "\u0303": 0xde, "\u0309": 0xd2, "\u0323": 0xf2 };
  const chars = [...text.normalize("NFD")];
  const out: number[] = [];
  const byte = (ch: string) => {
    const code = letters[ch] ?? tones[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : undefined);
    if (code === undefined) throw new Error(`not in code page 1258 here: ${ch}`);
    out.push(code);
  };
  for (let k = 0; k < chars.length; k++) {
    // A letter's shape marks (circumflex, breve, horn) join it; its tone mark follows as its own byte.
    let base = chars[k];
    const marks: string[] = [];
    while (/[\u0300-\u036f]/.test(chars[k + 1] ?? "")) {
      const m = chars[++k];
      if (/[\u0302\u0306\u031b]/.test(m!)) base = (base! + m!).normalize("NFC");
      else marks.push(m!);
    }
    byte(base!);
    marks.forEach(byte);
  }
  return new Uint8Array(out);
}
