'use strict';

const { randomUUID } = require('node:crypto');
const { camelize, snakeize } = require('./case');
const { FluxError } = require('./errors');

const RETRYABLE_STATUSES = new Set([409, 429, 500, 502, 503, 504]);
const MAX_BACKOFF_MS = 8000;
const MAX_RETRY_AFTER_MS = 60000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with jitter: about 0.5 s, 1 s, 2 s … capped at 8 s. */
function backoffMs(attempt, initialMs) {
  const base = Math.min(initialMs * 2 ** attempt, MAX_BACKOFF_MS);
  return base / 2 + Math.random() * (base / 2);
}

/** Retry-After in seconds (or an HTTP date), as milliseconds; null when absent or unreadable. */
function retryAfterMs(headers) {
  const value = headers.get('retry-after');
  if (value === null) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : null;
}

/** The API's spelling of a time: ISO-8601 to the second (`2025-05-27T22:45:13Z`). */
const apiTime = (date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Query parameters as the API names them: a nested object is `key[sub]` (`created: { gte }` → `created[gte]`, as
 * Stripe's SDKs send it), a Date is an ISO-8601 time; absent values are left out.
 */
function queryEntries(query, prefix = '') {
  return Object.entries(query).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value === undefined || value === null) return [];
    if (value instanceof Date) return [[name, apiTime(value)]];
    if (typeof value === 'object') return queryEntries(value, name);
    return [[name, String(value)]];
  });
}

/**
 * Sends API requests: JSON in snake_case out, camelCase back, the key as a Bearer token, an Idempotency-Key on every
 * POST (one per logical call, the same on each retry), and retries on 409/429/5xx and network errors.
 */
class HttpClient {
  constructor({ apiKey, baseUrl, maxNetworkRetries, timeoutMs, initialRetryDelayMs }) {
    this.apiKey = apiKey;
    this.baseUrl = baseUrl;
    this.maxNetworkRetries = maxNetworkRetries;
    this.timeoutMs = timeoutMs;
    this.initialRetryDelayMs = initialRetryDelayMs;
  }

  url(path, query) {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of queryEntries(snakeize(query ?? {}))) url.searchParams.set(key, value);
    return url;
  }

  headers(extra = {}) {
    return { Authorization: `Bearer ${this.apiKey}`, 'User-Agent': 'flux-pi-sdk (node)', ...extra };
  }

  async request(method, path, { query, body, idempotencyKey } = {}) {
    const headers = this.headers({ Accept: 'application/json' });
    let payload;
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      headers['Idempotency-Key'] = idempotencyKey ?? randomUUID();
      payload = JSON.stringify(snakeize(body ?? {}));
    }
    const url = this.url(path, query);

    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (cause) {
        if (attempt < this.maxNetworkRetries) {
          await sleep(backoffMs(attempt, this.initialRetryDelayMs));
          continue;
        }
        throw new FluxError({
          type: 'api_connection_error',
          message: `Could not reach Flux at ${this.baseUrl} (${cause?.cause?.code ?? cause?.name ?? 'network error'}) after ${attempt + 1} attempt(s).`,
          cause,
        });
      }

      const text = await response.text();
      let json = null;
      try { json = text.length > 0 ? JSON.parse(text) : null; } catch { json = null; }
      if (response.ok) return camelize(json);

      if (RETRYABLE_STATUSES.has(response.status) && attempt < this.maxNetworkRetries) {
        await sleep(retryAfterMs(response.headers) ?? backoffMs(attempt, this.initialRetryDelayMs));
        continue;
      }
      throw FluxError.fromResponse(response.status, json, response.headers);
    }
  }
}

module.exports = { HttpClient, sleep, backoffMs };
