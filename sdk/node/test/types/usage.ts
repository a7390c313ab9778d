// Compiled by `npm run typecheck` (tsc --noEmit): the README's usage, typed against index.d.ts.
import Flux, { FluxError, type Order, type Payment, type Refund, type CreditUsedEvent } from 'flux-pi-sdk';

async function usage(): Promise<void> {
  const flux = new Flux(process.env.FLUX_API_KEY ?? '', { baseUrl: process.env.FLUX_BASE_URL, maxNetworkRetries: 3 });

  const credits = await flux.credits.getBalance();
  const available: number = credits.available;
  const used: number = credits.used;

  flux.on('credit.used', (event) => {
    const orderId: string = event.orderId;
    const remaining: number = event.creditsRemaining;
    console.log(orderId, remaining);
  });
  flux.on('order.confirmed', (event) => console.log(event.transactionHash, event.status));
  flux.on('*', (event) => console.log(event.type, event.id, event.createdAt));
  flux.on('error', (error) => console.error(error.message));
  const handler = (event: CreditUsedEvent) => console.log(event.orderId);
  flux.on('credit.used', handler).off('credit.used', handler);
  await flux.ready();

  const order: Order = await flux.payments.create({ amount: 10.0, currency: 'PI', description: 'Premium subscription' });
  const again = await flux.orders.retrieve(order.orderId);
  const canceled = await flux.orders.cancel(again.orderId, { idempotencyKey: 'cancel-1' });
  const status: 'canceled' | string = canceled.status;

  const page = await flux.orders.list();
  const hasMore: boolean = page.hasMore;
  const first: Order | undefined = page.data[0];
  for await (const each of flux.orders.list({ limit: 100 })) {
    const amount: number = each.amount;
    console.log(amount);
  }
  const all: Order[] = await flux.orders.list({ limit: 100 }).toArray({ limit: 500 });

  for await (const payment of flux.payments.list()) console.log(payment.transactionHash, payment.orderId);
  const seen: Payment = await flux.payments.retrieve('2583763873423361');
  console.log(seen.amount);
  const refund: Refund = await flux.refunds.create({ orderId: order.orderId, amount: 1.5, reason: 'Damaged' });
  console.log(refund.payTo, refund.memo, refund.paymentUri, (await flux.refunds.retrieve(refund.refundId)).status);
  for await (const each of flux.refunds.list({ status: 'succeeded', orderId: order.orderId })) console.log(each.transactionHash);
  await flux.refunds.cancel(refund.refundId, { idempotencyKey: 'cancel-refund-1' });
  flux.on('refund.succeeded', (event) => console.log(event.refundId, event.amountRefunded, event.transactionHash));
  const confirmedToday = await flux.orders.list({ status: 'confirmed', created: { gte: new Date(Date.now() - 86_400_000) } });
  const stray = await flux.payments.list({ unmatched: true, created: { lte: '2025-05-27T23:59:59Z' } });
  const credited = await flux.events.list({ type: 'credit.*' });
  const till = await flux.wallets.create({ address: 'GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H', label: 'Till', default: true });
  const relabeled = await flux.wallets.update(till.id, { label: 'Front desk' });
  const removed: true = (await flux.wallets.del(relabeled.id)).deleted;
  console.log(removed, (await flux.wallets.list()).data.map((w) => w.address));
  console.log(confirmedToday.data.length, stray.data.length, credited.data.length);
  for await (const entry of flux.credits.listLedger()) console.log(entry.delta, entry.balanceAfter);

  const button = await flux.buttons.create({
    amount: 10.0,
    merchantWallet: 'YOUR_PI_WALLET',
    onOrderConfirmed: (transaction) => {
      const id: string = transaction.id;
      const remaining: number = transaction.creditsRemaining;
      console.log(id, remaining, transaction.amount);
    },
  });
  const snippet: string = button.snippet;
  const buttons = await flux.buttons.list({ limit: 5 });

  const review = await flux.reviews.request({ orderId: order.orderId, productName: 'Premium Subscription' });
  const reviewUrl: string = review.reviewUrl;
  for await (const request of flux.reviews.list()) console.log(request.reviewRequestId, request.reviewUrl ?? 'shown once');
  const requested: string = (await flux.reviews.retrieve(review.reviewRequestId)).status;
  console.log(requested);

  for await (const each of flux.events.list({ type: 'order.*', limit: 10 })) console.log(each.type);
  const retrieved = await flux.events.retrieve('evt_1');
  console.log(retrieved.id, retrieved.createdAt);

  const endpoint = await flux.webhookEndpoints.create({ url: 'https://shop.test/flux', enabledEvents: ['order.confirmed'] });
  const secret: string | undefined = endpoint.secret;
  for await (const listed of flux.webhookEndpoints.list({ limit: 5 })) console.log(listed.url, listed.enabledEvents);
  const enabled: string = (await flux.webhookEndpoints.update(endpoint.id, { enabledEvents: ['*'], disabled: false })).status;
  const deleted: true = (await flux.webhookEndpoints.del(endpoint.id)).deleted;
  console.log(secret, deleted, enabled, (await flux.webhookEndpoints.retrieve(endpoint.id)).status);

  const event = flux.webhooks.verify('{"id":"evt_1"}', 't=1,v1=00', 'whsec_x', { toleranceSeconds: 60 });
  const type: string = event.type;

  try {
    await flux.orders.retrieve('ord_missing');
  } catch (error) {
    if (error instanceof FluxError) {
      const fields: [string, string, string | null, string | null, number | null, string | null] =
        [error.type, error.message, error.param, error.requestId, error.statusCode, error.docsUrl];
      console.log(fields);
    }
  }
  flux.close();

  // @ts-expect-error amount is a number
  await flux.orders.create({ amount: '10' });
  // @ts-expect-error productName is required
  await flux.reviews.request({ orderId: 'ord_1' });

  console.log(available, used, status, hasMore, first, all, snippet, buttons, reviewUrl, type);
}

export { usage };
