// The entry of a parallel run's worker threads: Node 20 cannot strip TypeScript types, so register
// tsx's loader in this thread (as bin/lastfour.mjs does in the main one), then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./redact-worker.ts');
