// P6's do-it-yourself peer (bench/Flux.Bench/WatchingBenchmark.cs): what Stellar payment gateways do today, one
// @stellar/stellar-sdk payment stream per watched wallet, from 'now'. Run `npm ci` here first.
//
//   node --expose-gc watch-payments.js <horizon-url> <wallets-file (one address a line)>
//
// Prints "baseline <rss bytes>" before it opens the streams, then one line per payment seen,
// "seen <payment id> <wallet> <epoch ms>", and "error <wallet> <message>" per stream error. On the command "memory"
// (stdin) it forces a full GC and prints "memory <rss bytes>".
'use strict';
const fs = require('node:fs');
const readline = require('node:readline');
const { Horizon } = require('@stellar/stellar-sdk');

const [horizonUrl, walletsFile] = process.argv.slice(2);
if (!horizonUrl || !walletsFile) {
  process.stderr.write('usage: node --expose-gc watch-payments.js <horizon-url> <wallets-file>\n');
  process.exit(2);
}

const print = (line) => process.stdout.write(`${line}\n`);
const epochMs = () => performance.timeOrigin + performance.now();
const residentAfterGc = () => {
  global.gc();
  return process.memoryUsage().rss;
};

const server = new Horizon.Server(horizonUrl, { allowHttp: true });
const wallets = fs.readFileSync(walletsFile, 'utf8').split('\n').filter((line) => line.length > 0);

print(`baseline ${residentAfterGc()}`);
for (const wallet of wallets) {
  server.payments().forAccount(wallet).cursor('now').stream({
    onmessage: (payment) => print(`seen ${payment.id} ${wallet} ${epochMs()}`),
    onerror: (error) => print(`error ${wallet} ${error?.message ?? error?.type ?? String(error)}`),
  });
}

readline.createInterface({ input: process.stdin }).on('line', (command) => {
  if (command === 'memory') print(`memory ${residentAfterGc()}`);
});
