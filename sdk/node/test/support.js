'use strict';

// What every SDK test file shares: the Flux it runs against (FLUX_BASE_URL, FLUX_API_KEY, FLUX_LIVE_API_KEY and
// FLUX_WALLET, the merchant's watched default test wallet, set by Flux.Dashboard.Tests/Sdk/NodeSdkTests), console capture for the seed's
// samples, raw API calls the SDK has no method for, and a tiny HTTP proxy that can misbehave on purpose.

const http = require('node:http');
const assert = require('node:assert/strict');
const { format } = require('node:util');

function env(name) {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run these tests through Flux.Dashboard.Tests (NodeSdkTests), which starts Flux.`);
  return value;
}

const baseUrl = () => env('FLUX_BASE_URL');
const apiKey = () => env('FLUX_API_KEY');
const wallet = () => env('FLUX_WALLET');
/** The same merchant's live key; its live mode has no wallet. */
const liveApiKey = () => env('FLUX_LIVE_API_KEY');

/** Runs fn while console.log and console.error are recorded (and still printed); returns the recorded lines. */
async function captureConsole(fn) {
  const lines = { log: [], error: [] };
  const original = { log: console.log, error: console.error };
  console.log = (...args) => { lines.log.push(format(...args)); original.log(...args); };
  console.error = (...args) => { lines.error.push(format(...args)); original.error(...args); };
  try {
    await fn(lines);
  } finally {
    console.log = original.log;
    console.error = original.error;
  }
  return lines;
}

/** A request straight to the API with the test key, for what the SDK does not cover (sandbox payments). */
async function api(method, path, body) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiKey()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Pays an order in the sandbox (from the seed's test wallet), so Flux's watcher confirms it. */
const payInSandbox = (orderId) => api('POST', '/v1/sandbox/payments', { order_id: orderId });

async function waitFor(check, { timeoutMs = 20000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * A proxy in front of Flux on a free local port. `handle(req, res, { forward, open, count })` answers each request:
 * `forward()` sends it on to Flux and gives the whole answer `{ status, headers, body }`; `open()` gives Flux's answer
 * as a stream (for /v1/events/stream); `count` is the request's number, from 1. The test writes whatever it wants to res.
 */
async function startProxy(handle) {
  const target = new URL(baseUrl());
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    requests.push({ method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8') });
    const open = () => new Promise((resolve, reject) => {
      const upstream = http.request({
        host: target.hostname, port: target.port, path: req.url, method: req.method,
        headers: { ...req.headers, host: target.host },
      }, resolve);
      upstream.on('error', reject);
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    });
    const forward = async () => {
      const response = await open();
      const parts = [];
      for await (const part of response) parts.push(part);
      return { status: response.statusCode, headers: response.headers, body: Buffer.concat(parts) };
    };
    try {
      await handle(req, res, { forward, open, count: requests.length });
    } catch (error) {
      res.destroy(error);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** Answers with an API error in the seed's shape, as Flux would; returns its made-up request id. */
function answerError(res, status, code, headers = {}) {
  const requestId = `req_Proxy${String(Date.now()).slice(-9)}`;
  res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': requestId, ...headers });
  res.end(JSON.stringify({ error: { code, message: `Answered by the test proxy (${status}).`, docs_url: `${baseUrl()}/docs/errors#${code}`, param: null, request_id: requestId } }));
  return requestId;
}

/** Writes a forwarded answer back unchanged. */
function relay(res, answer) {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

module.exports = { baseUrl, apiKey, liveApiKey, wallet, captureConsole, api, payInSandbox, waitFor, startProxy, answerError, relay };
