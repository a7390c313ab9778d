'use strict';

// The seed docs' "Authentication Code Samples", verbatim: Node 20's own fetch with the Bearer header, the URL and key
// filled in. No SDK involved: it pins that the raw API answers the way the docs show.

const test = require('node:test');
const assert = require('node:assert/strict');
const { apiKey, baseUrl, captureConsole, api, payInSandbox, waitFor } = require('./support');

test('Authentication Code Sample lists payments with the Bearer key', async () => {
  let result;
  const output = await captureConsole(async () => {
    // Using fetch API with authentication header
    const fetchPayments = async () => {
    try {
    const response = await fetch(`${baseUrl()}/v1/payments`, {
    method: 'GET',
    headers: {
    'Authorization': `Bearer ${apiKey()}`,
    'Content-Type': 'application/json'
    }
    });
    const data = await response.json();
    console.log('Payments:', data);
    return data;
    } catch (error) {
    console.error('Error fetching payments:', error);
    }
    };
    result = await fetchPayments();
  });

  assert.deepEqual(output.error, []);
  assert.deepEqual(result, { object: 'list', data: [], has_more: false });
  assert.deepEqual(output.log, ["Payments: { object: 'list', data: [], has_more: false }"]);

  const order = await api('POST', '/v1/orders', { amount: 1.5 });
  await payInSandbox(order.order_id);
  const paid = await waitFor(async () => {
    const list = await (await fetch(`${baseUrl()}/v1/payments`, { headers: { Authorization: `Bearer ${apiKey()}` } })).json();
    return list.data.length > 0 && list;
  }, { what: 'the sandbox payment in GET /v1/payments' });
  assert.equal(paid.data.length, 1);
  assert.equal(paid.data[0].order_id, order.order_id);
  assert.equal(paid.data[0].amount, 1.5);
});
