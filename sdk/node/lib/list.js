'use strict';

/**
 * What `list()` returns: awaiting it gives one page `{ object, data, hasMore }`; iterating it with `for await` walks
 * every item of every page (Stripe's auto-pagination), asking for the next page with `starting_after`.
 */
class ListResult {
  constructor(fetchPage, params, idOf) {
    this.fetchPage = fetchPage;
    this.params = { ...params };
    this.idOf = idOf;
    this.firstPage = null;
  }

  page() {
    this.firstPage ??= this.fetchPage(this.params);
    return this.firstPage;
  }

  then(onFulfilled, onRejected) {
    return this.page().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.page().catch(onRejected);
  }

  finally(onFinally) {
    return this.page().finally(onFinally);
  }

  async *[Symbol.asyncIterator]() {
    let page = await this.page();
    for (;;) {
      yield* page.data;
      if (!page.hasMore || page.data.length === 0) return;
      const { endingBefore, ...rest } = this.params;
      page = await this.fetchPage({ ...rest, startingAfter: this.idOf(page.data[page.data.length - 1]) });
    }
  }

  /** Every item of every page, up to `limit` items. */
  async toArray({ limit = 10000 } = {}) {
    const items = [];
    for await (const item of this) {
      if (items.length >= limit) break;
      items.push(item);
    }
    return items;
  }
}

module.exports = { ListResult };
