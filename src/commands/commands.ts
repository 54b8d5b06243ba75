/* The ribbon button only opens the task pane; Office still requires a function file to be present. */
Office.onReady(() => undefined);
