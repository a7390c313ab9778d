# frozen_string_literal: true

require "test_helper"

# Answers as Ruby reads them: snake_case methods, exact amounts, events with their data's fields on top.
class ObjectsTest < Minitest::Test
  def test_amounts_come_back_as_big_decimal_however_the_api_writes_them
    order = Flux::ApiObject.new(Flux::Wire.parse('{"amount":10,"amount_received":12.3456789,"credits_remaining":99,"data":{"amount":0.1000000}}'))

    assert_equal [BigDecimal("10"), BigDecimal("12.3456789")], [order.amount, order.amount_received]
    assert_instance_of BigDecimal, order.amount
    assert_instance_of Integer, order.credits_remaining
    assert_equal BigDecimal("0.1"), order.data.amount
    assert_equal BigDecimal("0.3"), order.data.amount + BigDecimal("0.2")
  end

  def test_amounts_leave_as_json_numbers_digit_for_digit
    body = Flux::Wire.generate(amount: "0.3000001", amount_min: BigDecimal("10.50"), amount_max: 50, style: { color: "#112233" }, label: nil)

    assert_equal '{"amount":0.3000001,"amount_min":10.5,"amount_max":50,"style":{"color":"#112233"}}', body
  end

  def test_a_float_or_a_text_that_is_no_decimal_is_refused_as_an_amount
    [10.0, "ten", "1,5", "1e3", "01", " 1", Object.new, BigDecimal("Infinity")].each do |amount|
      assert_raises(ArgumentError, amount.inspect) { Flux::Wire.generate(amount: amount) }
    end
    error = assert_raises(ArgumentError) { Flux::Wire.generate(amount: 0.1) }
    assert_match(/must be exact; pass "0.1"/, error.message)
  end

  def test_fields_read_as_methods_and_with_brackets_and_nested_objects_too
    button = Flux::ApiObject.new("button_id" => "btn_1", "style" => { "color" => "#112233" }, "tags" => [{ "a" => 1 }])

    assert_equal "btn_1", button.button_id
    assert_equal "btn_1", button[:button_id]
    assert_equal "btn_1", button["button_id"]
    assert_equal "#112233", button.style.color
    assert_equal 1, button.tags.first.a
    assert_respond_to button, :button_id
    refute_respond_to button, :label
    assert_raises(NoMethodError) { button.label }
    assert_equal({ button_id: "btn_1", style: { color: "#112233" }, tags: [{ a: 1 }] }, button.to_h)
    assert_equal button, Flux::ApiObject.new(button.to_h)
  end

  def test_an_event_reads_its_data_on_top_and_keeps_its_envelope
    event = Flux::Event.new(Flux::Wire.parse(StubServer.event_json("evt_1", "credit.used", { order_id: "ord_1", credits_remaining: 99, livemode: "no" })))

    assert_equal ["evt_1", "credit.used", false, "2026-11-25T16:00:00Z"], [event.id, event.type, event.livemode, event.created_at]
    assert_equal ["ord_1", 99], [event.order_id, event.credits_remaining]
    assert_equal "ord_1", event[:order_id]
    assert_equal false, event[:livemode], "the envelope's fields win over the data's"
    assert_equal({ order_id: "ord_1", credits_remaining: 99, livemode: "no" }, event.data.to_h)
    assert_equal %i[id object type created_at livemode data], event.to_h.keys
  end
end
