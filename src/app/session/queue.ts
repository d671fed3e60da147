// Runs tasks a few at a time. The engine has a single OCR worker, so more than one analysis at once
// would only interleave and make every item slower to finish.
export function createQueue(concurrency: number): (task: () => Promise<void>) => void {
  let running = 0;
  const waiting: (() => Promise<void>)[] = [];
  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const task = waiting.shift()!;
      running++;
      void task()
        .catch(() => undefined)
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  return (task) => {
    waiting.push(task);
    pump();
  };
}
