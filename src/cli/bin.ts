#!/usr/bin/env node
import { nodeIo } from './cli-io';
import { main } from './main';

// The exit code is set, not forced with process.exit(), so stdout is flushed before Node exits
// (process.exit() can cut off piped output).
main(process.argv.slice(2), nodeIo()).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`cdk8s-sidecars: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
