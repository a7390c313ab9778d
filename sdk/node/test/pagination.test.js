'use strict';

// `await list()` is one page; `for await (… of list())` walks every page with starting_after.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, startProxy, relay } = require('./support');

test('for await walks every page of orders, newest first; await gives the first page', async () => {
  // No baseUrl: FLUX_BASE_URL names the Flux to use.
  const flux = new Flux(apiKey());
  const created = [];
  for (let i = 0; i < 7; i++) created.push((await flux.orders.create({ amount: i + 1, description: `Page walk ${i}` })).orderId);
  const newestFirst = [...created].reverse();

  const page = await flux.orders.list({ limit: 3 });
  assert.equal(page.object, 'list');
  assert.equal(page.hasMore, true);
  assert.deepEqual(page.data.map((o) => o.orderId), newestFirst.slice(0, 3));

  const proxy = await startProxy(async (req, res, { forward }) => relay(res, await forward()));
  try {
    const viaProxy = new Flux(apiKey(), { baseUrl: proxy.url });
    const walked = [];
    for await (const order of viaProxy.orders.list({ limit: 3 })) walked.push(order.orderId);

    assert.deepEqual(walked, newestFirst);
    assert.deepEqual(proxy.requests.map((r) => r.url), [
      '/v1/orders?limit=3',
      `/v1/orders?limit=3&starting_after=${newestFirst[2]}`,
      `/v1/orders?limit=3&starting_after=${newestFirst[5]}`,
    ]);
  } finally {
    await proxy.close();
  }

  const all = await flux.orders.list({ limit: 2 }).toArray({ limit: 5 });
  assert.deepEqual(all.map((o) => o.orderId), newestFirst.slice(0, 5));
});

test('breaking out of for await stops asking for pages', async () => {
  const flux = new Flux(apiKey());
  for (let i = 0; i < 3; i++) await flux.orders.create({ amount: 1 });
  let seen = 0;
  for await (const order of flux.orders.list({ limit: 1 })) {
    assert.match(order.orderId, /^ord_/);
    if (++seen === 2) break;
  }
  assert.equal(seen, 2);
});

test('the credit ledger and buttons page the same way', async () => {
  const flux = new Flux(apiKey());
  const ledger = [];
  for await (const entry of flux.credits.listLedger({ limit: 1 })) ledger.push(entry);
  assert.ok(ledger.length >= 1);
  assert.equal(ledger.at(-1).delta, 100);
  assert.equal(ledger.at(-1).balanceAfter, 100);

  for (let i = 0; i < 3; i++) await flux.buttons.create({ amount: 5, label: `Button ${i}` });
  const labels = [];
  for await (const button of flux.buttons.list({ limit: 2 })) labels.push(button.label);
  assert.deepEqual(labels.filter((l) => l.startsWith('Button ')), ['Button 2', 'Button 1', 'Button 0']);
});
