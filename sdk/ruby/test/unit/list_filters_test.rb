# frozen_string_literal: true

require "test_helper"

# A list's filters reach the API as it names them: created: { gte: } is created[gte], a Time is ISO 8601 in UTC to the
# second, and the next page keeps them.
class ListFiltersTest < Minitest::Test
  def setup
    @stub = StubServer.new do |exchange, request|
      has_more = !request.path.include?("starting_after")
      exchange.json(200, JSON.generate(object: "list", data: [{ order_id: "ord_1", payment_id: "pay_1", id: "evt_1" }], has_more: has_more))
    end
  end

  def teardown
    @stub.close
  end

  def queries
    @stub.requests.map { |request| URI.decode_www_form_component(request.path) }
  end

  def test_orders_are_narrowed_by_status_button_and_a_created_range_of_times
    since = Time.new(2026, 12, 1, 11, 30, 15.75r, "+01:00")
    @stub.client.orders.list(status: "canceled", button_id: "btn_1", created: { gte: since, lte: "2026-12-02T00:00:00Z" })
         .auto_paging_each.to_a

    assert_equal ["/v1/orders?status=canceled&button_id=btn_1&created[gte]=2026-12-01T10:30:15Z&created[lte]=2026-12-02T00:00:00Z",
                  "/v1/orders?status=canceled&button_id=btn_1&created[gte]=2026-12-01T10:30:15Z&created[lte]=2026-12-02T00:00:00Z&starting_after=ord_1"],
                 queries
    assert_equal "+01:00", since.strftime("%:z"), "the caller's Time is left as it was"
  end

  def test_payments_are_narrowed_by_order_or_to_the_unmatched_ones
    @stub.client.payments.list(order_id: "ord_1", created: { lte: nil })
    @stub.client.payments.list(unmatched: true)

    assert_equal ["/v1/payments?order_id=ord_1", "/v1/payments?unmatched=true"], queries
  end

  def test_events_are_narrowed_by_type_and_a_created_range
    @stub.client.events.list(type: "order.*", created: { lte: Time.utc(2026, 12, 2) }, limit: 2)

    assert_equal ["/v1/events?type=order.*&created[lte]=2026-12-02T00:00:00Z&limit=2"], queries
  end
end
