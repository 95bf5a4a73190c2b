/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS require hook runs before any module system */
// Runs the TypeScript sources in a child process (a real worker for kill tests) the way vitest does: compiled by
// swc with decorator metadata (Nest's DI needs it), `src/...` imports resolved to the sources.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const srcRoot = path.resolve(__dirname, '../../src');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'src' || request.startsWith('src/')) request = path.join(srcRoot, request.slice(3));
  return resolve.call(this, request, ...rest);
};
Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  });
  module._compile(code, filename);
};
