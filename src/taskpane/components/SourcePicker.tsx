import { Button, Field, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { readBundledDocument } from "../../catalogue/bundleSource";
import { CATALOGUE, findEntry } from "../../catalogue/catalogue";
import type { Plan } from "../../core/plan";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // A native list is as wide as its longest plan name unless held to the pane's width.
  sample: { width: "100%", minWidth: 0, "& select": { minWidth: 0, textOverflow: "ellipsis" } },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

// The appendix reader loads when the first appendix is read, not with the pane.
const parsePlan = async (text: string): Promise<Plan> => (await import(/* webpackChunkName: "reader" */ "../../core/loaders/parsePlan")).parsePlan(text);

/** Where an appendix comes from: a built-in plan, pasted text, or a file (Word, PDF, Excel, text). */
export function SourcePicker({ onPlan, label, samples = true }: { onPlan: (plan: Plan, planId: string | null, unit?: string) => void; label: string; samples?: boolean }) {
  const styles = useStyles();
  const [sampleId, setSampleId] = useState("");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const pickSample = async (id: string) => {
    setSampleId(id);
    const entry = findEntry(id);
    if (!entry) return;
    const t = await readBundledDocument(entry);
    setText(t);
    onPlan(await parsePlan(t), id, entry.unit);
  };
  const openFile = async (f: File | undefined) => {
    if (!f) return;
    setProblem(null);
    try {
      // The readers (mammoth, pdf.js, ExcelJS) load only when a file is opened.
      const { readDocument } = await import(/* webpackChunkName: "documents" */ "../../documents/readDocument");
      const doc = await readDocument(f.name, new Uint8Array(await f.arrayBuffer()));
      const plan = doc.plan;
      setText(doc.text);
      setSampleId("");
      if (plan.indicators.length === 0 && plan.tasks.length === 0) {
        setProblem(`Không tìm thấy chỉ tiêu hay nhiệm vụ nào trong "${f.name}". Phụ lục cần có bảng có dòng tiêu đề (STT, Nội dung chỉ tiêu, Chỉ tiêu...) hoặc mục "Mục tiêu cụ thể".`);
        return;
      }
      if (doc.notes.length) setProblem(doc.notes.join(" "));
      onPlan(plan, null);
    } catch (err) {
      const message = (err as Error)?.name === "DocumentError" ? (err as Error).message : `Không đọc được tệp "${f.name}".`;
      setProblem(`${message} Có thể chép phụ lục rồi dán vào ô bên dưới.`);
    }
  };

  return (
    <div className={styles.root}>
      {samples && (
        <Field label="Kế hoạch mẫu">
          <Select className={styles.sample} value={sampleId} onChange={(_, d) => d.value && void pickSample(d.value)}>
            <option value="">Chọn một kế hoạch mẫu</option>
            {CATALOGUE.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={label} validationMessage={problem ?? undefined}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={7} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!text.trim()} onClick={async () => onPlan(await parsePlan(text), sampleId || null)}>
          Đọc phụ lục
        </Button>
        <Button onClick={() => file.current?.click()}>Mở tệp (Word, PDF, Excel)</Button>
        <input ref={file} type="file" accept=".docx,.pdf,.xlsx,.txt,.csv,.md" hidden aria-label="Tệp phụ lục" onChange={(e) => void openFile(e.target.files?.[0])} />
      </div>
    </div>
  );
}
