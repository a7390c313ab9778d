# frozen_string_literal: true

require_relative "support"
require_relative "seed_samples"

# The seed docs' "Authentication Code Samples": Net::HTTP with the Bearer key, no SDK involved. It pins that the raw
# API answers the way the docs show.
class SamplesAuthenticationTest < Minitest::Test
  include FluxIntegration

  def test_authentication_code_sample_lists_payments_with_the_bearer_key
    result = nil
    out, err = capture_output { result = SeedSamples.authentication_code_sample(api_key, base_url) }

    assert_equal({ "object" => "list", "data" => [], "has_more" => false }, result)
    assert_equal ['Payments: {"object"=>"list", "data"=>[], "has_more"=>false}'], out
    assert_empty err

    order = api("POST", "/v1/orders", { amount: "1.5" })
    pay_in_sandbox(order["order_id"])
    paid = wait_for("the sandbox payment in GET /v1/payments") do
      capture_output { result = SeedSamples.authentication_code_sample(api_key, base_url) }
      result unless result["data"].empty?
    end
    assert_equal order["order_id"], paid["data"].first["order_id"]
    assert_equal BigDecimal("1.5"), paid["data"].first["amount"]

    capture_output { result = SeedSamples.authentication_code_sample(FluxIntegration::WRONG_KEY, base_url) }
    assert_equal "authentication_error", result["error"]["code"]
  end
end
