# frozen_string_literal: true

require_relative "support"
require_relative "seed_samples"

# The seed docs' "Code Example": a button into the merchant's wallet whose on_order_confirmed fires for orders started
# from it, and only those.
class SamplesCodeExampleTest < Minitest::Test
  include FluxIntegration

  def test_code_example_calls_on_order_confirmed_for_orders_from_its_button_only
    flux = new_flux
    direct = new_flux
    transaction_hash = nil
    credits_left = nil

    out, = capture_output do |printed|
      button = SeedSamples.code_example(flux, wallet)
      assert_match(/\Abtn_/, button.button_id)
      assert_equal [BigDecimal(10), wallet], [button.amount, button.merchant_wallet]
      flux.ready
      # Another order of the merchant, not from the button: its confirmation must not call on_order_confirmed.
      other = direct.orders.create(amount: 1).order_id
      pay_in_sandbox(other)
      wait_for("the other order confirmed") { direct.orders.retrieve(other).status == "confirmed" }
      credits_left = direct.credits.get_balance.available - 1
      customer_order = api("POST", "/v1/public/buttons/#{button.button_id}/orders", {}, key: nil)
      transaction_hash = pay_in_sandbox(customer_order["order_id"])["transaction_hash"]
      wait_for("on_order_confirmed") { printed.string.lines.size >= 3 }
      sleep 0.2 # room for a wrong fourth line
    end

    assert_equal ["Order confirmed! 10.0", "Transaction ID: #{transaction_hash}", "Credits remaining: #{credits_left}"], out
  end
end
