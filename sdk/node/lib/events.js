'use strict';

const { FluxError } = require('./errors');
const { toEvent } = require('./event');
const { backoffMs } = require('./http');

const MAX_RECONNECT_MS = 30000;

/**
 * One shared Server-Sent Events connection to `/v1/events/stream` for every `flux.on` handler. A dropped connection is
 * opened again after a backoff with `Last-Event-ID`, so the server replays what was missed; `close()` ends it.
 */
class EventStream {
  constructor(http) {
    this.http = http;
    this.handlers = new Map();
    this.lastEventId = null;
    this.logWasEmpty = false;
    this.connectedBefore = false;
    this.generation = 0;
    this.running = false;
    this.abort = null;
    this.openWaiters = [];
  }

  on(type, handler) {
    if (typeof handler !== 'function') throw new TypeError('flux.on(type, handler): handler must be a function.');
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(handler);
    if (type !== 'error' && !this.running) this.start();
  }

  off(type, handler) {
    const set = this.handlers.get(type);
    if (!set) return;
    if (handler === undefined) set.clear(); else set.delete(handler);
    if (set.size === 0) this.handlers.delete(type);
    if (![...this.handlers.keys()].some((t) => t !== 'error')) this.close();
  }

  /** Resolves once the stream is open (handlers get every event from then on). */
  ready() {
    if (this.open) return Promise.resolve();
    if (!this.running) return Promise.reject(new Error('No event handler is registered: call flux.on(type, handler) first.'));
    return new Promise((resolve, reject) => this.openWaiters.push({ resolve, reject }));
  }

  close() {
    this.running = false;
    this.open = false;
    this.wake?.();
    this.abort?.abort();
    this.abort = null;
    this.settleWaiters(new Error('The event stream was closed.'));
  }

  start() {
    this.running = true;
    // A loop left over from before a close() sees a newer generation and stops, so there is never a second connection.
    const generation = ++this.generation;
    this.run(() => this.running && generation === this.generation).catch((error) => {
      if (generation === this.generation) this.fail(error);
    });
  }

  async run(current) {
    await this.findStart();
    let attempt = 0;
    while (current()) {
      this.abort = new AbortController();
      try {
        if (this.lastEventId === null && this.logWasEmpty && this.connectedBefore) await this.catchUpFromEmptyLog();
        const received = await this.readOnce(this.abort.signal);
        if (received) attempt = 0;
      } catch (error) {
        if (!current()) return;
        if (error instanceof FluxError && error.statusCode !== null && error.statusCode < 500 && error.statusCode !== 429) throw error;
      }
      if (!current()) return;
      this.open = false;
      await this.pause(Math.min(backoffMs(attempt++, this.http.initialRetryDelayMs), MAX_RECONNECT_MS));
    }
  }

  /**
   * The newest event when the first handler was added: the stream resumes after it, so nothing that happens from
   * `flux.on(…)` on is missed, even if the first connection takes a while. Best effort: without it the stream starts
   * with the next event.
   */
  async findStart() {
    if (this.lastEventId !== null) return;
    try {
      const page = await this.http.request('GET', '/v1/events', { query: { limit: 1 } });
      this.lastEventId = page.data[0]?.id ?? null;
      this.logWasEmpty = page.data.length === 0;
    } catch {
      this.logWasEmpty = false;
    }
  }

  /** Reconnecting with no event seen yet and an empty log at the start: every event in the log is one to deliver. */
  async catchUpFromEmptyLog() {
    const newestFirst = [];
    let page = await this.http.request('GET', '/v1/events', { query: { limit: 100 } });
    newestFirst.push(...page.data);
    while (page.hasMore) {
      page = await this.http.request('GET', '/v1/events', { query: { limit: 100, startingAfter: page.data[page.data.length - 1].id } });
      newestFirst.push(...page.data);
    }
    for (const envelope of newestFirst.reverse()) this.deliver(toEvent(envelope), envelope.id);
  }

  /** Waits before reconnecting; close() cuts the wait short, so a closed client never holds the process open. */
  pause(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => { clearTimeout(timer); resolve(); };
    });
  }

  /** One connection, read until it ends; true when it delivered anything. A 4xx other than 429 is final. */
  async readOnce(signal) {
    const headers = this.http.headers({ Accept: 'text/event-stream' });
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    const response = await fetch(this.http.url('/v1/events/stream'), { headers, signal });
    if (!response.ok) {
      const text = await response.text();
      let json = null;
      try { json = JSON.parse(text); } catch { json = null; }
      const error = FluxError.fromResponse(response.status, json, response.headers);
      if (response.status >= 400 && response.status < 500 && response.status !== 429) throw error;
      this.report(error);
      return false;
    }
    this.open = true;
    this.connectedBefore = true;
    this.settleWaiters();

    let received = false;
    let buffer = '';
    let frame = { id: null, event: null, data: [] };
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (frame.data.length > 0) {
            received = true;
            this.dispatch(frame);
          }
          frame = { id: null, event: null, data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') frame.data.push(value);
        else if (field === 'id') frame.id = value;
        else if (field === 'event') frame.event = value;
      }
    }
    return received;
  }

  dispatch(frame) {
    let envelope;
    try {
      envelope = JSON.parse(frame.data.join('\n'));
    } catch (cause) {
      this.report(new FluxError({ type: 'api_error', message: 'The event stream sent data that is not JSON.', cause }));
      return;
    }
    this.deliver(toEvent(envelope), frame.id);
  }

  deliver(event, id) {
    if (id) this.lastEventId = id;
    for (const handler of [...(this.handlers.get(event.type) ?? []), ...(this.handlers.get('*') ?? [])]) {
      try {
        handler(event);
      } catch (error) {
        this.report(error);
      }
    }
  }

  /** Errors go to `flux.on('error', …)` handlers, or to the console when there are none. */
  report(error) {
    const handlers = this.handlers.get('error');
    if (handlers && handlers.size > 0) for (const handler of handlers) handler(error);
    else console.error('flux-pi-sdk event stream:', error);
  }

  fail(error) {
    this.running = false;
    this.open = false;
    this.settleWaiters(error);
    this.report(error);
  }

  settleWaiters(error) {
    const waiters = this.openWaiters;
    this.openWaiters = [];
    for (const waiter of waiters) if (error) waiter.reject(error); else waiter.resolve();
  }
}

module.exports = { EventStream };
