# frozen_string_literal: true

require "test_helper"

# The key and the base URL: arguments first, then FLUX_API_KEY and FLUX_BASE_URL, then the hosted service.
class ClientTest < Minitest::Test
  def with_env(values)
    saved = values.keys.to_h { |name| [name, ENV.fetch(name, nil)] }
    values.each { |name, value| ENV[name] = value }
    yield
  ensure
    saved.each { |name, value| ENV[name] = value }
  end

  def test_the_key_is_required
    with_env("FLUX_API_KEY" => nil) do
      assert_raises(Flux::AuthenticationError) { Flux::Client.new }
      assert_raises(Flux::AuthenticationError) { Flux::Client.new("  ") }
    end
  end

  def test_the_key_and_base_url_fall_back_to_the_environment
    stub = StubServer.new { |exchange| exchange.json(200, '{"available":1,"used":0,"livemode":false}') }
    with_env("FLUX_API_KEY" => "sk_test_fromEnv", "FLUX_BASE_URL" => "#{stub.url}/") do
      flux = Flux::Client.new

      flux.credits.get_balance

      assert_equal stub.url, flux.base_url
      assert_equal "Bearer sk_test_fromEnv", stub.requests.first.headers["authorization"]
      assert_equal "http://example.test", Flux::Client.new("k", base_url: "http://example.test/").base_url
    end
    with_env("FLUX_BASE_URL" => nil) { assert_equal Flux::DEFAULT_BASE_URL, Flux::Client.new("k").base_url }
  ensure
    stub.close
  end

  def test_an_inspected_client_does_not_show_its_key
    refute_includes Flux::Client.new("sk_test_Secret123").inspect, "Secret123"
  end

  def test_on_needs_a_block
    assert_raises(ArgumentError) { Flux::Client.new("k").on("credit.used") }
  end
end
