'use strict';

// index.d.ts is written by hand: tsc checks a typed usage file (test/types/usage.ts) against it.

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

test('the typed usage file compiles against index.d.ts (tsc --noEmit)', () => {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc');
  } catch {
    assert.fail('TypeScript is not installed: run npm ci in sdk/node.');
  }
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(__dirname, 'types')], { encoding: 'utf8' });
  assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
});
