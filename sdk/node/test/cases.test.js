'use strict';

// Runs ../../cases.json, the requests and outcomes every Flux SDK's integration tests share (its "about" explains the
// format), with this SDK against a running Flux.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const Flux = require('flux-pi-sdk');
const { camelize, snakeize } = require('../lib/case');
const { apiKey, liveApiKey, baseUrl, wallet, payInSandbox } = require('./support');

const { calls: listedCalls, cases } = require(path.join(__dirname, '..', '..', 'cases.json'));
const wrongKey = 'sk_test_NotARealKey0000000000000000000';

const options = (step) => (step.idempotencyKey ? { idempotencyKey: step.idempotencyKey } : undefined);

/** Every call of cases.json, as this SDK makes it (sandbox.pay is the tests' own, see support.js). */
const calls = {
  'orders.create': (flux, step) => flux.orders.create(step.params, options(step)),
  'orders.retrieve': (flux, step) => flux.orders.retrieve(step.id),
  'orders.list': (flux, step) => flux.orders.list(step.params),
  'orders.cancel': (flux, step) => flux.orders.cancel(step.id, options(step)),
  'refunds.create': (flux, step) => flux.refunds.create(step.params, options(step)),
  'refunds.retrieve': (flux, step) => flux.refunds.retrieve(step.id),
  'refunds.list': (flux, step) => flux.refunds.list(step.params),
  'refunds.cancel': (flux, step) => flux.refunds.cancel(step.id, options(step)),
  'payments.create': (flux, step) => flux.payments.create(step.params, options(step)),
  'payments.retrieve': (flux, step) => flux.payments.retrieve(step.id),
  'payments.list': (flux, step) => flux.payments.list(step.params),
  'credits.get_balance': (flux) => flux.credits.getBalance(),
  'credits.list_ledger': (flux, step) => flux.credits.listLedger(step.params),
  'buttons.create': (flux, step) => flux.buttons.create(step.params, options(step)),
  'buttons.retrieve': (flux, step) => flux.buttons.retrieve(step.id),
  'buttons.list': (flux, step) => flux.buttons.list(step.params),
  'buttons.update': (flux, step) => flux.buttons.update(step.id, step.params, options(step)),
  'payment_links.create': (flux, step) => flux.paymentLinks.create(step.params, options(step)),
  'payment_links.retrieve': (flux, step) => flux.paymentLinks.retrieve(step.id),
  'payment_links.list': (flux, step) => flux.paymentLinks.list(step.params),
  'payment_links.update': (flux, step) => flux.paymentLinks.update(step.id, step.params, options(step)),
  'wallets.create': (flux, step) => flux.wallets.create(step.params, options(step)),
  'wallets.retrieve': (flux, step) => flux.wallets.retrieve(step.id),
  'wallets.list': (flux, step) => flux.wallets.list(step.params),
  'wallets.update': (flux, step) => flux.wallets.update(step.id, step.params, options(step)),
  'wallets.delete': (flux, step) => flux.wallets.del(step.id),
  'reviews.request': (flux, step) => flux.reviews.request(step.params, options(step)),
  'reviews.retrieve': (flux, step) => flux.reviews.retrieve(step.id),
  'reviews.list': (flux, step) => flux.reviews.list(step.params),
  'events.list': (flux, step) => flux.events.list(step.params),
  'events.retrieve': (flux, step) => flux.events.retrieve(step.id),
  'webhook_endpoints.create': (flux, step) => flux.webhookEndpoints.create(step.params, options(step)),
  'webhook_endpoints.retrieve': (flux, step) => flux.webhookEndpoints.retrieve(step.id),
  'webhook_endpoints.list': (flux, step) => flux.webhookEndpoints.list(step.params),
  'webhook_endpoints.update': (flux, step) => flux.webhookEndpoints.update(step.id, step.params, options(step)),
  'webhook_endpoints.delete': (flux, step) => flux.webhookEndpoints.del(step.id),
  'sandbox.pay': (flux, step) => payInSandbox(step.params.orderId),
};

test('the cases name exactly the calls this SDK makes', () => {
  assert.deepEqual(Object.keys(calls).sort(), Object.keys(listedCalls).sort());
  const used = new Set(cases.map((c) => c.call));
  assert.deepEqual(Object.keys(listedCalls).filter((call) => !used.has(call)), [], 'calls no case makes');
  assert.deepEqual([...used].filter((call) => !(call in listedCalls)), [], 'calls cases make that calls does not list');
});

