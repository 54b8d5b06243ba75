import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Plan } from "../../core/plan";
import type { WorkbookPort } from "../office/port";
import { noReport } from "../office/errors";
import { useAction } from "../useAction";
import { Notice } from "./Notice";
import { SourcePicker } from "./SourcePicker";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

const list = (ids: string[]) => (ids.length ? ids.join(", ") : "không có");

/** "Cập nhật chỉ tiêu": an amended appendix into the existing workbook, keeping everything entered. */
export function UpdatePanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const update = () =>
    run(async () => {
      if (!plan) return;
      const result = await port.update(plan, planId);
      if (!result) throw noReport();
      const s = result.summary;
      setDone(
        [
          `Đã cập nhật: giữ ${s.kept} chỉ tiêu cùng mọi số liệu, minh chứng và ghi chú đã nhập.`,
          `Chỉ tiêu mới: ${list(s.added)}.`,
          `Đổi chỉ tiêu phấn đấu: ${list(s.changedTargets)}.`,
          `Không còn trong phụ lục mới (vẫn giữ, đã đánh dấu): ${list(s.removed)}.`,
          s.renumbered.length ? `Đổi mã: ${s.renumbered.map((r) => `${r.from} → ${r.to}`).join(", ")}.` : "",
          `Bản sao trước khi cập nhật: ${result.renamed.map((r) => r.to).join(", ")}.`,
        ]
          .filter(Boolean)
          .join(" "),
      );
    });
  return (
    <div className={styles.root}>
      <Text>Dán hoặc mở phụ lục đã sửa đổi. Số liệu, minh chứng và ghi chú đã nhập đi theo đúng chỉ tiêu của nó; sổ cũ được giữ lại thành bản sao.</Text>
      <SourcePicker label="Phụ lục chỉ tiêu đã sửa đổi" onPlan={(p, id) => (setPlan(p), setPlanId(id), setDone(null))} />
      {plan && (
        <Text>
          Phụ lục mới có {plan.indicators.length} chỉ tiêu, {plan.tasks.length} nhiệm vụ, {plan.warnings.length} cảnh báo.
        </Text>
      )}
      <Button appearance="primary" disabled={busy || !plan || !port.inExcel} onClick={() => void update()}>
        Cập nhật vào sổ
      </Button>
      <Notice busy={busy} error={error} done={done} busyLabel="Đang cập nhật sổ…" />
    </div>
  );
}
