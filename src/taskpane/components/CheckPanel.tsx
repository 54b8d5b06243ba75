import { Button, Link, makeStyles, tokens, Text } from "@fluentui/react-components";
import { useState } from "react";
import { INDICATOR_SHEET } from "../../workbook/indicatorSheet";
import type { Problem } from "../../reading/checks";
import { checkEntries } from "../../reading/checks";
import { judgeSettingsOf } from "../../reading/configRead";
import type { WorkbookPort } from "../office/port";
import { noReport } from "../office/errors";
import { useAction } from "../useAction";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingLeft: 0, listStyleType: "none" },
});

/** "Kiểm tra số liệu": every problem in what was entered, each a link to its cell. */
export function CheckPanel({ port }: { port: WorkbookPort }) {
  const styles = useStyles();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const { busy, error, run } = useAction();
  const check = () =>
    run(async () => {
      const state = await port.read();
      if (!state) throw noReport();
      setProblems(checkEntries(state.reading.rows, judgeSettingsOf(state.config)));
    });
  return (
    <div className={styles.root}>
      <Button appearance="primary" disabled={busy} onClick={() => void check()}>
        Kiểm tra số liệu
      </Button>
      <Notice busy={busy} error={error} done={problems && problems.length === 0 ? "Không thấy vấn đề nào trong số liệu đã nhập." : null} />
      {problems && problems.length > 0 && (
        <>
          <Text weight="semibold">{problems.length} vấn đề cần xem lại</Text>
          <ul className={styles.list} aria-label="Vấn đề trong số liệu">
            {problems.map((p, k) => (
              <li key={k}>
                <Link as="button" onClick={() => void run(() => port.select(INDICATOR_SHEET, p.address))}>
                  Ô {p.address}
                </Link>
                {" — "}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
