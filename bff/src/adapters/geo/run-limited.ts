/** Runs async tasks with at most `concurrency` in flight; rejects with the first failure and starts no more tasks. */
export async function runLimited(
  tasks: ReadonlyArray<() => Promise<void>>,
  concurrency: number,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const task = tasks[next++];
      try {
        await task();
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker);
  await Promise.all(workers);
}
