# frozen_string_literal: true

module Flux
  # What every resource does: POST with an Idempotency-Key, GET one object by id, list pages of them.
  class Resource
    def initialize(http)
      @http = http
    end

    private

    def post(path, params = {}, idempotency_key: nil)
      ApiObject.new(@http.request(:post, path, body: params, idempotency_key: idempotency_key))
    end

    def get(path, wrap: ApiObject)
      wrap.new(@http.request(:get, path))
    end

    def list_of(path, id_field, params, wrap: ApiObject)
      fetch_page = lambda do |query|
        page = @http.request(:get, path, query: query)
        ListObject.new(page.merge("data" => page.fetch("data").map { |item| wrap.new(item) }),
                       params: query, id_field: id_field, fetch_page: fetch_page)
      end
      fetch_page.call(params)
    end

    def path_for(collection, id, *rest)
      [collection, URI.encode_www_form_component(id.to_s).gsub("+", "%20"), *rest].join("/")
    end
  end

  # /v1/orders. +list+ narrows by +status:+, +button_id:+, +payment_link:+ and, as every list, +created: { gte:, lte: }+
  # (a Time or an ISO 8601 time to the second).
  class Orders < Resource
    def create(idempotency_key: nil, **params)
      post("/v1/orders", params, idempotency_key: idempotency_key)
    end

    def retrieve(order_id)
      get(path_for("/v1/orders", order_id))
    end

    def list(**params)
      list_of("/v1/orders", "order_id", params)
    end

    def cancel(order_id, idempotency_key: nil)
      post(path_for("/v1/orders", order_id, "cancel"), idempotency_key: idempotency_key)
    end
  end

  # /v1/payments: +create+ makes an order, as the seed docs' sample does; +list+ gives payments seen on chain, one
  # order's (+order_id:+) or those no order matched (+unmatched: true+).
  class Payments < Resource
    def create(idempotency_key: nil, **params)
      post("/v1/payments", params, idempotency_key: idempotency_key)
    end

    def list(**params)
      list_of("/v1/payments", "payment_id", params)
    end

    # A payment seen on chain, by its +payment_id+ (as the list, +payment.unmatched+ and refunds name it).
    def retrieve(payment_id)
      get(path_for("/v1/payments", payment_id))
    end
  end

  # /v1/refunds: refunds verified on chain. +create+ takes +order_id:+ or +payment_id:+, and +amount:+ and +reason:+;
  # the answer says what to send from +pay_from+ to +pay_to+ with +memo+, and Flux marks it succeeded when it sees it.
  # +list+ narrows by +status:+ and +order_id:+.
  class Refunds < Resource
    def create(idempotency_key: nil, **params)
      post("/v1/refunds", params, idempotency_key: idempotency_key)
    end

    def retrieve(refund_id)
      get(path_for("/v1/refunds", refund_id))
    end

    def list(**params)
      list_of("/v1/refunds", "refund_id", params)
    end

    # Cancels a pending refund.
    def cancel(refund_id, idempotency_key: nil)
      post(path_for("/v1/refunds", refund_id, "cancel"), idempotency_key: idempotency_key)
    end
  end

  # /v1/credits.
  class Credits < Resource
    # The seed docs call it credits.getBalance.
    def get_balance
      get("/v1/credits/balance")
    end

    def list_ledger(**params)
      list_of("/v1/credits/ledger", "id", params)
    end
  end

  # /v1/buttons. +on_order_confirmed+ (the seed's Code Example) is no field of the API: the SDK calls it over the
  # event stream for each order.confirmed event of an order started from this button, with the transaction (+id+
  # being its hash), until +flux.close+.
  class Buttons < Resource
    def initialize(http, stream)
      super(http)
      @stream = stream
    end

    def create(on_order_confirmed: nil, idempotency_key: nil, **params)
      button = post("/v1/buttons", params, idempotency_key: idempotency_key)
      if on_order_confirmed
        @stream.on("order.confirmed", lambda do |event|
          on_order_confirmed.call(transaction(event)) if event.button_id == button.button_id
        end)
      end
      button
    end

    def retrieve(button_id)
      get(path_for("/v1/buttons", button_id))
    end

    # +archived: true+ lists the archived buttons instead of those in use.
    def list(**params)
      list_of("/v1/buttons", "button_id", params)
    end

    # Changes the fields given ("" clears +product_name:+ and +success_url:+, +expires_in: nil+ is the merchant's
    # default again); +archived: true+ archives the button, +false+ restores it.
    def update(button_id, idempotency_key: nil, **params)
      post(path_for("/v1/buttons", button_id), params, idempotency_key: idempotency_key)
    end

    private

    def transaction(event)
      ApiObject.new(event.data.to_h.merge(id: event.transaction_hash, event_id: event.id, type: event.type,
                                          created_at: event.created_at, livemode: event.livemode))
    end
  end

  # /v1/payment_links: a hosted page (+url+) that sells one product, each customer getting an order of their own
  # (listed by +flux.orders.list(payment_link:)+). +update(id, active: false)+ deactivates one, +true+ turns it on again.
  class PaymentLinks < Resource
    def create(idempotency_key: nil, **params)
      post("/v1/payment_links", params, idempotency_key: idempotency_key)
    end

    def retrieve(payment_link_id)
      get(path_for("/v1/payment_links", payment_link_id))
    end

    def list(**params)
      list_of("/v1/payment_links", "payment_link_id", params)
    end

    def update(payment_link_id, idempotency_key: nil, **params)
      post(path_for("/v1/payment_links", payment_link_id), params, idempotency_key: idempotency_key)
    end
  end

  # /v1/wallets: the wallets orders are paid into, registered with the dashboard's checks. +merchant_wallet:+ names
  # one; the +default: true+ one takes the orders that name none.
  class Wallets < Resource
    def create(idempotency_key: nil, **params)
      post("/v1/wallets", params, idempotency_key: idempotency_key)
    end

    def retrieve(wallet_id)
      get(path_for("/v1/wallets", wallet_id))
    end

    def list(**params)
      list_of("/v1/wallets", "id", params)
    end

    # A new +label:+ ("" clears it) and +default: true+ to make it the default.
    def update(wallet_id, idempotency_key: nil, **params)
      post(path_for("/v1/wallets", wallet_id), params, idempotency_key: idempotency_key)
    end

    # Takes the wallet out of use; orders paid into it keep it.
    def delete(wallet_id)
      ApiObject.new(@http.request(:delete, path_for("/v1/wallets", wallet_id)))
    end
  end

  # /v1/reviews.
  class Reviews < Resource
    # A one-time review link for the customer of a confirmed order.
    def request(order_id:, product_name:, idempotency_key: nil)
      post("/v1/reviews", { order_id: order_id, product_name: product_name }, idempotency_key: idempotency_key)
    end

    # One request, with its review once the customer wrote it (+review_url+ is nil: the link is shown once).
    def retrieve(review_request_id)
      get(path_for("/v1/reviews", review_request_id))
    end

    def list(**params)
      list_of("/v1/reviews", "review_request_id", params)
    end
  end

  # /v1/events, the event log; +flux.on+ follows it live.
  class Events < Resource
    # +type:+ keeps one type ("order.confirmed") or a family ("order.*").
    def list(**params)
      list_of("/v1/events", "id", params, wrap: Event)
    end

    def retrieve(event_id)
      get(path_for("/v1/events", event_id), wrap: Event)
    end
  end

  # /v1/webhook_endpoints. An endpoint's +secret+ is in the answer to +create+ only.
  class WebhookEndpoints < Resource
    def create(idempotency_key: nil, **params)
      post("/v1/webhook_endpoints", params, idempotency_key: idempotency_key)
    end

    def retrieve(endpoint_id)
      get(path_for("/v1/webhook_endpoints", endpoint_id))
    end

    def list(**params)
      list_of("/v1/webhook_endpoints", "id", params)
    end

    # Changes the fields given (+url:+, +enabled_events:+, +description:+, "" clearing it) and keeps the secret;
    # +disabled: true+ stops sending events, +false+ sends them again (an endpoint Flux disabled after days of
    # failures too).
    def update(endpoint_id, idempotency_key: nil, **params)
      post(path_for("/v1/webhook_endpoints", endpoint_id), params, idempotency_key: idempotency_key)
    end

    def delete(endpoint_id)
      ApiObject.new(@http.request(:delete, path_for("/v1/webhook_endpoints", endpoint_id)))
    end
  end
end
