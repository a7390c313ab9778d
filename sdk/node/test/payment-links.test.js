'use strict';

// flux.paymentLinks: a hosted page that sells one product; its orders are listed by the payment_link filter.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey } = require('./support');

test('a payment link is created, retrieved, listed and deactivated', async () => {
  const flux = new Flux(apiKey());

  const link = await flux.paymentLinks.create({ productName: 'Flat white', amount: 2.5, quantityAdjustable: true, expiresIn: 900 });
  const retrieved = await flux.paymentLinks.retrieve(link.paymentLinkId);
  const listed = await flux.paymentLinks.list({ limit: 100 }).toArray();
  const deactivated = await flux.paymentLinks.update(link.paymentLinkId, { active: false });
  const orders = await flux.orders.list({ paymentLink: link.paymentLinkId });

  assert.match(link.paymentLinkId, /^plink_[0-9A-Za-z]+$/);
  assert.equal(link.productName, 'Flat white');
  assert.equal(link.amount, 2.5);
  assert.equal(link.currency, 'PI');
  assert.equal(link.quantityAdjustable, true);
  assert.equal(link.expiresIn, 900);
  assert.equal(link.active, true);
  assert.ok(link.url.endsWith(`/pay/${link.paymentLinkId}`));
  assert.equal(retrieved.paymentLinkId, link.paymentLinkId);
  assert.ok(listed.some((l) => l.paymentLinkId === link.paymentLinkId));
  assert.equal(deactivated.active, false);
  assert.deepEqual(orders.data, []);
});

test('a link without a product name is an invalid_request naming product_name', async () => {
  const flux = new Flux(apiKey());

  await assert.rejects(flux.paymentLinks.create({ amount: 1 }), (error) => {
    assert.equal(error.type, 'invalid_request');
    assert.equal(error.param, 'product_name');
    assert.equal(error.statusCode, 400);
    return true;
  });
});
