'use strict';

const { HttpClient } = require('./http');
const { EventStream } = require('./events');
const { FluxError, FluxSignatureVerificationError } = require('./errors');
const { ListResult } = require('./list');
const webhooks = require('./webhooks');
const resources = require('./resources');

const DEFAULT_BASE_URL = 'https://api.flux.io';

/**
 * The Flux API client: `new Flux(apiKey, { baseUrl })`. The base URL defaults to the hosted service; the
 * FLUX_BASE_URL environment variable overrides the default, an explicit `baseUrl` overrides both.
 */
class Flux {
  constructor(apiKey, options = {}) {
    if (typeof apiKey !== 'string' || apiKey.trim().length === 0) {
      throw new FluxError({ type: 'authentication_error', message: 'No API key given: new Flux(apiKey) needs your sk_test_… or sk_live_… key.' });
    }
    const baseUrl = (options.baseUrl ?? process.env.FLUX_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.http = new HttpClient({
      apiKey: apiKey.trim(),
      baseUrl,
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      timeoutMs: options.timeoutMs ?? 80000,
      initialRetryDelayMs: options.initialRetryDelayMs ?? 500,
    });
    this.stream = new EventStream(this.http);
    this.orders = resources.orders(this.http);
    this.payments = resources.payments(this.http);
    this.refunds = resources.refunds(this.http);
    this.credits = resources.credits(this.http);
    this.buttons = resources.buttons(this.http, this.stream);
    this.paymentLinks = resources.paymentLinks(this.http);
    this.wallets = resources.wallets(this.http);
    this.reviews = resources.reviews(this.http);
    this.events = resources.eventsApi(this.http);
    this.webhookEndpoints = resources.webhookEndpoints(this.http);
    this.webhooks = { verify: webhooks.verify, generateTestHeader: webhooks.signature };
  }

  get baseUrl() {
    return this.http.baseUrl;
  }

  /** Calls handler for each event of this type (`'*'`: every type; `'error'`: stream errors) from the event stream. */
  on(type, handler) {
    this.stream.on(type, handler);
    return this;
  }

  /** Removes a handler (or every handler of the type); the stream closes when no handler is left. */
  off(type, handler) {
    this.stream.off(type, handler);
    return this;
  }

  /** Resolves once the event stream is open: events from then on reach the handlers. */
  ready() {
    return this.stream.ready();
  }

  /** Closes the event stream; requests still work. */
  close() {
    this.stream.close();
  }
}

Flux.Flux = Flux;
Flux.default = Flux;
Flux.FluxError = FluxError;
Flux.FluxSignatureVerificationError = FluxSignatureVerificationError;
Flux.ListResult = ListResult;
Flux.DEFAULT_BASE_URL = DEFAULT_BASE_URL;

module.exports = Flux;
