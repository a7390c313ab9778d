'use strict';

// The seed docs' "Handling Errors" sample (seed-samples.js), run with a good key, a wrong key and a Flux
// that keeps answering 429: each time the sample takes the branch its comments promise.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, liveApiKey, baseUrl, captureConsole, startProxy, answerError } = require('./support');
const { handlingErrors } = require('./seed-samples');

const runSample = (flux) => captureConsole(() => handlingErrors(flux));

test('Handling Errors: a good key creates the payment', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  const output = await runSample(flux);
  assert.deepEqual(output.error, []);
  const orders = (await flux.orders.list()).data;
  assert.equal(orders.length, 1);
  assert.equal(orders[0].description, 'Premium subscription');
  assert.equal(orders[0].amount, 10);
  assert.equal(orders[0].status, 'pending_confirmation');
});

test('Handling Errors: a wrong key takes the authentication_error branch', async () => {
  const output = await runSample(new Flux('sk_test_NotARealKey0000000000000000000', { baseUrl: baseUrl() }));
  assert.equal(output.error.length, 1);
  assert.match(output.error[0], /^Authentication failed: \S/);
});

test('Handling Errors: a merchant without a wallet takes the invalid_request branch', async () => {
  // The merchant's live mode has no wallet, so the seed's request (it names no merchant_wallet) cannot be paid anywhere.
  const output = await runSample(new Flux(liveApiKey(), { baseUrl: baseUrl() }));
  assert.equal(output.error.length, 1);
  assert.match(output.error[0], /^Invalid request: \S/);
});

test('Handling Errors: a Flux that keeps answering 429 takes the rate_limit_exceeded branch', async () => {
  const proxy = await startProxy(async (req, res) => answerError(res, 429, 'rate_limit_exceeded', { 'Retry-After': '0' }));
  try {
    const output = await runSample(new Flux(apiKey(), { baseUrl: proxy.url, maxNetworkRetries: 1, initialRetryDelayMs: 10 }));
    assert.deepEqual(output.error, ['Rate limit exceeded. Try again later.']);
    assert.equal(proxy.requests.length, 2);
  } finally {
    await proxy.close();
  }
});
