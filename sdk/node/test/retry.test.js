'use strict';

// Retry safety: a 503 (or a dropped connection) after Flux already created the order makes the SDK send the same
// POST again with the same Idempotency-Key, so Flux replays the first answer and exactly one order exists.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, startProxy, answerError, relay } = require('./support');

// Descriptions carry this run's tag, so the order count is this run's only.
const run = Date.now().toString(36);
const direct = () => new Flux(apiKey(), { baseUrl: baseUrl() });

async function ordersWith(description) {
  const orders = [];
  for await (const order of direct().orders.list({ limit: 100 })) if (order.description === description) orders.push(order);
  return orders;
}

test('a 503 after the order was created is retried with the same Idempotency-Key and creates one order', async () => {
  let created = null;
  const proxy = await startProxy(async (req, res, { forward, count }) => {
    const answer = await forward();
    if (count === 1) {
      created = JSON.parse(answer.body.toString('utf8'));
      answerError(res, 503, 'api_error');
      return;
    }
    relay(res, answer);
  });
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url, initialRetryDelayMs: 20 });
    const order = await flux.payments.create({ amount: 10.0, currency: 'PI', description: `Retry after 503 ${run}` });

    assert.equal(proxy.requests.length, 2);
    const [first, retry] = proxy.requests;
    assert.equal(first.method, 'POST');
    assert.equal(first.url, '/v1/payments');
    assert.match(first.headers['idempotency-key'], /^[0-9a-f-]{36}$/);
    assert.equal(retry.headers['idempotency-key'], first.headers['idempotency-key']);
    assert.equal(retry.body, first.body);
    assert.equal(order.orderId, created.order_id);

    const orders = await ordersWith(`Retry after 503 ${run}`);
    assert.deepEqual(orders.map((o) => o.orderId), [created.order_id]);
  } finally {
    await proxy.close();
  }
});

test('a connection dropped after the order was created is retried and creates one order', async () => {
  const proxy = await startProxy(async (req, res, { forward, count }) => {
    const answer = await forward();
    if (count === 1) {
      res.socket.destroy();
      return;
    }
    relay(res, answer);
  });
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url, initialRetryDelayMs: 20 });
    const order = await flux.orders.create({ amount: 2.5, description: `Retry after a dropped connection ${run}` });

    assert.equal(proxy.requests.length, 2);
    assert.equal(proxy.requests[1].headers['idempotency-key'], proxy.requests[0].headers['idempotency-key']);
    const orders = await ordersWith(`Retry after a dropped connection ${run}`);
    assert.deepEqual(orders.map((o) => o.orderId), [order.orderId]);
  } finally {
    await proxy.close();
  }
});

test('two logical calls send different Idempotency-Keys; an explicit key is sent as given', async () => {
  const proxy = await startProxy(async (req, res, { forward }) => relay(res, await forward()));
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url });
    const a = await flux.orders.create({ amount: 1, description: `Two calls ${run}` });
    const b = await flux.orders.create({ amount: 1, description: `Two calls ${run}` });
    const c = await flux.orders.create({ amount: 1, description: `Two calls ${run}` }, { idempotencyKey: `explicit-${a.orderId}` });
    const replay = await flux.orders.create({ amount: 1, description: `Two calls ${run}` }, { idempotencyKey: `explicit-${a.orderId}` });

    const keys = proxy.requests.map((r) => r.headers['idempotency-key']);
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], `explicit-${a.orderId}`);
    assert.notEqual(a.orderId, b.orderId);
    assert.equal(replay.orderId, c.orderId);
    assert.equal((await ordersWith(`Two calls ${run}`)).length, 3);
  } finally {
    await proxy.close();
  }
});

test('a 500 that keeps coming is thrown as a FluxError after the retries', async () => {
  let requestId;
  const proxy = await startProxy(async (req, res) => { requestId = answerError(res, 500, 'api_error'); });
  try {
    const flux = new Flux(apiKey(), { baseUrl: proxy.url, maxNetworkRetries: 2, initialRetryDelayMs: 10 });
    await assert.rejects(flux.credits.getBalance(), (error) => {
      assert.equal(error.name, 'FluxError');
      assert.equal(error.type, 'api_error');
      assert.equal(error.statusCode, 500);
      assert.equal(error.requestId, requestId);
      return true;
    });
    assert.equal(proxy.requests.length, 3);
  } finally {
    await proxy.close();
  }
});
