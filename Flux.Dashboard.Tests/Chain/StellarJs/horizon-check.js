// Reads Flux's sandbox Horizon with the official Stellar JS SDK's Horizon.Server, only through its public API, for
// JsSdkHorizonTests.cs. Prints one JSON line per result on stdout; with a stream cursor it then streams the account's
// payments from that cursor, prints {"step":"streaming"}, and exits after the first streamed payment.
// Run `npm ci` here first.
//
//   node horizon-check.js <horizon-url> <account> <other-account> [<stream-cursor>]
//
// <account> is read with loadAccount (which checks its StrKey); <other-account> with accounts().accountId(), which
// does not, so the sandbox's placeholder test wallet can be read too.
'use strict';
const { Horizon } = require('@stellar/stellar-sdk');

const TIMEOUT_MS = 20_000;
const PAGE_SIZE = 1; // one payment per page, so following next() is part of the check

const [horizonUrl, account, otherAccount, streamCursor] = process.argv.slice(2);
if (!horizonUrl || !account || !otherAccount) {
  fail('usage: node horizon-check.js <horizon-url> <account> <other-account> [<stream-cursor>]');
}

const server = new Horizon.Server(horizonUrl, { allowHttp: true });
let lastStreamError = null;
const timeout = setTimeout(
  () => fail(`timed out after ${TIMEOUT_MS} ms${lastStreamError ? `; last stream error: ${lastStreamError}` : ''}`),
  TIMEOUT_MS,
);

function print(step, fields) {
  process.stdout.write(`${JSON.stringify({ step, ...fields })}\n`);
}

function fail(message) {
  process.stderr.write(`horizon-check: ${message}\n`);
  process.exit(1);
}

// SDK errors carry Horizon's problem body in getResponse(); EventSource errors carry a message and an HTTP code.
function describe(error) {
  const body = typeof error?.getResponse === 'function' ? error.getResponse() : undefined;
  const parts = [error?.name, error?.message, error?.code, error?.cause?.message, body && JSON.stringify(body)];
  return parts.filter((part) => part !== undefined && part !== null && part !== '').join(': ') || String(error);
}

const nativeBalance = (balances) => balances.find((b) => b.asset_type === 'native')?.balance ?? null;

async function paymentFields(record) {
  const tx = await record.transaction();
  return {
    id: record.id,
    paging_token: record.paging_token,
    type: record.type,
    from: record.from,
    to: record.to,
    amount: record.amount,
    asset_type: record.asset_type,
    transaction_hash: record.transaction_hash,
    // The SDK keeps an embedded (joined) resource under <link>_attr; absent when transaction() had to fetch it.
    joined: record.transaction_attr !== undefined,
    memo_type: tx.memo_type,
    memo: tx.memo ?? null,
  };
}

async function readAccounts() {
  const loaded = await server.loadAccount(account);
  print('account', {
    account_id: loaded.accountId(),
    sequence: loaded.sequenceNumber(),
    native_balance: nativeBalance(loaded.balances),
  });

  const other = await server.accounts().accountId(otherAccount).call();
  print('account', { account_id: other.account_id, sequence: other.sequence, native_balance: nativeBalance(other.balances) });
}

// Walks every page of the account's payments, joined with their transactions, by following next().
async function readPayments() {
  const hashes = [];
  let page = await server.payments().forAccount(account).join('transactions').order('asc').limit(PAGE_SIZE).call();
  for (let number = 1; page.records.length > 0; number++) {
    for (const record of page.records) {
      hashes.push(record.transaction_hash);
      print('payment', { page: number, ...(await paymentFields(record)) });
    }
    page = await page.next();
  }
  return hashes;
}

async function readTransaction(hash) {
  const tx = await server.transactions().transaction(hash).call();
  print('transaction', {
    hash: tx.hash,
    ledger: tx.ledger_attr, // the record's ledger() follows _links.ledger; the number itself moves to ledger_attr
    successful: tx.successful,
    source_account: tx.source_account,
    memo_type: tx.memo_type,
    memo: tx.memo ?? null,
    operation_count: tx.operation_count,
  });
}

// Resolves with the first payment the stream delivers; the explicit cursor means a payment made before the
// connection is up is still delivered, so no "connected" signal is needed.
function streamOnePayment(cursor) {
  return new Promise((resolve, reject) => {
    const close = server
      .payments()
      .forAccount(account)
      .cursor(cursor)
      .stream({
        onmessage: (record) => {
          close();
          paymentFields(record).then(resolve, reject);
        },
        onerror: (error) => {
          // EventSource or the SDK's reconnect timer retries; keep the last error for the timeout message.
          lastStreamError = describe(error);
        },
      });
    print('streaming', { cursor });
  });
}

async function main() {
  await readAccounts();
  const hashes = await readPayments();
  if (hashes.length > 0) await readTransaction(hashes[0]);
  if (streamCursor) print('streamed', await streamOnePayment(streamCursor));
  clearTimeout(timeout);
}

main().then(
  () => process.exit(0),
  (error) => fail(describe(error)),
);
