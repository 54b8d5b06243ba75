import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";

/** Progress, errors and results, announced to screen readers as they change. */
export function Notice({ busy, error, done, busyLabel = "Đang làm việc với Excel…" }: { busy?: boolean; error?: string | null; done?: string | null; busyLabel?: string }) {
  return (
    <div aria-live="polite">
      {busy && <Spinner size="tiny" label={busyLabel} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
