// Prints what the official Stellar JS SDK says about random keys and their one-character mutations, as JSON on
// stdout, for Flux's StrKey compatibility test (StrKeyJsSdkCompatibilityTests.cs). Run `npm ci` here first.
'use strict';
const { Keypair, StrKey } = require('@stellar/stellar-sdk');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const KEYPAIRS = 1000;
const MUTATED_KEYS = 25;
const MUXED = 200;
const MUTATED_MUXED = 5;
const SEEDS = 20;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SANDBOX_TEST_WALLET = 'GD5YHQWSTDLU4I2TVSTTLVKXI3RDEOYMPC66EYS32JBPBTKWT4X2EWBW';

const hex = (bytes) => Buffer.from(bytes).toString('hex');

// Every substitution of one character by another alphabet character, plus each character in lower case.
function mutations(address, isValid) {
  const out = [];
  for (let i = 0; i < address.length; i++) {
    const variants = [...ALPHABET].filter((c) => c !== address[i]);
    const lower = address[i].toLowerCase();
    if (lower !== address[i]) variants.push(lower);
    for (const c of variants) {
      const mutated = address.slice(0, i) + c + address.slice(i + 1);
      out.push({ address: mutated, valid: isValid(mutated) });
    }
  }
  return out;
}

const keys = [];
for (let i = 0; i < KEYPAIRS; i++) {
  const keypair = Keypair.random();
  keys.push({ address: keypair.publicKey(), hex: hex(keypair.rawPublicKey()) });
}

const muxed = [];
for (let i = 0; i < MUXED; i++) {
  const key = Buffer.from(keys[i].hex, 'hex');
  const id = crypto.randomBytes(8);
  const address = StrKey.encodeMed25519PublicKey(Buffer.concat([key, id]));
  muxed.push({ address, baseAddress: keys[i].address, id: id.readBigUInt64BE().toString() });
}

const seeds = [];
for (let i = 0; i < SEEDS; i++) {
  const seed = Keypair.random().secret();
  seeds.push({ address: seed, validSeed: StrKey.isValidEd25519SecretSeed(seed), validPublicKey: StrKey.isValidEd25519PublicKey(seed) });
}

const result = {
  sdkVersion: JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules/@stellar/stellar-sdk/package.json'), 'utf8')).version,
  keys,
  keyMutations: keys.slice(0, MUTATED_KEYS).flatMap((k) => mutations(k.address, (a) => StrKey.isValidEd25519PublicKey(a))),
  muxed,
  muxedMutations: muxed.slice(0, MUTATED_MUXED).flatMap((m) => mutations(m.address, (a) => StrKey.isValidMed25519PublicKey(a))),
  seeds,
  sandboxTestWallet: { address: SANDBOX_TEST_WALLET, valid: StrKey.isValidEd25519PublicKey(SANDBOX_TEST_WALLET) },
};
process.stdout.write(JSON.stringify(result));
