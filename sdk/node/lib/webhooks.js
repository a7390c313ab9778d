'use strict';

const { createHmac, timingSafeEqual } = require('node:crypto');
const { FluxSignatureVerificationError } = require('./errors');
const { toEvent } = require('./event');

const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks a webhook's `Flux-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` and returns
 * the event as `flux.on` handlers get it. Pass the raw body exactly as received (a string or Buffer), not re-serialized
 * JSON. Throws a FluxSignatureVerificationError when the signature does not match or is older than the tolerance.
 */
function verify(rawBody, signatureHeader, secret, { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() / 1000 } = {}) {
  if (typeof rawBody !== 'string' && !Buffer.isBuffer(rawBody)) {
    throw new FluxSignatureVerificationError('rawBody must be the request body as received (a string or Buffer), not parsed JSON.');
  }
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new FluxSignatureVerificationError('The webhook endpoint secret (whsec_…) is missing.');
  }
  if (typeof signatureHeader !== 'string' || signatureHeader.length === 0) {
    throw new FluxSignatureVerificationError('The Flux-Signature header is missing.');
  }
  const parts = signatureHeader.split(',').map((part) => part.trim().split('='));
  const timestamps = parts.filter(([key]) => key === 't').map(([, value]) => value);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (timestamps.length !== 1 || !/^\d+$/.test(timestamps[0]) || signatures.length === 0) {
    throw new FluxSignatureVerificationError('The Flux-Signature header is not in the form t=<unix seconds>,v1=<hex signature>.');
  }
  const timestamp = Number(timestamps[0]);
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new FluxSignatureVerificationError('No signature in the Flux-Signature header matches the body: check the endpoint secret and pass the raw body unchanged.');
  }
  if (Math.abs(now - timestamp) > toleranceSeconds) {
    throw new FluxSignatureVerificationError(`The signature's timestamp is ${Math.round(Math.abs(now - timestamp))} s away from now, more than the tolerance of ${toleranceSeconds} s (a replayed or delayed webhook).`);
  }
  return toEvent(JSON.parse(body.toString('utf8')));
}

/** Signs a body as Flux does: for tests of a webhook handler. */
function signature(rawBody, secret, timestamp = Math.floor(Date.now() / 1000)) {
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
  const v1 = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

module.exports = { verify, signature };
