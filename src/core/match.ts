import { bigrams, expandedWords } from "./text/similarity";

/**
 * Which row of one list is which row of another: an old report and an amended appendix, or one unit's
 * report and the province's columns. One global assignment over all rows, by wording; a shared code is
 * a bonus, never a rule. A pair that is not clearly the same indicator is returned as doubtful, and
 * callers never apply a doubtful pair without a person.
 */
export const MATCH = {
  /** Score (wording similarity plus the code bonus) from which a pair is the same indicator. */
  SURE: 0.8,
  /** Score below which two rows are never paired. */
  DOUBTFUL: 0.55,
  /** Added to the wording similarity when both rows carry the same code. */
  CODE_BONUS: 0.1,
  /** A row that changed its code is sure only when its wording is all but unchanged. */
  RENUMBERED_SURE: 0.95,
  /** Another candidate this close makes a pair doubtful. */
  RIVAL_GAP: 0.05,
} as const;

export interface Matchable {
  code: string;
  wording: string;
}

export interface MatchedPair {
  /** Index in the first list. */
  a: number;
  /** Index in the second list. */
  b: number;
  /** Wording similarity, 0..1, rounded to two decimals. */
  similarity: number;
  sure: boolean;
  /** Why a person must look, in Vietnamese; null for a sure pair. */
  doubt: string | null;
}

export interface Matching {
  pairs: MatchedPair[];
  onlyA: number[];
  onlyB: number[];
}

export interface MatchOptions {
  /**
   * Both lists come from the same plan's numbering (an update): a changed code is a sign of a change.
   * Off across different plans (the province's units number their own indicators).
   */
  sharedNumbering: boolean;
}

/** "II.2 (cũ 2)" is the old "II.2": a row kept aside by an earlier update keeps its code's meaning. */
export const bareCode = (code: string): string => code.replace(/\s*\(cũ(?:\s+\d+)?\)$/, "").trim();

/** The wording without the targets written into it ("... đạt từ 60% trở lên"), abbreviations written out. */
export function matchWording(name: string, targetTexts: string[] = []): string {
  let text = name;
  for (const t of targetTexts) {
    const bare = t.replace(/^\d{4}:\s*/, "").trim();
    if (bare.length >= 2) text = text.split(bare).join(" ");
  }
  return expandedWords(text)
    .replace(/\s*\b(dat|tu|tro len|toi thieu|it nhat)\s*$/g, "")
    .trim();
}

interface Candidate {
  a: number;
  b: number;
  sim: number;
  score: number;
}

function dice(a: Map<string, number>, sizeA: number, index: Map<string, Array<[number, number]>>, sizes: number[]): Map<number, number> {
  const shared = new Map<number, number>();
  for (const [gram, ca] of a) {
    for (const [j, cb] of index.get(gram) ?? []) shared.set(j, (shared.get(j) ?? 0) + Math.min(ca, cb));
  }
  const out = new Map<number, number>();
  for (const [j, n] of shared) out.set(j, (2 * n) / (sizeA + sizes[j]!));
  return out;
}

function counts(grams: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const g of grams) m.set(g, (m.get(g) ?? 0) + 1);
  return m;
}

export function matchRows(listA: Matchable[], listB: Matchable[], options: MatchOptions): Matching {
  const gramsA = listA.map((x) => bigrams(x.wording));
  const gramsB = listB.map((x) => bigrams(x.wording));
  const index = new Map<string, Array<[number, number]>>();
  gramsB.forEach((grams, j) => {
    for (const [g, n] of counts(grams)) {
      const list = index.get(g);
      if (list) list.push([j, n]);
      else index.set(g, [[j, n]]);
    }
  });
  const sizesB = gramsB.map((g) => g.length);
  const codeA = listA.map((x) => bareCode(x.code));
  const codeB = listB.map((x) => bareCode(x.code));
  const byCodeB = new Map<string, number[]>();
  codeB.forEach((c, j) => byCodeB.set(c, [...(byCodeB.get(c) ?? []), j]));

  const scores: Array<Map<number, Candidate>> = listA.map(() => new Map());
  const candidates: Candidate[] = [];
  gramsA.forEach((grams, i) => {
    const sims = grams.length ? dice(counts(grams), grams.length, index, sizesB) : new Map<number, number>();
    // Two empty wordings are alike only by their code.
    if (!grams.length) gramsB.forEach((g, j) => g.length === 0 && sims.set(j, 1));
    const code = codeA[i]!;
    for (const j of byCodeB.get(code) ?? []) if (code && !sims.has(j)) sims.set(j, 0);
    for (const [j, sim] of sims) {
      const score = sim + (code && code === codeB[j] ? MATCH.CODE_BONUS : 0);
      const c = { a: i, b: j, sim, score };
      scores[i]!.set(j, c);
      if (score >= MATCH.DOUBTFUL) candidates.push(c);
    }
  });
  const near = (i: number, j: number) => Math.abs(i / Math.max(1, listA.length) - j / Math.max(1, listB.length));
  candidates.sort((x, y) => y.score - x.score || y.sim - x.sim || near(x.a, x.b) - near(y.a, y.b) || x.a - y.a || x.b - y.b);

  const partnerOfA = new Map<number, Candidate>();
  const partnerOfB = new Map<number, Candidate>();
  for (const c of candidates) {
    if (partnerOfA.has(c.a) || partnerOfB.has(c.b)) continue;
    partnerOfA.set(c.a, c);
    partnerOfB.set(c.b, c);
  }

  const score = (i: number, j: number) => scores[i]?.get(j)?.score ?? 0;
  const pairs: MatchedPair[] = [...partnerOfA.values()]
    .sort((x, y) => x.a - y.a)
    .map((c) => {
      const doubts: string[] = [];
      if (c.score < MATCH.SURE) doubts.push(`cách diễn đạt chỉ giống ${Math.round(c.sim * 100)}%`);
      else if (options.sharedNumbering && codeA[c.a] !== codeB[c.b] && c.sim < MATCH.RENUMBERED_SURE) doubts.push(`đổi mã (${listA[c.a]!.code} → ${listB[c.b]!.code}) và đổi cách diễn đạt`);
      // Another row this close that is not clearly better placed elsewhere: a person chooses.
      const rivalsB = [...scores[c.a]!.values()].filter((o) => o.b !== c.b && o.score >= c.score - MATCH.RIVAL_GAP && (partnerOfB.get(o.b)?.score ?? 0) < o.score + MATCH.RIVAL_GAP);
      const rivalsA = listA.map((_, i) => i).filter((i) => i !== c.a && score(i, c.b) >= c.score - MATCH.RIVAL_GAP && (partnerOfA.get(i)?.score ?? 0) < score(i, c.b) + MATCH.RIVAL_GAP);
      if (rivalsB.length) doubts.push(`gần giống cả ${rivalsB.map((o) => listB[o.b]!.code).join(", ")}`);
      if (rivalsA.length) doubts.push(`gần giống cả ${rivalsA.map((i) => listA[i]!.code).join(", ")}`);
      return { a: c.a, b: c.b, similarity: Math.round(c.sim * 100) / 100, sure: doubts.length === 0, doubt: doubts.length ? doubts.join("; ") : null };
    });
  return {
    pairs,
    onlyA: listA.map((_, i) => i).filter((i) => !partnerOfA.has(i)),
    onlyB: listB.map((_, j) => j).filter((j) => !partnerOfB.has(j)),
  };
}
