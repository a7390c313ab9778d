'use strict';

// The seed docs' "Code Example", verbatim, with the key and base URL filled in and YOUR_PI_WALLET, the docs'
// placeholder for the merchant's wallet, filled in with this merchant's wallet. That onOrderConfirmed fires for an
// order from the button is checked in events.test.js, which needs the event stream.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, wallet } = require('./support');

test('Code Example creates an order button paying into the merchant wallet', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  flux.on('error', () => {});
  const YOUR_PI_WALLET = wallet();
  try {
    // Create an order button
    const button = await flux.buttons.create({
    amount: 10.0,
    merchantWallet: YOUR_PI_WALLET, // Payments go directly here
    onOrderConfirmed: (transaction) => {
    console.log('Order confirmed!', transaction.amount);
    console.log('Transaction ID:', transaction.id);
    // Credit used for confirmation
    console.log('Credits remaining:', transaction.creditsRemaining);
    }
    });

    assert.match(button.buttonId, /^btn_[0-9A-Za-z]+$/);
    assert.equal(button.amount, 10);
    assert.equal(button.merchantWallet, YOUR_PI_WALLET);
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
