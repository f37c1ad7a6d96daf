#!/usr/bin/env node
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCodeCache } from './code-cache.js';

/**
 * The command line's entry point once bundled (dist/cli/bin.cjs): it puts the
 * code cache in place, then runs the bundled CLI (cli.cjs) through it. See
 * tools/bundle-cli.mjs for the files, and code-cache.ts for why.
 */
const here = dirname(fileURLToPath(import.meta.url));
installCodeCache(here, join(here, '.code-cache'));
createRequire(import.meta.url)('./cli.cjs');
