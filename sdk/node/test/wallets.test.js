'use strict';

// flux.wallets registers the wallets an order's merchantWallet names, with the dashboard's checks.

const test = require('node:test');
const assert = require('node:assert/strict');
const { randomBytes } = require('node:crypto');
const Flux = require('flux-pi-sdk');
const { apiKey } = require('./support');

/** A valid Pi (Stellar) account address: version byte, 32 random bytes, CRC16-XModem, base32. */
function randomAddress() {
  const payload = Buffer.concat([Buffer.from([6 << 3]), randomBytes(32)]);
  let crc = 0;
  for (const byte of payload) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  const bytes = Buffer.concat([payload, Buffer.from([crc & 0xff, crc >> 8])]);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let address = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      address += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return address;
}

test('a wallet registered with the SDK takes orders, is relabeled, made default and removed', async () => {
  const flux = new Flux(apiKey());
  const address = randomAddress();

  const wallet = await flux.wallets.create({ address, label: 'Till' });
  const order = await flux.orders.create({ amount: 2, merchantWallet: address });
  const updated = await flux.wallets.update(wallet.id, { label: 'Front desk', default: true });
  const listed = await flux.wallets.list({ limit: 100 }).toArray();
  const removed = await flux.wallets.del(wallet.id);

  assert.equal(wallet.object, 'wallet');
  assert.equal(wallet.address, address);
  assert.equal(order.payTo, address);
  assert.equal(updated.label, 'Front desk');
  assert.equal(updated.default, true);
  assert.ok(listed.some((w) => w.id === wallet.id && w.default));
  assert.deepEqual(removed, { id: wallet.id, object: 'wallet', deleted: true });
  await assert.rejects(flux.wallets.retrieve(wallet.id), (error) => error.type === 'resource_not_found' && error.statusCode === 404);
});

test('an address that is not a Pi address is an invalid_request naming address', async () => {
  const flux = new Flux(apiKey());

  await assert.rejects(flux.wallets.create({ address: 'GABC' }), (error) => {
    assert.equal(error.type, 'invalid_request');
    assert.equal(error.param, 'address');
    return true;
  });
});
