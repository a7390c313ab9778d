'use strict';

// The seed docs' "Handling Errors" sample, verbatim (inside runSample), run with a good key, a wrong key and a Flux
// that keeps answering 429: each time the sample takes the branch its comments promise.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, liveApiKey, baseUrl, captureConsole, startProxy } = require('./support');

async function runSample(flux) {
  return captureConsole(async () => {
    try {
    const payment = await flux.payments.create({
    amount: 10.0,
    currency: 'PI',
    description: 'Premium subscription'
    });
    // Handle successful payment
    console.log('Created', payment.orderId, payment.status);
    } catch (error) {
    if (error.type === 'authentication_error') {
    console.error('Authentication failed:', error.message);
    // Handle authentication error
    } else if (error.type === 'invalid_request') {
    console.error('Invalid request:', error.message);
    // Handle invalid parameters
    } else if (error.type === 'rate_limit_exceeded') {
    console.error('Rate limit exceeded. Try again later.');
    // Implement backoff strategy
    } else {
    console.error('Unexpected error:', error.message);
    // Handle other errors
    }
    }
  });
}

test('Handling Errors: a good key creates the payment', async () => {
  const output = await runSample(new Flux(apiKey(), { baseUrl: baseUrl() }));
  assert.deepEqual(output.error, []);
  assert.match(output.log[0], /^Created ord_[0-9A-Za-z]+ pending_confirmation$/);
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
  const proxy = await startProxy(async (req, res) => {
    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '0', 'Request-Id': 'req_ProxyLimited00' });
    res.end(JSON.stringify({ error: { code: 'rate_limit_exceeded', message: 'Too many requests.', docs_url: `${baseUrl()}/docs/errors#rate_limit_exceeded`, param: null, request_id: 'req_ProxyLimited00' } }));
  });
  try {
    const output = await runSample(new Flux(apiKey(), { baseUrl: proxy.url, maxNetworkRetries: 1, initialRetryDelayMs: 10 }));
    assert.deepEqual(output.error, ['Rate limit exceeded. Try again later.']);
    assert.equal(proxy.requests.length, 2);
  } finally {
    await proxy.close();
  }
});
