/** Resolves on the first SIGINT (Ctrl-C) or SIGTERM, for the long-running commands (`sandbox serve`, `serve-metrics`). */
export function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