test('every shared case', async () => {
  const vars = { wallet: wallet(), base_url: baseUrl() };
  const clients = {
    test: new Flux(apiKey(), { baseUrl: baseUrl() }),
    live: new Flux(liveApiKey(), { baseUrl: baseUrl() }),
    wrong: new Flux(wrongKey, { baseUrl: baseUrl() }),
  };
  for (const c of cases) await runCase(c, clients[c.as ?? 'test'], vars);
});

async function runCase(c, flux, vars) {
  const step = {
    id: fill(c.id, vars),
    idempotencyKey: fill(c.idempotency_key, vars),
    params: camelize(withAmounts(fill(c.params ?? {}, vars))),
  };
  const deadline = Date.now() + 20000;
  for (;;) {
    const problems = await attempt(c, flux, step, vars);
    if (problems.length === 0) return;
    if (!c.poll || Date.now() > deadline) assert.fail(`Case ${JSON.stringify(c.name)} (${c.call}):\n  ${problems.join('\n  ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function attempt(c, flux, step, vars) {
  let result;
  try {
    // A list is a thenable: awaiting it gives its first page, so it is walked before anything awaits it.
    const pending = calls[c.call](flux, step);
    if (c.auto_paging) {
      result = [];
      for await (const item of pending) result.push(item);
    } else {
      result = await pending;
    }
  } catch (error) {
    if (!c.error || !(error instanceof Flux.FluxError)) throw error;
    const tree = {
      type: error.type, message: error.message, param: error.param, request_id: error.requestId,
      http_status: error.statusCode, docs_url: error.docsUrl,
    };
    return match('error', fill(c.error, vars), tree, true);
  }
  if (c.error) return [`threw nothing, answered ${JSON.stringify(result)}`];
  const tree = snakeize(result);
  if (c.save) vars[c.save] = tree;
  return c.expect === undefined ? [] : match('result', fill(c.expect, vars), tree, true);
}

function fill(node, vars) {
  if (typeof node === 'string') return node.replace(/\$\{([^}]+)\}/g, (_, ref) => lookup(ref, vars));
  if (Array.isArray(node)) return node.map((item) => fill(item, vars));
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, vars)]));
  return node;
}

function lookup(ref, vars) {
  const [name, ...rest] = ref.split('.');
  const value = rest.reduce((node, segment) => node?.[segment], vars[name]);
  assert.ok(value !== undefined && value !== null, `\${${ref}} refers to nothing`);
  return String(value);
}

/** {"$decimal": …} in params is the amount as a number, which JSON writes back digit for digit. */
function withAmounts(node) {
  if (Array.isArray(node)) return node.map(withAmounts);
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === '$decimal') return Number(node.$decimal);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withAmounts(v)]));
}

function match(at, expected, actual, present) {
  const fail = () => [`${at}: expected ${JSON.stringify(expected)}, got ${present ? JSON.stringify(actual) : 'nothing'}`];
  if (expected === null) return present && actual !== null && actual !== undefined ? fail() : [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return fail();
    return expected.flatMap((item, i) => match(`${at}[${i}]`, item, actual[i], true));
  }
  if (typeof expected === 'object') {
    const keys = Object.keys(expected);
    if (keys.length === 1 && keys[0].startsWith('$')) return matches(keys[0], expected[keys[0]], actual, present) ? [] : fail();
    if (actual === null || typeof actual !== 'object') return fail();
    return keys.flatMap((key) => match(`${at}.${key}`, expected[key], actual[key], key in actual));
  }
  return expected === actual ? [] : fail();
}

function matches(matcher, argument, actual, present) {
  switch (matcher) {
    case '$decimal': return typeof actual === 'number' && actual === Number(argument);
    case '$match': return typeof actual === 'string' && new RegExp(argument).test(actual);
    case '$starts_with': return typeof actual === 'string' && actual.startsWith(argument);
    case '$present': return present && actual !== null && actual !== undefined;
    case '$absent': return !present;
    default: throw new Error(`unknown matcher ${matcher}`);
  }
}
