# frozen_string_literal: true

require_relative "support"
require_relative "seed_samples"

# The seed docs' "Credit Usage Example": it prints the balance, then its credit.used handler prints each credit a
# sandbox payment uses, with the order id and the credits left.
class SamplesCreditUsageTest < Minitest::Test
  include FluxIntegration

  def test_credit_usage_example_prints_the_balance_and_then_each_credit_used
    flux = new_flux
    all = Queue.new
    order_id = nil

    out, = capture_output do |printed|
      SeedSamples.credit_usage_example(flux)
      flux.on("*") { |event| all << event }
      flux.ready
      order_id = flux.payments.create(amount: "10.0", currency: "PI", description: "Premium subscription").order_id
      pay_in_sandbox(order_id)
      wait_for("the credit.used handler") { printed.string.lines.size >= 3 }
    end

    assert_equal ["Credits remaining: 100", "Credit used for order #{order_id}", "Credits remaining: 99"], out
    events = Array.new(all.size) { all.pop }
    confirmed = events.find { |event| event.type == "order.confirmed" }
    assert_equal [order_id, "confirmed", BigDecimal(10), 99], [confirmed.order_id, confirmed.status, confirmed.amount, confirmed.credits_remaining]
    assert_match(/\A\h{64}\z/, confirmed.transaction_hash)
    used = events.find { |event| event.type == "credit.used" }
    assert_match(/\Aevt_/, used.id)
    assert_equal({ order_id: order_id, credits_remaining: 99 }, used.data.to_h)
    assert_equal({ available: 99, used: 1, livemode: false }, flux.credits.get_balance.to_h)
  end
end
