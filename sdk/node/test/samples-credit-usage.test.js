'use strict';

// The seed docs' "Credit Usage Example" (seed-samples.js). That its credit.used handler fires is checked in
// events.test.js, which needs the event stream.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, captureConsole } = require('./support');
const { creditUsageExample } = require('./seed-samples');

test('Credit Usage Example prints the balance of a new test merchant', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  flux.on('error', () => {});
  try {
    const output = await captureConsole(() => creditUsageExample(flux));

    assert.deepEqual(output.log, ['Credits remaining: 100']);
    assert.deepEqual(await flux.credits.getBalance(), { available: 100, used: 0, livemode: false });
  } finally {
    flux.close();
  }
});
