'use strict';

// flux.webhooks.verify checks `Flux-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The
// signatures here are made with node:crypto directly, as Flux makes them, not with the SDK.

const test = require('node:test');
const assert = require('node:assert/strict');
const { createHmac } = require('node:crypto');
const Flux = require('flux-pi-sdk');

const secret = 'whsec_TestSecret0123456789abcdefXYZ';
const body = JSON.stringify({
  id: 'evt_3kTqV9f2LmN8pQ1r', object: 'event', type: 'credit.used', created_at: '2026-11-25T16:00:00Z', livemode: false,
  data: { order_id: 'ord_8f7sd6f876dsf', credits_remaining: 99 },
});
const sign = (payload, t, key = secret) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${payload}`).digest('hex')}`;
const now = () => Math.floor(Date.now() / 1000);
const flux = new Flux('sk_test_unused', { baseUrl: 'http://127.0.0.1:9' });

test('a correctly signed body is accepted and returned as a camelCase event', () => {
  const event = flux.webhooks.verify(body, sign(body, now()), secret);
  assert.equal(event.type, 'credit.used');
  assert.equal(event.id, 'evt_3kTqV9f2LmN8pQ1r');
  assert.equal(event.orderId, 'ord_8f7sd6f876dsf');
  assert.equal(event.creditsRemaining, 99);
  assert.equal(event.createdAt, '2026-11-25T16:00:00Z');
  assert.deepEqual(event.data, { orderId: 'ord_8f7sd6f876dsf', creditsRemaining: 99 });
});

test('a Buffer body and a header with several v1 signatures (secret rotation) are accepted', () => {
  const t = now();
  const header = `${sign(body, t, 'whsec_old')},v1=${sign(body, t).split('v1=')[1]}`;
  assert.equal(flux.webhooks.verify(Buffer.from(body), header, secret).orderId, 'ord_8f7sd6f876dsf');
});

test('a tampered body is rejected', () => {
  const header = sign(body, now());
  const tampered = body.replace('"credits_remaining":99', '"credits_remaining":999');
  assert.throws(() => flux.webhooks.verify(tampered, header, secret),
    { name: 'FluxSignatureVerificationError', type: 'signature_verification_error', message: /No signature .* matches the body/ });
});

test('a signature made with another secret is rejected', () => {
  assert.throws(() => flux.webhooks.verify(body, sign(body, now(), 'whsec_other'), secret), { type: 'signature_verification_error' });
});

test('a signature older than the tolerance is rejected; a wider tolerance accepts it', () => {
  const old = sign(body, now() - 301);
  assert.throws(() => flux.webhooks.verify(body, old, secret), { type: 'signature_verification_error', message: /tolerance of 300 s/ });
  assert.equal(flux.webhooks.verify(body, old, secret, { toleranceSeconds: 600 }).type, 'credit.used');
  assert.throws(() => flux.webhooks.verify(body, sign(body, now() - 61), secret, { toleranceSeconds: 60 }), { type: 'signature_verification_error' });
});

test('a timestamp changed in the header breaks the signature', () => {
  const t = now();
  const header = sign(body, t).replace(`t=${t}`, `t=${t + 1}`);
  assert.throws(() => flux.webhooks.verify(body, header, secret), { type: 'signature_verification_error' });
});

test('missing or malformed headers, secrets and parsed bodies are rejected with a clear message', () => {
  assert.throws(() => flux.webhooks.verify(body, '', secret), { message: /header is missing/ });
  assert.throws(() => flux.webhooks.verify(body, 'v1=abc', secret), { message: /t=<unix seconds>,v1=<hex signature>/ });
  assert.throws(() => flux.webhooks.verify(body, `t=${now()}`, secret), { message: /t=<unix seconds>,v1=<hex signature>/ });
  assert.throws(() => flux.webhooks.verify(body, sign(body, now()), ''), { message: /secret/ });
  assert.throws(() => flux.webhooks.verify(JSON.parse(body), sign(body, now()), secret), { message: /raw body|rawBody/ });
});

test('generateTestHeader signs the way Flux does', () => {
  const t = now();
  assert.equal(flux.webhooks.generateTestHeader(body, secret, t), sign(body, t));
});
