// Type definitions for flux-pi-sdk. Amounts are JavaScript numbers exactly as the API's JSON gives them (Pi has at
// most 7 decimals); keys are camelCase here and snake_case on the wire.

export interface FluxOptions {
  /** Defaults to the hosted service; the FLUX_BASE_URL environment variable overrides the default. */
  baseUrl?: string;
  /** Retries after a network error, 409, 429 or 5xx (default 2). */
  maxNetworkRetries?: number;
  /** Per-request timeout in milliseconds (default 80000). */
  timeoutMs?: number;
  /** First retry delay in milliseconds, doubled each retry (default 500); a Retry-After header wins. */
  initialRetryDelayMs?: number;
}

export interface RequestOptions {
  /** Sent as Idempotency-Key; by default a random key per call, reused by that call's retries. */
  idempotencyKey?: string;
}

export interface ListParams {
  limit?: number;
  startingAfter?: string;
  endingBefore?: string;
  /** Only objects created within these times (sent as created[gte], created[lte]): a Date, or ISO-8601 to the second. */
  created?: { gte?: Date | string; lte?: Date | string };
}

export interface OrderListParams extends ListParams {
  status?: OrderStatus;
  /** Only orders customers started from this order button. */
  buttonId?: string;
  /** Only orders customers started from this payment link (plink_…). */
  paymentLink?: string;
}

export interface PaymentListParams extends ListParams {
  /** Only the payments matched to this order. */
  orderId?: string;
  /** true: only payments no order matched; false: only matched ones. */
  unmatched?: boolean;
}

export interface RefundListParams extends ListParams {
  status?: RefundStatus;
  /** Only the refunds of this order. */
  orderId?: string;
}

export interface ButtonListParams extends ListParams {
  /** true: only archived buttons; false (the default): only those not archived. */
  archived?: boolean;
}

export interface EventListParams extends ListParams {
  /** One type (`order.confirmed`) or a family (`order.*`). */
  type?: string;
}

export interface ListPage<T> {
  object: 'list';
  data: T[];
  hasMore: boolean;
}

