// Loaded with `node --require` before Electronegativity (see check-electronegativity.mjs).
// Electronegativity 1.10.3 parses TypeScript through @typescript-eslint/typescript-estree 4,
// which npm hoists to the top of node_modules, where `require('typescript')` would find the
// project's TypeScript 7 (no JavaScript API). Point that one request at the TypeScript 4.2
// that Electronegativity ships for itself, and change nothing else.
const Module = require('node:module');
const path = require('node:path');

const scanner = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const ownTypescript = require.resolve('typescript', { paths: [scanner] });
const original = Module._resolveFilename;

Module._resolveFilename = function resolveFilename(request, parent, ...rest) {
  if (request === 'typescript' && parent && parent.filename && !parent.filename.startsWith(path.join(scanner, 'node_modules'))) {
    return ownTypescript;
  }
  return original.call(this, request, parent, ...rest);
};
