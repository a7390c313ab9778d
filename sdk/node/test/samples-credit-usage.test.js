'use strict';

// The seed docs' "Credit Usage Example", verbatim; only the key and base URL are filled in (new Flux(…) below).
// That the credit.used handler fires is checked in events.test.js, which needs the event stream.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, captureConsole } = require('./support');

test('Credit Usage Example prints the balance of a new test merchant', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  flux.on('error', () => {});
  try {
    const output = await captureConsole(async () => {
      // Check your credit balance
      const credits = await flux.credits.getBalance();
      console.log(`Credits remaining: ${credits.available}`);
      // Monitor credit usage
      flux.on('credit.used', (event) => {
      console.log(`Credit used for order ${event.orderId}`);
      console.log(`Credits remaining: ${event.creditsRemaining}`);
      });
    });

    assert.deepEqual(output.log, ['Credits remaining: 100']);
    const balance = await flux.credits.getBalance();
    assert.deepEqual(balance, { available: 100, used: 0, livemode: false });
  } finally {
    flux.close();
  }
});
