/**
 * Text files as Vietnamese offices save them: UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode
 * text"), or Windows-1258 (Vietnamese Windows, which writes most tone marks as combining marks).
 * Always returned in NFC.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const sample = bytes.subarray(0, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let k = 0; k < sample.length; k++) {
    if (sample[k] !== 0) continue;
    if (k % 2 === 0) evenZero++;
    else oddZero++;
  }
  if (oddZero > sample.length / 4 && evenZero === 0) return "utf-16le";
  if (evenZero > sample.length / 4 && oddZero === 0) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "windows-1258";
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  const text = new TextDecoder(encoding)
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .normalize("NFC");
  return { text, encoding };
}

export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  "windows-1258": "Windows-1258 (tiếng Việt của Windows)",
};
