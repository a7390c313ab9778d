# frozen_string_literal: true

require "test_helper"

# Requests, retries and idempotency against a stub Flux.
class HttpClientTest < Minitest::Test
  ORDER = '{"order_id":"ord_1","amount":12.3456789,"status":"pending_confirmation","amount_received":0,"transaction_hash":null}'
  UUID = /\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/

  def teardown
    @stub&.close
  end

  def stub(&answer)
    @stub = StubServer.new(&answer)
  end

  def test_a_post_carries_the_key_json_and_an_idempotency_key_and_a_get_none
    stub { |exchange, request| request.method == "POST" ? exchange.json(201, ORDER) : exchange.json(200, '{"available":100,"used":0,"livemode":false}') }
    flux = @stub.client

    order = flux.orders.create(amount: "12.3456789", description: "Tea", merchant_wallet: "GABC", currency: nil)
    flux.credits.get_balance

    post, get = @stub.requests
    assert_equal ["POST", "/v1/orders"], [post.method, post.path]
    assert_equal '{"amount":12.3456789,"description":"Tea","merchant_wallet":"GABC"}', post.body
    assert_equal "Bearer sk_test_stub", post.headers["authorization"]
    assert_equal "application/json", post.headers["content-type"]
    assert_equal "flux-pi-sdk (ruby)", post.headers["user-agent"]
    assert_match UUID, post.headers["idempotency-key"]
    assert_equal ["GET", "/v1/credits/balance", nil], [get.method, get.path, get.headers["idempotency-key"]]
    assert_equal "ord_1", order.order_id
    assert_equal BigDecimal("12.3456789"), order.amount
    assert_instance_of BigDecimal, order.amount_received
    assert_nil order.transaction_hash
  end

  def test_a_503_is_retried_with_the_same_idempotency_key_and_body
    stub { |exchange, _, number| number == 1 ? exchange.error(503, "api_error") : exchange.json(201, ORDER) }

    order = @stub.client.payments.create(amount: "10.0", currency: "PI", description: "Premium subscription")

    first, again = @stub.requests
    assert_equal 2, @stub.requests.size
    assert_equal "/v1/payments", first.path
    assert_equal first.body, again.body
    assert_equal first.headers["idempotency-key"], again.headers["idempotency-key"]
    assert_equal "ord_1", order.order_id
  end

  def test_a_connection_dropped_before_the_answer_is_retried
    stub { |exchange, _, number| number == 1 ? exchange.drop : exchange.json(201, ORDER) }

    @stub.client.orders.create(amount: "2.5")

    assert_equal 2, @stub.requests.size
    assert_equal @stub.requests[0].headers["idempotency-key"], @stub.requests[1].headers["idempotency-key"]
  end

  def test_two_calls_send_two_keys_and_an_explicit_key_is_sent_as_given
    stub { |exchange| exchange.json(201, ORDER) }
    flux = @stub.client

    flux.orders.create(amount: 1)
    flux.orders.create(amount: 1)
    flux.orders.cancel("ord_1", idempotency_key: "cancel-ord_1")

    first, second, cancel = @stub.requests
    refute_equal first.headers["idempotency-key"], second.headers["idempotency-key"]
    assert_equal ["/v1/orders/ord_1/cancel", "cancel-ord_1", "{}"], [cancel.path, cancel.headers["idempotency-key"], cancel.body]
  end

  def test_a_429_is_retried_after_its_retry_after
    stub do |exchange, _, number|
      next exchange.error(429, "rate_limit_exceeded", headers: { "Retry-After" => "1" }) if number == 1

      exchange.json(200, '{"available":7,"used":3,"livemode":false}')
    end

    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    balance = @stub.client.credits.get_balance
    waited = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started

    assert_equal [7, 3], [balance.available, balance.used]
    assert_operator waited, :>=, 1.0
    assert_operator waited, :<, 4.0
  end

  def test_a_409_while_the_first_request_runs_is_retried
    stub { |exchange, _, number| number == 1 ? exchange.error(409, "invalid_request") : exchange.json(201, ORDER) }

    @stub.client.orders.create(amount: 1)

    assert_equal 2, @stub.requests.size
  end

  def test_a_429_that_keeps_coming_is_raised_after_the_retries
    stub { |exchange| exchange.error(429, "rate_limit_exceeded", headers: { "Retry-After" => "0" }, request_id: "req_Stub0000000429") }

    error = assert_raises(Flux::RateLimitError) { @stub.client(max_network_retries: 3).orders.retrieve("ord_x") }

    assert_equal ["rate_limit_exceeded", 429, "req_Stub0000000429"], [error.type, error.http_status, error.request_id]
    assert_equal 4, @stub.requests.size
  end

  def test_an_invalid_request_is_not_retried_and_carries_every_field
    request_id = "req_Stub0000000400"
    stub { |exchange| exchange.error(400, "invalid_request", param: "amount", request_id: request_id) }

    error = assert_raises(Flux::InvalidRequestError) { @stub.client.orders.create(amount: "-1") }

    assert_kind_of Flux::Error, error
    assert_equal ["invalid_request", "Answered by the stub (400).", "amount", request_id, 400, "https://docs.flux.test/errors#invalid_request"],
                 [error.type, error.message, error.param, error.request_id, error.http_status, error.docs_url]
    assert_equal request_id, error.http_headers["request-id"]
    assert_equal 1, @stub.requests.size
  end

  def test_an_error_answer_without_the_error_shape_is_still_typed
    stub { |exchange| exchange.answer(502, "", "Request-Id" => "req_FromHeader00000") }

    error = assert_raises(Flux::APIError) { @stub.client(max_network_retries: 0).credits.get_balance }

    assert_equal ["api_error", 502, "req_FromHeader00000"], [error.type, error.http_status, error.request_id]
  end

  def test_a_flux_nobody_listens_on_is_an_api_connection_error_after_the_retries
    port = TCPServer.open("127.0.0.1", 0) { |server| server.addr[1] }
    flux = Flux::Client.new("sk_test_x", base_url: "http://127.0.0.1:#{port}", max_network_retries: 1, initial_retry_delay: 0.001)

    error = assert_raises(Flux::APIConnectionError) { flux.credits.get_balance }

    assert_equal "api_connection_error", error.type
    assert_nil error.http_status
    assert_match(/after 2 attempt/, error.message)
  end

  def test_amounts_that_are_not_exact_are_refused_before_sending
    stub { |exchange| exchange.json(201, ORDER) }
    flux = @stub.client

    assert_raises(ArgumentError) { flux.orders.create(amount: 10.0) }
    assert_raises(ArgumentError) { flux.orders.create(amount: "ten") }
    assert_raises(ArgumentError) { flux.buttons.create(amount_min: 1.5) }
    assert_empty @stub.requests
  end
end
