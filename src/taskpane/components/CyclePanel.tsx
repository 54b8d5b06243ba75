import { Button, Checkbox, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Collection, ReturnedForm } from "../../actions/collect";
import { dateProblem, formatDate, parseViDate } from "../../core/format";
import type { WorkbookPort } from "../office/port";
import type { ReportState } from "../office/report";
import { noReport, UserFacingError } from "../office/errors";
import { useAction } from "../useAction";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { paddingLeft: tokens.spacingHorizontalL, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const toggled = (set: Set<string>, key: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
};
const files = () => import(/* webpackChunkName: "province" */ "../province");

/**
 * "Phiếu đơn vị": forms out to each lead unit (Giao phiếu) and back into the book (Thu phiếu). Every
 * difference between a form and the book is shown with a box to take the form's value; the book's stays
 * unless the box is ticked.
 */
export function CyclePanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const issuing = useAction();
  const collecting = useAction();
  const [due, setDue] = useState("");
  const [issued, setIssued] = useState<{ forms: Array<{ line: string; department: string; bytes: Uint8Array }>; notes: string[] } | null>(null);
  // Names the matcher doubts are one unit: shown first, the official ticks those that are, then gives out the forms.
  const [doubts, setDoubts] = useState<Array<{ a: string; b: string; why: string }> | null>(null);
  const [joins, setJoins] = useState<Set<string>>(new Set());
  const [read, setRead] = useState<{ book: ReportState; forms: ReturnedForm[]; collection: Collection; lines: string[]; choices: Array<{ key: string; label: string }> } | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const dueProblem = due.trim() ? dateProblem(due) : null;

  const issue = () =>
    issuing.run(async () => {
      if (dueProblem) throw new UserFacingError(`Hạn nộp "${due}" ${dueProblem}`);
      const book = await port.read();
      if (!book) throw noReport();
      const { formDoubts, issueForms } = await files();
      if (doubts === null) {
        const doubtful = formDoubts(book);
        if (doubtful.length) {
          setIssued(null);
          setDoubts(doubtful);
          return;
        }
      }
      const joined = (doubts ?? []).filter((d) => joins.has(`${d.a}|${d.b}`)).map((d) => [d.a, d.b]);
      const out = await issueForms(book, { due: due.trim() ? (parseViDate(due) ?? undefined) : undefined, joined });
      setDoubts(null);
      setJoins(new Set());
      for (const f of out.forms) port.download(f.name, f.bytes, XLSX);
      setIssued({
        forms: out.forms.map((f) => ({ line: `${f.department}: ${f.indicators} chỉ tiêu, ${f.tasks} nhiệm vụ (${f.name})`, department: f.department, bytes: f.bytes })),
        notes: [
          `Hạn nộp ${formatDate(out.due)}.`,
          ...out.doubtful.map((d) => `Cần xác nhận: ${d.why} Đã giao thành hai phiếu riêng.`),
          ...(out.unassigned.length ? [`Không có đơn vị chủ trì, không giao phiếu: ${out.unassigned.join(", ")}.`] : []),
        ],
      });
    });

  const readReturned = (picked: File[]) =>
    collecting.run(async () => {
      if (picked.length === 0) return;
      setDone(null);
      const book = await port.read();
      if (!book) throw noReport();
      const p = await files();
      const { forms, refused } = await p.readForms(picked);
      const collection = p.collectForms(book, forms);
      collection.refused.unshift(...refused);
      setChosen(new Set());
      setRead({ book, forms, collection, lines: p.describeCollection(collection, { differences: false }), choices: collection.conflicts.map((c) => ({ key: c.key, label: p.differenceLabel(c) })) });
    });

  const apply = () =>
    collecting.run(async () => {
      if (!read) return;
      const p = await files();
      const collection = p.collectForms(read.book, read.forms, chosen);
      if (port.inExcel) {
        const n = await port.applyCollected(p.collectedWrites(read.book, collection.taken));
        setDone(`Đã ghi ${n} giá trị từ phiếu vào sổ; ${collection.conflicts.length - chosen.size} chỗ khác nhau giữ số của sổ.`);
      } else {
        const bytes = await p.collectedBook(read.book, collection);
        const name = "SoBaoCao_sau_thu_phieu.xlsx";
        port.download(name, bytes, XLSX);
        setDone(`Đã lập ${name} (đã tải về) với ${collection.taken.length} giá trị từ phiếu; sổ đã mở giữ nguyên.`);
      }
      setRead(null);
    });

  return (
    <div className={styles.root}>
      <Text weight="semibold">Giao phiếu cho đơn vị chủ trì</Text>
      <Text>Mỗi đơn vị một tệp chỉ có các chỉ tiêu, nhiệm vụ mình chủ trì, cùng kỳ báo cáo, cùng ô nhập và bảo vệ như sổ.</Text>
      <Field label="Hạn nộp (dd/mm/yyyy; để trống là ngày 05 tháng sau kỳ)" validationMessage={dueProblem ?? undefined}>
        <Input value={due} onChange={(_, d) => setDue(d.value)} placeholder="dd/mm/yyyy" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={issuing.busy} onClick={() => void issue()}>
          Giao phiếu (tải về từng đơn vị)
        </Button>
      </div>
      {doubts && (
        <>
          <Text>Có {doubts.length} cặp tên đơn vị có thể là một: đánh dấu những cặp là cùng một đơn vị (một phiếu), rồi bấm Giao phiếu lần nữa.</Text>
          {doubts.map((d) => {
            const key = `${d.a}|${d.b}`;
            return <Checkbox key={key} checked={joins.has(key)} onChange={(_, v) => setJoins((s) => toggled(s, key, v.checked === true))} label={`“${d.a}” và “${d.b}” là một đơn vị`} />;
          })}
        </>
      )}
      <Notice busy={issuing.busy} error={issuing.error} done={issued ? `Đã giao ${issued.forms.length} phiếu.` : null} busyLabel="Đang lập phiếu…" />
      {issued && (
        <ul className={styles.list} aria-label="Phiếu đã giao">
          {issued.forms.map((f) => (
            <li key={f.line}>
              {f.line} {/* Office for Mac offers no download from the pane: each form opens in Excel instead, to save from there. */}
              {port.inExcel && (
                <Button size="small" appearance="subtle" onClick={() => void issuing.run(() => port.openAsNewWorkbook(f.bytes))}>
                  Mở phiếu của {f.department}
                </Button>
              )}
            </li>
          ))}
          {issued.notes.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}

      <Text weight="semibold">Thu phiếu</Text>
      <div className={styles.actions}>
        <Button disabled={collecting.busy} onClick={() => picker.current?.click()}>
          Chọn các phiếu đã nộp…
        </Button>
        <input ref={picker} type="file" multiple accept=".xlsx" hidden aria-label="Các phiếu đã nộp" onChange={(e) => void readReturned(Array.from(e.target.files ?? []))} />
      </div>
      <Notice busy={collecting.busy} error={collecting.error} done={done} busyLabel="Đang đọc phiếu…" />
      {read && (
        <>
          <ul className={styles.list} aria-label="Kết quả thu phiếu">
            {read.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {read.choices.length > 0 && <Text weight="semibold">Khác với số trong sổ: đánh dấu để lấy số của phiếu</Text>}
          {read.choices.map(({ key, label }) => (
            <Checkbox key={key} checked={chosen.has(key)} onChange={(_, d) => setChosen((s) => toggled(s, key, d.checked === true))} label={label} />
          ))}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={collecting.busy || read.collection.returned.length === 0} onClick={() => void apply()}>
              {port.inExcel ? "Ghi số liệu phiếu vào sổ" : "Lập sổ mới có số liệu phiếu"}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
