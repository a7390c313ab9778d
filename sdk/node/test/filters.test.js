'use strict';

// List filters reach the API as it names them (created: { gte } → created[gte]), and a parameter the API does not take
// is refused, never silently dropped: the SDK sends what it is given.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, startProxy, relay } = require('./support');

test('orders.list narrows by status and creation time, sent as the API spells them', async () => {
  const flux = new Flux(apiKey());
  const kept = await flux.orders.create({ amount: 1.5, description: 'Filter kept' });
  const canceled = await flux.orders.cancel((await flux.orders.create({ amount: 2.5, description: 'Filter canceled' })).orderId);
  const since = new Date(Date.parse(kept.createdAt));

  const onlyCanceled = await flux.orders.list({ status: 'canceled', created: { gte: since }, limit: 100 }).toArray();
  const pending = await flux.orders.list({ status: 'pending_confirmation', created: { gte: since } }).toArray({ limit: 100 });
  const future = await flux.orders.list({ created: { gte: new Date(Date.now() + 86_400_000) } });

  assert.deepEqual(onlyCanceled.map((o) => o.orderId), [canceled.orderId]);
  assert.ok(pending.some((o) => o.orderId === kept.orderId));
  assert.ok(pending.every((o) => o.status === 'pending_confirmation'));
  assert.deepEqual(future.data, []);

  const proxy = await startProxy(async (req, res, { forward }) => relay(res, await forward()));
  try {
    await new Flux(apiKey(), { baseUrl: proxy.url }).orders.list({ status: 'canceled', created: { gte: '2025-05-27T22:45:13Z' } });
    assert.deepEqual(proxy.requests.map((r) => decodeURIComponent(r.url)), ['/v1/orders?status=canceled&created[gte]=2025-05-27T22:45:13Z']);
  } finally {
    await proxy.close();
  }
});

test('a list parameter the API does not take is an invalid_request naming it', async () => {
  const flux = new Flux(apiKey());

  await assert.rejects(flux.orders.list({ stauts: 'confirmed' }), (error) => {
    assert.equal(error.type, 'invalid_request');
    assert.equal(error.param, 'stauts');
    assert.equal(error.statusCode, 400);
    return true;
  });
});
