# frozen_string_literal: true

require_relative "support"

# The event stream against Flux itself (the samples' tests follow a sandbox payment through it; the unit tests pin
# reconnecting and resuming on a stub).
class EventsTest < Minitest::Test
  include FluxIntegration

  def test_a_wrong_key_on_the_stream_is_raised_by_ready_and_reported_once
    flux = new_flux(FluxIntegration::WRONG_KEY)
    reported = Queue.new
    flux.on("error") { |error| reported << error }
    flux.on("*") { |_event| nil }

    error = assert_raises(Flux::AuthenticationError) { flux.ready }

    assert_equal 401, error.http_status
    assert_equal 1, reported.size
  end

  def test_handlers_get_the_events_from_when_on_was_called
    flux = new_flux
    before = flux.orders.create(amount: 1, description: "Before on").order_id
    created = Queue.new

    flux.on("order.created") { |event| created << event }
    flux.ready
    after = flux.orders.create(amount: 2, description: "After on").order_id
    wait_for("order.created") { created.size == 1 }

    event = created.pop
    assert_equal [after, BigDecimal(2)], [event.order_id, event.amount]
    refute_equal before, event.order_id
  end
end
