'use strict';

// The seed docs' "Code Example" (seed-samples.js). That onOrderConfirmed fires for an order from the button is checked
// in events.test.js, which needs the event stream.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, wallet } = require('./support');
const { codeExample } = require('./seed-samples');

test('Code Example creates an order button paying into the merchant wallet', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  flux.on('error', () => {});
  try {
    const button = await codeExample(flux, wallet());

    assert.match(button.buttonId, /^btn_[0-9A-Za-z]+$/);
    assert.equal(button.amount, 10);
    assert.equal(button.merchantWallet, wallet());
    assert.equal(button.livemode, false);
    assert.ok(button.snippet.includes(`data-button-id="${button.buttonId}"`));
    assert.equal('onOrderConfirmed' in button, false);

    const listed = await flux.buttons.list();
    assert.deepEqual(listed.data.map((b) => b.buttonId), [button.buttonId]);
    assert.deepEqual(await flux.buttons.retrieve(button.buttonId), button);
  } finally {
    flux.close();
  }
});