/** Await it for one page; iterate it with `for await` for every item of every page. */
export class ListResult<T> implements PromiseLike<ListPage<T>>, AsyncIterable<T> {
  then<R1 = ListPage<T>, R2 = never>(
    onFulfilled?: ((page: ListPage<T>) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2>;
  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<ListPage<T> | R>;
  finally(onFinally?: (() => void) | null): Promise<ListPage<T>>;
  [Symbol.asyncIterator](): AsyncIterator<T>;
  toArray(options?: { limit?: number }): Promise<T[]>;
}

export type OrderStatus =
  | 'pending_confirmation' | 'confirmed' | 'underpaid' | 'awaiting_credit' | 'expired' | 'paid_after_expiry' | 'canceled';

export interface Order {
  orderId: string;
  amount: number;
  status: OrderStatus;
  createdAt: string;
  currency: 'PI';
  /** The price in the merchant's currency that `amount` (Pi) was locked from; null for an order priced in Pi. */
  price: OrderPrice | null;
  /** The rate the price was locked at; null for an order priced in Pi. */
  rate: OrderRate | null;
  description: string | null;
  memo: string;
  payTo: string;
  expiresAt: string;
  checkoutUrl: string;
  amountReceived: number;
  /** What the customer still has to pay (never below 0). */
  amountDue: number;
  overpaid: boolean;
  paidAt: string | null;
  confirmedAt: string | null;
  canceledAt: string | null;
  transactionHash: string | null;
  /** The payment link (plink_…) a customer started the order from. */
  paymentLink: string | null;
  /** Where the receipt's link is mailed once the order is confirmed. */
  customerEmail: string | null;
  livemode: boolean;
}

export interface OrderPrice {
  amount: number;
  currency: string;
}

/** The price of one Pi in the price's currency: the merchant's fixed rate or the operator's provider rate. */
export interface OrderRate {
  value: number;
  source: 'fixed' | 'provider';
  asOf: string;
}

export interface OrderCreateParams {
  /** Pi; or, with a `currency` other than 'PI' (an ISO 4217 code such as 'USD'), a price locked into Pi at the current rate. */
  amount: number;
  currency?: 'PI' | string;
  description?: string;
  /** The wallet paid; the merchant's default wallet when left out. */
  merchantWallet?: string;
  /** Seconds the order waits for payment, 60 to 604800 (7 days); 30 minutes when left out. */
  expiresIn?: number;
  /** Mailed the receipt's link once the order is confirmed. */
  customerEmail?: string;
}

export interface Payment {
  paymentId: string;
  transactionHash: string;
  ledger: number | null;
  from: string | null;
  to: string;
  toMuxed: string | null;
  amount: number;
  memo: string | null;
  orderId: string | null;
  createdAt: string;
  livemode: boolean;
}

export interface CreditBalance {
  available: number;
  used: number;
  livemode: boolean;
}

export interface CreditLedgerEntry {
  object: 'credit_ledger_entry';
  id: string;
  delta: number;
  balanceAfter: number;
  reason: string;
  orderId: string | null;
  note: string | null;
  createdAt: string;
  livemode: boolean;
}

export interface ButtonStyle {
  color?: string;
  size?: string;
  shape?: string;
  theme?: string;
}

export interface Button {
  buttonId: string;
  label: string;
  /** What the customer buys (the order's description, the checkout's heading); null: the label. */
  productName: string | null;
  amount: number | null;
  amountMin: number | null;
  amountMax: number | null;
  /** 'PI', or the ISO 4217 code (such as 'USD') its amounts are prices in. */
  currency: 'PI' | string;
  merchantWallet: string;
  style: Required<ButtonStyle>;
  successUrl: string | null;
  /** Seconds each order from the button waits for payment; null: the merchant's default. */
  expiresIn: number | null;
  enabled: boolean;
  /** An archived button takes no new orders until restored. */
  archived: boolean;
  livemode: boolean;
  createdAt: string;
  snippet: string;
}

/** What a button's `onOrderConfirmed` gets: the order.confirmed event, `id` being the transaction hash. */
export interface ConfirmedTransaction extends FluxEvent {
  id: string;
  eventId: string;
  orderId: string;
  amount: number;
  creditsRemaining: number;
  transactionHash: string;
}

export interface ButtonCreateParams {
  amount?: number;
  amountMin?: number;
  amountMax?: number;
  label?: string;
  merchantWallet?: string;
  style?: ButtonStyle;
  successUrl?: string;
  currency?: 'PI' | string;
  productName?: string;
  /** Seconds (60 to 604800) each order from the button waits for payment. */
  expiresIn?: number;
  /** Called for each order started from this button once it is confirmed (over the event stream). */
  onOrderConfirmed?: (transaction: ConfirmedTransaction) => void;
}

/** Only the fields given change. '' clears productName and successUrl; expiresIn: null is the merchant's default again. */
export interface ButtonUpdateParams {
  amount?: number;
  amountMin?: number;
  amountMax?: number;
  label?: string;
  productName?: string;
  merchantWallet?: string;
  style?: ButtonStyle;
  successUrl?: string;
  currency?: 'PI' | string;
  expiresIn?: number | null;
  /** true archives the button (it takes no new orders); false restores it. */
  archived?: boolean;
}

/** A wallet orders are paid into; `default` takes the orders that name no `merchantWallet`. */
export interface Wallet {
  object: 'wallet';
  id: string;
  address: string;
  label: string | null;
  default: boolean;
  network: string;
  createdAt: string;
  livemode: boolean;
}

export interface WalletCreateParams {
  /** A Pi address (G…); in live mode, an account that exists on Pi mainnet. */
  address: string;
  label?: string;
  /** Make it the default wallet (the first wallet always is). */
  default?: boolean;
}

export interface WalletUpdateParams {
  /** A new label; '' clears it. */
  label?: string;
  /** true makes it the default; a default wallet cannot be set to false (make another one the default). */
  default?: boolean;
}

/** A link to a hosted page (`url`) that sells one product; each customer who proceeds gets an order of their own. */
export interface PaymentLink {
  paymentLinkId: string;
  productName: string;
  /** The price of one item: Pi, or a price in `currency`. */
  amount: number;
  currency: 'PI' | string;
  quantityAdjustable: boolean;
  merchantWallet: string;
  successUrl: string | null;
  /** Seconds each of its orders waits for payment; null for the default. */
  expiresIn: number | null;
  active: boolean;
  livemode: boolean;
  createdAt: string;
  url: string;
}

export interface PaymentLinkCreateParams {
  productName: string;
  /** Pi; or, with a `currency` other than 'PI' (an ISO 4217 code), a price locked into Pi as each order starts. */
  amount: number;
  currency?: 'PI' | string;
  /** The customer chooses how many, 1 to 99. */
  quantityAdjustable?: boolean;
  successUrl?: string;
  /** Seconds each of its orders waits for payment, 60 to 604800. */
  expiresIn?: number;
  /** The wallet paid; the merchant's default wallet when left out. */
  merchantWallet?: string;
}

export interface PaymentLinkUpdateParams {
  /** false deactivates the link: its page says the product is no longer available. */
  active: boolean;
}

export interface DeletedWallet {
  id: string;
  object: 'wallet';
  deleted: true;
}

export interface ReviewRequestParams {
  orderId: string;
  productName: string;
}

/**
 * A review request as `reviews.retrieve` and `reviews.list` give it: `reviewUrl` is null there (the link is shown once,
 * when created).
 */
export interface ReviewRequestSummary {
  reviewRequestId: string;
  reviewUrl: string | null;
  orderId: string;
  productName: string;
  status: string;
  createdAt: string;
  expiresAt: string;
  submittedAt: string | null;
  review: Record<string, unknown> | null;
  livemode: boolean;
}

export interface ReviewRequest extends ReviewRequestSummary {
  reviewUrl: string;
}

export interface WebhookEndpoint {
  object: 'webhook_endpoint';
  id: string;
  url: string;
  enabledEvents: string[];
  status: string;
  description: string | null;
  livemode: boolean;
  createdAt: string;
  /** The signing secret (whsec_…): in the answer to `create` only. */
  secret?: string;
}

export interface WebhookEndpointCreateParams {
  url: string;
  /** Event types or `['*']` for every event. */
  enabledEvents?: string[];
  description?: string;
}

export interface WebhookEndpointUpdateParams {
  url?: string;
  /** Event types or `['*']` for every event. */
  enabledEvents?: string[];
  /** A new description; '' clears it. */
  description?: string;
  /** true stops sending events; false sends them again (an endpoint Flux disabled after days of failures, too). */
  disabled?: boolean;
}

export interface DeletedWebhookEndpoint {
  object: 'webhook_endpoint';
  id: string;
  deleted: true;
}

// <event types: written from the event records (Flux.Dashboard.Tests/Sdk/NodeSdkEventTypesTests.cs); paste, do not edit>
export type EventType =
  | 'credit.used'
  | 'credits.low'
  | 'credits.purchase_underpaid'
  | 'credits.purchased'
  | 'order.awaiting_credit'
  | 'order.canceled'
  | 'order.confirmed'
  | 'order.created'
  | 'order.expired'
  | 'order.paid_after_expiry'
  | 'order.payment_after_close'
  | 'order.underpaid'
  | 'payment.unmatched'
  | 'refund.canceled'
  | 'refund.created'
  | 'refund.partially_refunded'
  | 'refund.succeeded'
  | 'review.submitted';

export interface CreditUsedEvent extends FluxEvent {
  type: 'credit.used';
  orderId: string;
  creditsRemaining: number;
}

export interface CreditsLowEvent extends FluxEvent {
  type: 'credits.low';
  creditsRemaining: number;
  threshold: number;
}

export interface CreditsPurchaseUnderpaidEvent extends FluxEvent {
  type: 'credits.purchase_underpaid';
  purchaseId: string;
  price: number;
  amountReceived: number;
  amountDue: number;
}

export interface CreditsPurchasedEvent extends FluxEvent {
  type: 'credits.purchased';
  purchaseId: string;
  credits: number;
  price: number;
  amountReceived: number;
  overpayment: number;
  transactionHash: string | null;
  creditsAvailable: number;
}

export interface OrderAwaitingCreditEvent extends FluxEvent {
  type: 'order.awaiting_credit';
  orderId: string;
  amount: number;
  amountReceived: number;
  overpaid: boolean;
  status: string;
  transactionHash: string | null;
  buttonId: string | null;
  paymentLink: string | null;
}

export interface OrderCanceledEvent extends FluxEvent {
  type: 'order.canceled';
  orderId: string;
}

export interface OrderConfirmedEvent extends FluxEvent {
  type: 'order.confirmed';
  orderId: string;
  amount: number;
  amountReceived: number;
  overpaid: boolean;
  status: string;
  transactionHash: string | null;
  buttonId: string | null;
  paymentLink: string | null;
  creditsRemaining: number;
  late: boolean;
  customerEmail: string | null;
}

export interface OrderCreatedEvent extends FluxEvent {
  type: 'order.created';
  orderId: string;
  amount: number;
  payTo: string;
  memo: string;
  expiresAt: string;
}

export interface OrderExpiredEvent extends FluxEvent {
  type: 'order.expired';
  orderId: string;
  amount: number;
  amountReceived: number;
}

export interface OrderPaidAfterExpiryEvent extends FluxEvent {
  type: 'order.paid_after_expiry';
  orderId: string;
  amount: number;
  amountReceived: number;
  overpaid: boolean;
  status: string;
  transactionHash: string | null;
  buttonId: string | null;
  paymentLink: string | null;
}

export interface OrderPaymentAfterCloseEvent extends FluxEvent {
  type: 'order.payment_after_close';
  orderId: string;
  status: string;
  amount: number;
  amountReceived: number;
  payment: { transactionHash: string; from: string | null; amount: number; paidAt: string; };
}

export interface OrderUnderpaidEvent extends FluxEvent {
  type: 'order.underpaid';
  orderId: string;
  amount: number;
  amountReceived: number;
  amountDue: number;
}

export interface PaymentUnmatchedEvent extends FluxEvent {
  type: 'payment.unmatched';
  paymentId: string;
  transactionHash: string;
  wallet: string;
  from: string | null;
  amount: number;
  memo: string | null;
}

export interface RefundCanceledEvent extends FluxEvent {
  type: 'refund.canceled';
  refundId: string;
  orderId: string | null;
  paymentId: string;
  amount: number;
  status: string;
  payFrom: string;
  payTo: string;
  memo: string;
  reason: string | null;
  amountRefunded: number;
  transactionHash: string | null;
  refundedAt: string | null;
}

export interface RefundCreatedEvent extends FluxEvent {
  type: 'refund.created';
  refundId: string;
  orderId: string | null;
  paymentId: string;
  amount: number;
  status: string;
  payFrom: string;
  payTo: string;
  memo: string;
  reason: string | null;
  amountRefunded: number;
  transactionHash: string | null;
  refundedAt: string | null;
}

export interface RefundPartiallyRefundedEvent extends FluxEvent {
  type: 'refund.partially_refunded';
  refundId: string;
  orderId: string | null;
  paymentId: string;
  amount: number;
  status: string;
  payFrom: string;
  payTo: string;
  memo: string;
  reason: string | null;
  amountRefunded: number;
  transactionHash: string | null;
  refundedAt: string | null;
}

export interface RefundSucceededEvent extends FluxEvent {
  type: 'refund.succeeded';
  refundId: string;
  orderId: string | null;
  paymentId: string;
  amount: number;
  status: string;
  payFrom: string;
  payTo: string;
  memo: string;
  reason: string | null;
  amountRefunded: number;
  transactionHash: string | null;
  refundedAt: string | null;
}

export interface ReviewSubmittedEvent extends FluxEvent {
  type: 'review.submitted';
  reviewId: string;
  reviewRequestId: string;
  orderId: string;
  productName: string;
  rating: number;
  title: string | null;
  text: string;
  displayName: string;
  transactionHash: string;
}

/** Each event type's event, as `flux.on(type, handler)` hands it over. */
export interface EventMap {
  'credit.used': CreditUsedEvent;
  'credits.low': CreditsLowEvent;
  'credits.purchase_underpaid': CreditsPurchaseUnderpaidEvent;
  'credits.purchased': CreditsPurchasedEvent;
  'order.awaiting_credit': OrderAwaitingCreditEvent;
  'order.canceled': OrderCanceledEvent;
  'order.confirmed': OrderConfirmedEvent;
  'order.created': OrderCreatedEvent;
  'order.expired': OrderExpiredEvent;
  'order.paid_after_expiry': OrderPaidAfterExpiryEvent;
  'order.payment_after_close': OrderPaymentAfterCloseEvent;
  'order.underpaid': OrderUnderpaidEvent;
  'payment.unmatched': PaymentUnmatchedEvent;
  'refund.canceled': RefundCanceledEvent;
  'refund.created': RefundCreatedEvent;
  'refund.partially_refunded': RefundPartiallyRefundedEvent;
  'refund.succeeded': RefundSucceededEvent;
  'review.submitted': ReviewSubmittedEvent;
}
// </event types>

/** An event: the data's fields in camelCase at the top level, with the envelope's id, type, createdAt, livemode. */
export interface FluxEvent {
  id: string;
  type: EventType | string;
  createdAt: string;
  livemode: boolean;
  data: Record<string, unknown>;
  /** The order the event is about; null for a refund of an unmatched payment. */
  orderId?: string | null;
  creditsRemaining?: number;
  [field: string]: unknown;
}

export type EventHandler<E extends FluxEvent = FluxEvent> = (event: E) => void;

export interface VerifyOptions {
  /** How old (or how far in the future) a signature may be, in seconds (default 300). */
  toleranceSeconds?: number;
}

export class FluxError extends Error {
  /** The API's error.code: authentication_error, invalid_request, resource_not_found, idempotency_error, rate_limit_exceeded, api_error; or api_connection_error, signature_verification_error. */
  type: string;
  code: string;
  param: string | null;
  requestId: string | null;
  statusCode: number | null;
  docsUrl: string | null;
  headers: Record<string, string> | null;
}

export class FluxSignatureVerificationError extends FluxError {
  type: 'signature_verification_error';
}

export type RefundStatus = 'pending' | 'succeeded' | 'partially_refunded' | 'canceled';

/** One of `orderId` (by default its overpaid part, or everything an unfulfilled order received) or `paymentId`. */
export interface RefundCreateParams {
  orderId?: string;
  paymentId?: string;
  /** By default what is refundable; never more than what is left of the money received. */
  amount?: number;
  reason?: string;
}

/** Pay `amount` from `payFrom` to `payTo` with `memo` (or open `paymentUri`); Flux sees it on chain. */
export interface Refund {
  refundId: string;
  amount: number;
  status: RefundStatus;
  createdAt: string;
  orderId: string | null;
  paymentId: string;
  reason: string | null;
  payFrom: string;
  payTo: string;
  memo: string;
  /** SEP-0007 payment request for the merchant's wallet app. */
  paymentUri: string;
  amountRefunded: number;
  transactionHash: string | null;
  refundedAt: string | null;
  canceledAt: string | null;
  livemode: boolean;
}

export class Flux {
  constructor(apiKey: string, options?: FluxOptions);
  readonly baseUrl: string;

  orders: {
    create(params: OrderCreateParams, options?: RequestOptions): Promise<Order>;
    retrieve(orderId: string): Promise<Order>;
    list(params?: OrderListParams): ListResult<Order>;
    cancel(orderId: string, options?: RequestOptions): Promise<Order>;
  };
  payments: {
    /** Creates an order (the seed's `flux.payments.create`). */
    create(params: OrderCreateParams, options?: RequestOptions): Promise<Order>;
    /** A payment seen on chain, by its `paymentId` (as the list, `payment.unmatched` and refunds name it). */
    retrieve(paymentId: string): Promise<Payment>;
    list(params?: PaymentListParams): ListResult<Payment>;
  };
  refunds: {
    create(params: RefundCreateParams, options?: RequestOptions): Promise<Refund>;
    retrieve(refundId: string): Promise<Refund>;
    list(params?: RefundListParams): ListResult<Refund>;
    /** Cancels a pending refund. */
    cancel(refundId: string, options?: RequestOptions): Promise<Refund>;
  };
  credits: {
    getBalance(): Promise<CreditBalance>;
    listLedger(params?: ListParams): ListResult<CreditLedgerEntry>;
  };
  buttons: {
    create(params: ButtonCreateParams, options?: RequestOptions): Promise<Button>;
    retrieve(buttonId: string): Promise<Button>;
    list(params?: ButtonListParams): ListResult<Button>;
    update(buttonId: string, params: ButtonUpdateParams, options?: RequestOptions): Promise<Button>;
  };
  paymentLinks: {
    create(params: PaymentLinkCreateParams, options?: RequestOptions): Promise<PaymentLink>;
    retrieve(paymentLinkId: string): Promise<PaymentLink>;
    list(params?: ListParams): ListResult<PaymentLink>;
    update(paymentLinkId: string, params: PaymentLinkUpdateParams, options?: RequestOptions): Promise<PaymentLink>;
  };
  wallets: {
    create(params: WalletCreateParams, options?: RequestOptions): Promise<Wallet>;
    retrieve(walletId: string): Promise<Wallet>;
    list(params?: ListParams): ListResult<Wallet>;
    update(walletId: string, params: WalletUpdateParams, options?: RequestOptions): Promise<Wallet>;
    /** Takes the wallet out of use; orders paid into it keep it. */
    del(walletId: string): Promise<DeletedWallet>;
  };
  reviews: {
    request(params: ReviewRequestParams, options?: RequestOptions): Promise<ReviewRequest>;
    retrieve(reviewRequestId: string): Promise<ReviewRequestSummary>;
    list(params?: ListParams): ListResult<ReviewRequestSummary>;
  };
  events: {
    /** `type` keeps one type (`order.confirmed`) or a family (`order.*`). */
    list(params?: EventListParams): ListResult<FluxEvent>;
    retrieve(eventId: string): Promise<FluxEvent>;
  };
  webhookEndpoints: {
    create(params: WebhookEndpointCreateParams, options?: RequestOptions): Promise<WebhookEndpoint>;
    retrieve(endpointId: string): Promise<WebhookEndpoint>;
    list(params?: ListParams): ListResult<WebhookEndpoint>;
    /** Changes the fields given; the secret stays. */
    update(endpointId: string, params: WebhookEndpointUpdateParams, options?: RequestOptions): Promise<WebhookEndpoint>;
    del(endpointId: string): Promise<DeletedWebhookEndpoint>;
  };
  webhooks: {
    /** Checks the Flux-Signature header against the raw body; throws FluxSignatureVerificationError when it fails. */
    verify(rawBody: string | Uint8Array, signatureHeader: string, secret: string, options?: VerifyOptions): FluxEvent;
    /** A Flux-Signature header for a body, for tests of your webhook handler. */
    generateTestHeader(rawBody: string | Uint8Array, secret: string, timestamp?: number): string;
  };

  on<T extends EventType>(type: T, handler: EventHandler<EventMap[T]>): this;
  on(type: 'error', handler: (error: Error) => void): this;
  on(type: EventType | '*' | (string & {}), handler: EventHandler): this;
  off(type: string, handler?: (...args: any[]) => void): this;
  /** Resolves once the event stream is open. */
  ready(): Promise<void>;
  /** Closes the event stream. */
  close(): void;

  static Flux: typeof Flux;
  static default: typeof Flux;
  static FluxError: typeof FluxError;
  static FluxSignatureVerificationError: typeof FluxSignatureVerificationError;
  static DEFAULT_BASE_URL: string;
}

export default Flux;
