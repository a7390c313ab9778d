'use strict';

// flux.on over GET /v1/events/stream: a sandbox payment confirms an order through Flux's real path (sandbox Horizon →
// watcher → confirmation → outbox) and the handlers get the events in camelCase; a dropped connection loses none.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, wallet, captureConsole, payInSandbox, waitFor, startProxy, relay } = require('./support');
const { creditUsageExample, codeExample } = require('./seed-samples');

test('Credit Usage Example: a sandbox payment makes credit.used fire with the order id and the credits left', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  const all = [];
  try {
    let orderId;
    const output = await captureConsole(async (lines) => {
      await creditUsageExample(flux);
      flux.on('*', (event) => all.push(event));
      await flux.ready();
      orderId = (await flux.payments.create({ amount: 10.0, currency: 'PI', description: 'Premium subscription' })).orderId;
      await payInSandbox(orderId);
      await waitFor(() => lines.log.length >= 3, { what: 'the credit.used handler' });
    });

    assert.deepEqual(output.log, ['Credits remaining: 100', `Credit used for order ${orderId}`, 'Credits remaining: 99']);
    const confirmed = all.find((e) => e.type === 'order.confirmed');
    assert.ok(confirmed, `order.confirmed reached '*': ${JSON.stringify(all.map((e) => e.type))}`);
    assert.equal(confirmed.orderId, orderId);
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.amount, 10);
    assert.match(confirmed.transactionHash, /^[0-9a-f]{64}$/);
    const used = all.find((e) => e.type === 'credit.used');
    assert.match(used.id, /^evt_/);
    assert.equal(used.livemode, false);
    assert.ok(!Number.isNaN(Date.parse(used.createdAt)));
    assert.deepEqual(used.data, { orderId, creditsRemaining: 99 });
    assert.deepEqual(await flux.credits.getBalance(), { available: 99, used: 1, livemode: false });
  } finally {
    flux.close();
  }
});

test('Code Example: onOrderConfirmed fires for an order started from the button', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  const YOUR_PI_WALLET = wallet();
  const direct = new Flux(apiKey(), { baseUrl: baseUrl() });
  let transactionHash;
  let creditsLeft;
  try {
    const output = await captureConsole(async (lines) => {
      const button = await codeExample(flux, YOUR_PI_WALLET);

      await flux.ready();
      // Another order of the merchant, not from the button: its confirmation must not call onOrderConfirmed.
      const other = (await flux.orders.create({ amount: 1 })).orderId;
      await payInSandbox(other);
      await waitFor(async () => (await direct.orders.retrieve(other)).status === 'confirmed', { what: 'the other order confirmed' });
      creditsLeft = (await direct.credits.getBalance()).available - 1;
      const started = await fetch(`${baseUrl()}/v1/public/buttons/${button.buttonId}/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(started.status, 201);
      const customerOrder = await started.json();
      transactionHash = (await payInSandbox(customerOrder.order_id)).transaction_hash;
      await waitFor(() => lines.log.length >= 3, { what: 'onOrderConfirmed' });
    });

    assert.deepEqual(output.log, ['Order confirmed! 10', `Transaction ID: ${transactionHash}`, `Credits remaining: ${creditsLeft}`]);
  } finally {
    flux.close();
  }
});

test('a stream connection dropped mid-way is reopened with Last-Event-ID and no event is lost', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let streams = 0;
  const proxy = await startProxy(async (req, res, { forward, open }) => {
    if (!req.url.startsWith('/v1/events/stream')) return relay(res, await forward());
    const number = ++streams;
    if (number === 2) await held;
    const upstream = await open();
    res.writeHead(upstream.statusCode, upstream.headers);
    res.flushHeaders();
    let pending = '';
    for await (const chunk of upstream) {
      pending += chunk.toString('utf8');
      let end;
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const frame = pending.slice(0, end + 2);
        pending = pending.slice(end + 2);
        await new Promise((resolve) => res.write(frame, resolve));
        // The first connection is cut right after the first credit.used, as a flaky network would.
        if (number === 1 && frame.includes('event: credit.used')) {
          res.destroy();
          return;
        }
      }
    }
    res.end(pending);
  });

  const flux = new Flux(apiKey(), { baseUrl: proxy.url, initialRetryDelayMs: 50 });
  const direct = new Flux(apiKey(), { baseUrl: baseUrl() });
  const before = (await direct.credits.getBalance()).available;
  try {
    const used = [];
    const seen = [];
    flux.on('credit.used', (event) => used.push(event));
    flux.on('*', (event) => seen.push(event.id));
    await flux.ready();

    const first = (await flux.orders.create({ amount: 1 })).orderId;
    await payInSandbox(first);
    await waitFor(() => used.length === 1 && streams === 2, { what: 'the first credit.used and the reconnect' });
    const lastBeforeDrop = seen.at(-1);

    // Paid while the SDK is disconnected (its second connection is held by the proxy).
    const second = (await flux.orders.create({ amount: 2 })).orderId;
    await payInSandbox(second);
    await waitFor(async () => (await direct.orders.retrieve(second)).status === 'confirmed', { what: 'the second order confirmed' });
    release();

    await waitFor(() => used.length === 2, { what: 'the credit.used sent while disconnected' });
    assert.deepEqual(used.map((e) => e.orderId), [first, second]);
    assert.deepEqual(used.map((e) => e.creditsRemaining), [before - 1, before - 2]);
    assert.equal(new Set(seen).size, seen.length, 'no event was delivered twice');
    const reconnect = proxy.requests.filter((r) => r.url.startsWith('/v1/events/stream'))[1];
    assert.equal(reconnect.headers['last-event-id'], lastBeforeDrop);
  } finally {
    flux.close();
    release();
    await proxy.close();
  }
});

test('off removes a handler; on opens the stream again; close ends it so the process can exit', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  const calls = [];
  const handler = (event) => calls.push(event);
  flux.on('credit.used', handler);
  await flux.ready();
  flux.off('credit.used', handler);
  await assert.rejects(flux.ready(), /flux\.on/);
  flux.on('credit.used', handler);
  await flux.ready();
  flux.close();
  assert.deepEqual(calls, []);
});

test('a wrong key on the stream is reported to error handlers, not retried forever', async () => {
  const flux = new Flux('sk_test_NotARealKey0000000000000000000', { baseUrl: baseUrl() });
  const errors = [];
  flux.on('error', (error) => errors.push(error));
  flux.on('*', () => {});
  await assert.rejects(flux.ready(), { type: 'authentication_error' });
  assert.equal(errors.length, 1);
  assert.equal(errors[0].statusCode, 401);
  flux.close();
});
