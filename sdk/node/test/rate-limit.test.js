'use strict';

// A 429 is retried after the Retry-After the server names, then the request goes through.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, startProxy, answerError, relay } = require('./support');

test('a 429 with Retry-After is retried after that many seconds', async () => {
  const proxy = await startProxy(async (req, res, { forward, count }) => {
    if (count === 1) {
      answerError(res, 429, 'rate_limit_exceeded', { 'Retry-After': '2' });
      return;
    }
    relay(res, await forward());
  });
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url, initialRetryDelayMs: 10 });
    const started = Date.now();
    const balance = await flux.credits.getBalance();
    const waited = Date.now() - started;

    assert.equal(typeof balance.available, 'number');
    assert.equal(proxy.requests.length, 2);
    assert.ok(waited >= 2000, `retried after ${waited} ms, before the 2 s of Retry-After`);
    assert.ok(waited < 6000, `retried after ${waited} ms`);
  } finally {
    await proxy.close();
  }
});

test('a POST refused with 429 is sent again with its Idempotency-Key after Retry-After', async () => {
  const proxy = await startProxy(async (req, res, { forward, count }) => {
    if (count === 1) {
      answerError(res, 429, 'rate_limit_exceeded', { 'Retry-After': '1' });
      return;
    }
    relay(res, await forward());
  });
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url, initialRetryDelayMs: 10 });
    const started = Date.now();
    const order = await flux.orders.create({ amount: 3 });
    assert.ok(Date.now() - started >= 1000);
    assert.equal(order.status, 'pending_confirmation');
    assert.equal(proxy.requests[1].headers['idempotency-key'], proxy.requests[0].headers['idempotency-key']);
  } finally {
    await proxy.close();
  }
});

test('a 429 that keeps coming is thrown as rate_limit_exceeded after the retries', async () => {
  let requestId;
  const proxy = await startProxy(async (req, res) => { requestId = answerError(res, 429, 'rate_limit_exceeded', { 'Retry-After': '0' }); });
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url, maxNetworkRetries: 3, initialRetryDelayMs: 10 });
    await assert.rejects(flux.orders.retrieve('ord_x'), (error) => {
      assert.equal(error.name, 'FluxError');
      assert.equal(error.type, 'rate_limit_exceeded');
      assert.equal(error.statusCode, 429);
      assert.equal(error.requestId, requestId);
      return true;
    });
    assert.equal(proxy.requests.length, 4);
  } finally {
    await proxy.close();
  }
});
