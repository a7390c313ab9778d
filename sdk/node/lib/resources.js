'use strict';

const { ListResult } = require('./list');

const path = (template, id) => `${template}/${encodeURIComponent(id)}`;

/** A list over `GET {route}` whose items carry their id in `idField` (camelCase). */
function lister(http, route, idField) {
  return (params = {}) => new ListResult((query) => http.request('GET', route, { query }), params, (item) => item[idField]);
}

const post = (http, route) => (params = {}, options = {}) =>
  http.request('POST', route, { body: params, idempotencyKey: options.idempotencyKey });

/** `update(id, params, options)`: `POST {route}/{id}` with the fields to change. */
const updater = (http, route) => (id, params = {}, options = {}) => post(http, path(route, id))(params, options);

function orders(http) {
  return {
    create: post(http, '/v1/orders'),
    retrieve: (orderId) => http.request('GET', path('/v1/orders', orderId)),
    list: lister(http, '/v1/orders', 'orderId'),
    cancel: (orderId, options = {}) =>
      http.request('POST', `${path('/v1/orders', orderId)}/cancel`, { idempotencyKey: options.idempotencyKey }),
  };
}

function payments(http) {
  return {
    create: post(http, '/v1/payments'),
    retrieve: (paymentId) => http.request('GET', path('/v1/payments', paymentId)),
    list: lister(http, '/v1/payments', 'paymentId'),
  };
}

/** Refunds verified on chain: Flux says what to send back to whom; the watcher marks the refund succeeded. */
function refunds(http) {
  return {
    create: post(http, '/v1/refunds'),
    retrieve: (refundId) => http.request('GET', path('/v1/refunds', refundId)),
    list: lister(http, '/v1/refunds', 'refundId'),
    cancel: (refundId, options = {}) =>
      http.request('POST', `${path('/v1/refunds', refundId)}/cancel`, { idempotencyKey: options.idempotencyKey }),
  };
}

function credits(http) {
  return {
    getBalance: () => http.request('GET', '/v1/credits/balance'),
    listLedger: lister(http, '/v1/credits/ledger', 'id'),
  };
}

/**
 * Order buttons. `onOrderConfirmed` (the seed's Code Example) is no field of the API: the SDK calls it for each
 * `order.confirmed` event of an order started from this button, with the transaction (`id` = transaction hash).
 */
function buttons(http, events) {
  const create = post(http, '/v1/buttons');
  return {
    async create(params = {}, options = {}) {
      const { onOrderConfirmed, ...fields } = params;
      const button = await create(fields, options);
      if (typeof onOrderConfirmed === 'function') {
        events.on('order.confirmed', (event) => {
          if (event.buttonId === button.buttonId) onOrderConfirmed({ ...event, id: event.transactionHash, eventId: event.id });
        });
      }
      return button;
    },
    retrieve: (buttonId) => http.request('GET', path('/v1/buttons', buttonId)),
    list: lister(http, '/v1/buttons', 'buttonId'),
    update: updater(http, '/v1/buttons'),
  };
}

/** Payment links: a hosted page selling one product; `update(id, { active: false })` deactivates one. */
function paymentLinks(http) {
  return {
    create: post(http, '/v1/payment_links'),
    retrieve: (paymentLinkId) => http.request('GET', path('/v1/payment_links', paymentLinkId)),
    list: lister(http, '/v1/payment_links', 'paymentLinkId'),
    update: updater(http, '/v1/payment_links'),
  };
}

/** The wallets orders are paid into: register one, then name it as `merchantWallet`. */
function wallets(http) {
  return {
    create: post(http, '/v1/wallets'),
    retrieve: (walletId) => http.request('GET', path('/v1/wallets', walletId)),
    list: lister(http, '/v1/wallets', 'id'),
    update: updater(http, '/v1/wallets'),
    del: (walletId) => http.request('DELETE', path('/v1/wallets', walletId)),
  };
}

function reviews(http) {
  return {
    request: post(http, '/v1/reviews'),
    retrieve: (reviewRequestId) => http.request('GET', path('/v1/reviews', reviewRequestId)),
    list: lister(http, '/v1/reviews', 'reviewRequestId'),
  };
}

function eventsApi(http) {
  return {
    list: lister(http, '/v1/events', 'id'),
    retrieve: (eventId) => http.request('GET', path('/v1/events', eventId)),
  };
}

/**
 * Webhook endpoints; an endpoint's `secret` is in the answer to `create` only. `update(id, { disabled: false })` turns
 * one on again.
 */
function webhookEndpoints(http) {
  return {
    create: post(http, '/v1/webhook_endpoints'),
    retrieve: (endpointId) => http.request('GET', path('/v1/webhook_endpoints', endpointId)),
    list: lister(http, '/v1/webhook_endpoints', 'id'),
    update: updater(http, '/v1/webhook_endpoints'),
    del: (endpointId) => http.request('DELETE', path('/v1/webhook_endpoints', endpointId)),
  };
}

module.exports = { orders, payments, refunds, credits, buttons, paymentLinks, wallets, reviews, eventsApi, webhookEndpoints };
