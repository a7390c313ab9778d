'use strict';

// flux.reviews.request for an order the sandbox confirmed: a one-time review link for the customer.

const test = require('node:test');
const assert = require('node:assert/strict');
const Flux = require('flux-pi-sdk');
const { apiKey, baseUrl, payInSandbox, waitFor } = require('./support');

test('reviews.request on a confirmed order gives a review link; an unconfirmed order is refused', async () => {
  const flux = new Flux(apiKey(), { baseUrl: baseUrl() });
  const order = await flux.orders.create({ amount: 4, description: 'Premium Subscription' });
  await assert.rejects(flux.reviews.request({ orderId: order.orderId, productName: 'Premium Subscription' }),
    { name: 'FluxError', type: 'invalid_request', statusCode: 400 });

  await payInSandbox(order.orderId);
  await waitFor(async () => (await flux.orders.retrieve(order.orderId)).status === 'confirmed', { what: 'the order confirmed' });

  const review = await flux.reviews.request({ orderId: order.orderId, productName: 'Premium Subscription' });
  assert.match(review.reviewRequestId, /^[a-z]+_[0-9A-Za-z]+$/);
  assert.ok(review.reviewUrl.startsWith(`${baseUrl()}/`), review.reviewUrl);
  assert.equal('review_url' in review, false);
  const page = await fetch(review.reviewUrl);
  assert.equal(page.status, 200);

  await assert.rejects(flux.reviews.request({ orderId: 'ord_DoesNotExist', productName: 'X' }), { type: 'resource_not_found', statusCode: 404 });
});
