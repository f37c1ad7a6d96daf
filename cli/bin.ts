#!/usr/bin/env node
import { main } from './main.js';

main(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text) }).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`permit-integrity: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 70;
  },
);
