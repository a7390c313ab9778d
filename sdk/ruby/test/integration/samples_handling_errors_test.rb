# frozen_string_literal: true

require_relative "support"
require_relative "seed_samples"

# The seed docs' "Handling Errors", run with a good key, a wrong key, a mode without a wallet and a Flux that keeps
# answering 429: each time the sample takes the branch its comments promise.
class SamplesHandlingErrorsTest < Minitest::Test
  include FluxIntegration

  def test_a_good_key_creates_the_payment
    flux = new_flux
    out, err = capture_output { SeedSamples.handling_errors(flux) }

    order = flux.orders.list(limit: 1).first
    assert_empty err
    assert_equal ["Payment created: #{order.order_id}"], out
    assert_equal ["Premium subscription", BigDecimal(10), "pending_confirmation"], [order.description, order.amount, order.status]
  end

  def test_a_wrong_key_takes_the_authentication_error_branch
    _, err = capture_output { SeedSamples.handling_errors(new_flux(FluxIntegration::WRONG_KEY)) }

    assert_equal 1, err.size
    assert_match(/\AAuthentication failed: \S/, err.first)
  end

  def test_a_mode_without_a_wallet_takes_the_invalid_request_branch
    _, err = capture_output { SeedSamples.handling_errors(new_flux(live_api_key)) }

    assert_equal 1, err.size
    assert_match(/\AInvalid request: \S/, err.first)
  end

  def test_a_flux_that_keeps_answering_429_takes_the_rate_limit_branch
    stub = StubServer.new { |exchange| exchange.error(429, "rate_limit_exceeded", headers: { "Retry-After" => "0" }) }

    _, err = capture_output { SeedSamples.handling_errors(stub.client(max_network_retries: 1)) }

    assert_equal ["Rate limit exceeded. Try again later."], err
    assert_equal 2, stub.requests.size
  ensure
    stub.close
  end
end
