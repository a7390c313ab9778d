# frozen_string_literal: true

require "test_helper"

# flux.on over a stub /v1/events/stream: delivery, resuming with Last-Event-ID, catching up, errors, off and close.
class EventStreamTest < Minitest::Test
  def teardown
    @flux&.close
    @stub&.close
  end

  def stub(&answer)
    @stub = StubServer.new(&answer)
    @flux = @stub.client
  end

  def newest_event(exchange, id = "evt_0")
    list = id ? [JSON.parse(StubServer.event_json(id, "order.created", {}))] : []
    exchange.json(200, JSON.generate(object: "list", data: list, has_more: false))
  end

  def eventually(what)
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + 5
    until yield
      flunk "timed out waiting for #{what}" if Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline
      sleep 0.005
    end
  end

  def stream_requests
    @stub.requests.select { |request| request.path == "/v1/events/stream" }
  end

  def test_handlers_get_their_events_and_a_dropped_stream_resumes_after_the_last_one
    stub do |exchange, request|
      next newest_event(exchange) if request.path.start_with?("/v1/events?")

      exchange.open_stream
      if request.headers["last-event-id"] == "evt_0"
        exchange.frame("evt_1", "order.confirmed", { order_id: "ord_1", amount: 10.0, status: "confirmed", credits_remaining: 99 })
        exchange.frame("evt_2", "credit.used", { order_id: "ord_1", credits_remaining: 99 })
        next exchange.drop
      end
      exchange.chunk(": heartbeat\n\n")
      exchange.frame("evt_3", "credit.used", { order_id: "ord_2", credits_remaining: 98 })
      exchange.hold
    end
    used = Queue.new
    all = Queue.new

    @flux.on("credit.used") { |event| used << event }
    @flux.on("*") { |event| all << event }
    assert @flux.ready(timeout: 5)
    eventually("the event after the reconnect") { used.size == 2 }

    assert_equal %w[evt_2 evt_3], Array.new(used.size) { used.pop.id }
    events = Array.new(all.size) { all.pop }
    assert_equal %w[evt_1 evt_2 evt_3], events.map(&:id)
    assert_equal ["ord_1", BigDecimal(10), "confirmed", 99], [events[0].order_id, events[0].amount, events[0].status, events[0].credits_remaining]
    assert_equal %w[evt_0 evt_2], stream_requests.map { |request| request.headers["last-event-id"] }
    assert_equal "/v1/events?limit=1", @stub.requests.first.path
  end

  def test_events_logged_while_disconnected_are_caught_up_when_the_log_was_empty
    stub do |exchange, request, number|
      if request.path.start_with?("/v1/events?")
        next newest_event(exchange, nil) if number <= 2

        body = "[#{StubServer.event_json('evt_2', 'credit.used', {})},#{StubServer.event_json('evt_1', 'order.confirmed', {})}]"
        next exchange.json(200, %({"object":"list","data":#{body},"has_more":false}))
      end
      exchange.open_stream
      request.headers["last-event-id"] ? exchange.hold : exchange.drop
    end
    all = Queue.new

    @flux.on("*") { |event| all << event.id }
    eventually("the caught-up events") { all.size == 2 }

    assert_equal %w[evt_1 evt_2], [all.pop, all.pop]
    eventually("the resumed connection") { stream_requests.last&.headers&.[]("last-event-id") == "evt_2" }
  end

  def test_a_wrong_key_on_the_stream_is_raised_by_ready_reported_once_and_not_retried
    stub { |exchange| exchange.error(401, "authentication_error") }
    reported = Queue.new

    @flux.on("error") { |error| reported << error }
    @flux.on("*") { |_event| nil }
    error = assert_raises(Flux::AuthenticationError) { @flux.ready(timeout: 5) }

    assert_equal 401, error.http_status
    sleep 0.1
    assert_equal 1, reported.size
    assert_same error, reported.pop
    assert_equal 1, stream_requests.size
  end

  def test_a_server_error_on_the_stream_is_reported_and_retried
    stub do |exchange, request, number|
      next newest_event(exchange) if request.path.start_with?("/v1/events?")
      next exchange.error(503, "api_error") if number == 2

      exchange.open_stream
      exchange.frame("evt_1", "credit.used", { credits_remaining: 5 })
      exchange.hold
    end
    reported = Queue.new
    used = Queue.new

    @flux.on("error") { |error| reported << error }
    @flux.on("credit.used") { |event| used << event }
    eventually("the event after the 503") { used.size == 1 }

    assert_equal 1, reported.size
    assert_equal 503, reported.pop.http_status
  end

  def test_a_handler_that_raises_is_reported_and_the_other_handlers_still_run
    stub do |exchange, request|
      next newest_event(exchange) if request.path.start_with?("/v1/events?")

      exchange.open_stream
      exchange.frame("evt_1", "credit.used", {})
      exchange.hold
    end
    reported = Queue.new
    all = Queue.new

    @flux.on("error") { |error| reported << error }
    @flux.on("credit.used") { |_event| raise "the shop's database is down" }
    @flux.on("*") { |event| all << event }
    eventually("the other handler") { all.size == 1 && reported.size == 1 }

    assert_equal "the shop's database is down", reported.pop.message
  end

  def test_off_the_last_handler_closes_the_connection_and_on_opens_it_again
    closed = Queue.new
    stub do |exchange, request|
      next newest_event(exchange) if request.path.start_with?("/v1/events?")

      exchange.open_stream
      exchange.hold
      closed << true
    end
    handler = @flux.on("credit.used") { |_event| nil }
    @flux.ready(timeout: 5)

    @flux.off("credit.used", handler)

    eventually("the connection to close") { closed.size == 1 }
    assert_raises(RuntimeError) { @flux.ready(timeout: 1) }
    @flux.on("credit.used") { |_event| nil }
    assert @flux.ready(timeout: 5)
  end

  def test_a_handler_may_close_the_stream
    stub do |exchange, request|
      next newest_event(exchange) if request.path.start_with?("/v1/events?")

      exchange.open_stream
      exchange.frame("evt_1", "credit.used", {})
      exchange.frame("evt_2", "credit.used", {})
      exchange.hold
    end
    seen = Queue.new

    @flux.on("credit.used") do |event|
      seen << event.id
      @flux.close
    end
    eventually("the first event") { seen.size == 1 }
    sleep 0.1

    assert_equal 1, seen.size, "no event reaches a handler after close"
    assert_raises(RuntimeError) { @flux.ready(timeout: 1) }
  end
end
