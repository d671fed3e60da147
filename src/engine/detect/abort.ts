/** Throws the standard AbortError (a DOMException where available) when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  if (typeof DOMException === 'function') throw new DOMException('The analysis was cancelled.', 'AbortError');
  const e = new Error('The analysis was cancelled.');
  e.name = 'AbortError';
  throw e;
}
