'use strict';

// The seed docs' "Authentication Code Samples" (seed-samples.js): Node 20's own fetch with the Bearer header. No SDK
// involved: it pins that the raw API answers the way the docs show.

const test = require('node:test');
const assert = require('node:assert/strict');
const { apiKey, baseUrl, captureConsole, api, payInSandbox, waitFor } = require('./support');
const { authenticationCodeSample } = require('./seed-samples');

test('Authentication Code Sample lists payments with the Bearer key', async () => {
  let result;
  const output = await captureConsole(async () => { result = await authenticationCodeSample(apiKey(), baseUrl()); });

  assert.deepEqual(output.error, []);
  assert.deepEqual(result, { object: 'list', data: [], has_more: false });
  assert.deepEqual(output.log, ["Payments: { object: 'list', data: [], has_more: false }"]);

  const order = await api('POST', '/v1/orders', { amount: 1.5 });
  await payInSandbox(order.order_id);
  const paid = await waitFor(async () => {
    const list = await authenticationCodeSample(apiKey(), baseUrl());
    return list.data.length > 0 && list;
  }, { what: 'the sandbox payment in GET /v1/payments' });
  assert.equal(paid.data.length, 1);
  assert.equal(paid.data[0].order_id, order.order_id);
  assert.equal(paid.data[0].amount, 1.5);

  const wrongKey = await authenticationCodeSample('sk_test_NotARealKey0000000000000000000', baseUrl());
  assert.equal(wrongKey.error.code, 'authentication_error');
});
