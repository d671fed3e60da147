#!/usr/bin/env node
// The CLI from its JavaScript bundle (cli-bundle.mjs: built once per version of the sources), or, where
// none can be built, the TypeScript through tsx's loader (Node 20 cannot strip types).
import { cliBundle } from './cli-bundle.mjs';

const bundle = await cliBundle();
let main;
if (bundle) ({ main } = await import(bundle));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
