#!/usr/bin/env node
// Node 20 cannot strip TypeScript types: register tsx's loader, then run the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
