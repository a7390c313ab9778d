# frozen_string_literal: true

require "test_helper"
require "stringio"

# What the integration tests share: the Flux they run against (FLUX_BASE_URL, FLUX_API_KEY, FLUX_LIVE_API_KEY and
# FLUX_WALLET, the merchant's watched default test wallet), raw API calls the SDK has no method for, waiting, and
# output capture for the seed's samples. Flux.Dashboard.Tests/Sdk/RubySdkTests runs each test file as a new merchant.
module FluxIntegration
  WRONG_KEY = "sk_test_NotARealKey0000000000000000000"

  def env(name)
    value = ENV.fetch(name, "")
    flunk "#{name} is not set: run these tests through Flux.Dashboard.Tests (RubySdkTests), which starts Flux." if value.empty?
    value
  end

  def base_url = env("FLUX_BASE_URL")
  def api_key = env("FLUX_API_KEY")
  def live_api_key = env("FLUX_LIVE_API_KEY")
  def wallet = env("FLUX_WALLET")

  # A client of this Flux, closed when the test ends.
  def new_flux(key = api_key, **options)
    flux = Flux::Client.new(key, base_url: base_url, **options)
    (@clients ||= []) << flux
    flux
  end

  def teardown
    (@clients || []).each(&:close)
    super
  end

  # A request straight to the API, with a key (nil for the public endpoints a shop's page calls).
  def api(method, path, body = nil, key: api_key)
    uri = URI("#{base_url}#{path}")
    request = Net::HTTPGenericRequest.new(method, !body.nil?, true, uri.request_uri, "Content-Type" => "application/json")
    request["Authorization"] = "Bearer #{key}" if key
    request.body = Flux::Wire.generate(body) if body
    response = Net::HTTP.start(uri.host, uri.port) { |http| http.request(request) }
    assert response.code.start_with?("2"), "#{method} #{path} answered #{response.code}: #{response.body}"
    Flux::Wire.parse(response.body)
  end

  # Pays an order from the seed's sandbox test wallet, so Flux's watcher confirms it.
  def pay_in_sandbox(order_id)
    api("POST", "/v1/sandbox/payments", { order_id: order_id })
  end

  def wait_for(what, timeout: 20)
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + timeout
    until (value = yield)
      flunk "Timed out after #{timeout} s waiting for #{what}." if Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline
      sleep 0.1
    end
    value
  end

  # Runs the block while $stdout and $stderr (puts and warn, from any thread) are recorded; yields and returns them.
  def capture_output
    out = StringIO.new
    err = StringIO.new
    $stdout = out
    $stderr = err
    yield out, err
    [out.string.lines(chomp: true), err.string.lines(chomp: true)]
  ensure
    $stdout = STDOUT
    $stderr = STDERR
  end
end
