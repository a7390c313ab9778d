'use strict';

// Every namespace against the real API: camelCase both ways, amounts as numbers, FluxError fields from real errors.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, wallet } = require('./support');

const flux = () => new Flux(apiKey(), { baseUrl: baseUrl() });

test('orders: create (camelCase params), retrieve, list, cancel', async () => {
  const client = flux();
  const order = await client.orders.create({ amount: 12.3456789, currency: 'PI', description: 'Tea', merchantWallet: wallet() });
  assert.match(order.orderId, /^ord_[0-9A-Za-z]+$/);
  assert.equal(order.amount, 12.3456789);
  assert.equal(order.payTo, wallet());
  assert.equal(order.memo, order.orderId);
  assert.equal(order.status, 'pending_confirmation');
  assert.equal(order.checkoutUrl, `${baseUrl()}/checkout/${order.orderId}`);
  assert.equal(order.amountReceived, 0);
  assert.equal(order.livemode, false);
  assert.equal('order_id' in order, false);

  assert.deepEqual(await client.orders.retrieve(order.orderId), order);
  const page = await client.orders.list();
  assert.deepEqual(page.data.map((o) => o.orderId), [order.orderId]);
  assert.equal(page.hasMore, false);

  const canceled = await client.orders.cancel(order.orderId);
  assert.equal(canceled.status, 'canceled');
  assert.ok(canceled.canceledAt);
  await assert.rejects(client.orders.cancel(order.orderId), { type: 'invalid_request', statusCode: 400 });
});

test('payments.create is the seed order creation on the default wallet; payments.list lists chain payments', async () => {
  const client = flux();
  const order = await client.payments.create({ amount: 10.0, currency: 'PI', description: 'Premium subscription' });
  assert.equal(order.payTo, wallet());
  assert.equal(order.description, 'Premium subscription');
  const payments = await client.payments.list();
  assert.deepEqual(payments, { object: 'list', data: [], hasMore: false });
});

test('credits.getBalance gives { available, used } of a new test merchant; the ledger has the sandbox grant', async () => {
  const client = flux();
  assert.deepEqual(await client.credits.getBalance(), { available: 100, used: 0, livemode: false });
  const ledger = await client.credits.listLedger();
  assert.equal(ledger.data.length, 1);
  assert.equal(ledger.data[0].delta, 100);
  assert.equal(ledger.data[0].object, 'credit_ledger_entry');
});

test('buttons: nested style keys are converted too', async () => {
  const client = flux();
  const button = await client.buttons.create({ amountMin: 1, amountMax: 50, label: 'Tip', style: { color: '#112233' }, successUrl: 'https://shop.test/thanks' });
  assert.equal(button.amount, null);
  assert.equal(button.amountMin, 1);
  assert.equal(button.amountMax, 50);
  assert.equal(button.style.color, '#112233');
  assert.equal(button.successUrl, 'https://shop.test/thanks');
  assert.equal(button.merchantWallet, wallet());
});

test('API errors are FluxErrors with type, message, param, requestId, statusCode and docsUrl', async () => {
  const client = flux();
  await assert.rejects(client.orders.retrieve('ord_DoesNotExist'), (error) => {
    assert.ok(error instanceof Flux.FluxError);
    assert.ok(error instanceof Error);
    assert.equal(error.type, 'resource_not_found');
    assert.equal(error.statusCode, 404);
    assert.match(error.message, /ord_DoesNotExist/);
    assert.match(error.requestId, /^req_[0-9A-Za-z]{14}$/);
    assert.equal(error.docsUrl, `${baseUrl()}/docs/errors#resource_not_found`);
    assert.equal(error.param, null);
    return true;
  });
  await assert.rejects(client.orders.create({ amount: -1 }), { type: 'invalid_request', param: 'amount', statusCode: 400 });
  await assert.rejects(client.orders.create({ amount: 1, currency: 'USD' }), { type: 'invalid_request', param: 'currency' });
  await assert.rejects(client.orders.list({ limit: 101 }), { type: 'invalid_request', param: 'limit' });
  await assert.rejects(new Flux('sk_test_Wrong', { baseUrl: baseUrl() }).credits.getBalance(), { type: 'authentication_error', statusCode: 401 });
});

test('a Flux nobody listens on is an api_connection_error after the retries', async () => {
  const client = new Flux(apiKey(), { baseUrl: 'http://127.0.0.1:9', maxNetworkRetries: 1, initialRetryDelayMs: 10 });
  await assert.rejects(client.credits.getBalance(), { name: 'FluxError', type: 'api_connection_error', message: /after 2 attempt/ });
});

test('the key is required, and the base URL falls back from the option to FLUX_BASE_URL to the hosted service', () => {
  assert.throws(() => new Flux(), { type: 'authentication_error' });
  assert.throws(() => new Flux('  '), { type: 'authentication_error' });
  assert.equal(new Flux(apiKey(), { baseUrl: 'http://example.test/' }).baseUrl, 'http://example.test');
  assert.equal(new Flux(apiKey()).baseUrl, baseUrl());
  const saved = process.env.FLUX_BASE_URL;
  delete process.env.FLUX_BASE_URL;
  try {
    assert.equal(new Flux(apiKey()).baseUrl, Flux.DEFAULT_BASE_URL);
  } finally {
    process.env.FLUX_BASE_URL = saved;
  }
});

test('the package loads as CommonJS and as an ES module', async () => {
  const esm = await import('flux-pi-sdk');
  assert.equal(esm.default, Flux);
  assert.equal(esm.Flux, Flux);
  assert.equal(esm.FluxError, Flux.FluxError);
  const { Flux: named, FluxError } = require('flux-pi-sdk');
  assert.equal(named, Flux);
  assert.equal(FluxError, Flux.FluxError);
});
