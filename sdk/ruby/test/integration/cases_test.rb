# frozen_string_literal: true

require_relative "support"

# Runs ../cases.json, the requests and outcomes every Flux SDK's integration tests share (its "about" explains the
# format), with this SDK against a running Flux.
class CasesTest < Minitest::Test
  include FluxIntegration

  CASES = JSON.parse(File.read(File.expand_path("../../../cases.json", __dir__)))
  Step = Struct.new(:id, :params, :idempotency_key, keyword_init: true)


  def test_the_cases_name_exactly_the_calls_this_sdk_makes
    assert_equal CASES["calls"].keys.sort, calls.keys.sort
    used = CASES["cases"].map { |c| c["call"] }.uniq
    assert_empty CASES["calls"].keys - used, "calls no case makes"
    assert_empty used - CASES["calls"].keys, "calls cases make that calls does not list"
  end

  def test_every_shared_case
    vars = { "wallet" => wallet, "base_url" => base_url }
    clients = { "test" => new_flux, "live" => new_flux(live_api_key), "wrong" => new_flux(FluxIntegration::WRONG_KEY) }
    CASES["cases"].each { |c| run_case(c, clients.fetch(c.fetch("as", "test")), vars) }
  end

  private

  # Every call of cases.json, as this SDK makes it (sandbox.pay is the tests' own, see support.rb).
  def calls
    @calls ||= {
      "orders.create" => ->(flux, step) { flux.orders.create(idempotency_key: step.idempotency_key, **step.params) },
      "orders.retrieve" => ->(flux, step) { flux.orders.retrieve(step.id) },
      "orders.list" => ->(flux, step) { flux.orders.list(**step.params) },
      "orders.cancel" => ->(flux, step) { flux.orders.cancel(step.id, idempotency_key: step.idempotency_key) },
      "refunds.create" => ->(flux, step) { flux.refunds.create(idempotency_key: step.idempotency_key, **step.params) },
      "refunds.retrieve" => ->(flux, step) { flux.refunds.retrieve(step.id) },
      "refunds.list" => ->(flux, step) { flux.refunds.list(**step.params) },
      "refunds.cancel" => ->(flux, step) { flux.refunds.cancel(step.id, idempotency_key: step.idempotency_key) },
      "payments.create" => ->(flux, step) { flux.payments.create(idempotency_key: step.idempotency_key, **step.params) },
      "payments.retrieve" => ->(flux, step) { flux.payments.retrieve(step.id) },
      "payments.list" => ->(flux, step) { flux.payments.list(**step.params) },
      "credits.get_balance" => ->(flux, _step) { flux.credits.get_balance },
      "credits.list_ledger" => ->(flux, step) { flux.credits.list_ledger(**step.params) },
      "buttons.create" => ->(flux, step) { flux.buttons.create(idempotency_key: step.idempotency_key, **step.params) },
      "buttons.retrieve" => ->(flux, step) { flux.buttons.retrieve(step.id) },
      "buttons.list" => ->(flux, step) { flux.buttons.list(**step.params) },
      "buttons.update" => ->(flux, step) { flux.buttons.update(step.id, idempotency_key: step.idempotency_key, **step.params) },
      "payment_links.create" => ->(flux, step) { flux.payment_links.create(idempotency_key: step.idempotency_key, **step.params) },
      "payment_links.retrieve" => ->(flux, step) { flux.payment_links.retrieve(step.id) },
      "payment_links.list" => ->(flux, step) { flux.payment_links.list(**step.params) },
      "payment_links.update" => ->(flux, step) { flux.payment_links.update(step.id, idempotency_key: step.idempotency_key, **step.params) },
      "wallets.create" => ->(flux, step) { flux.wallets.create(idempotency_key: step.idempotency_key, **step.params) },
      "wallets.retrieve" => ->(flux, step) { flux.wallets.retrieve(step.id) },
      "wallets.list" => ->(flux, step) { flux.wallets.list(**step.params) },
      "wallets.update" => ->(flux, step) { flux.wallets.update(step.id, idempotency_key: step.idempotency_key, **step.params) },
      "wallets.delete" => ->(flux, step) { flux.wallets.delete(step.id) },
      "reviews.request" => ->(flux, step) { flux.reviews.request(idempotency_key: step.idempotency_key, **step.params) },
      "reviews.retrieve" => ->(flux, step) { flux.reviews.retrieve(step.id) },
      "reviews.list" => ->(flux, step) { flux.reviews.list(**step.params) },
      "events.list" => ->(flux, step) { flux.events.list(**step.params) },
      "events.retrieve" => ->(flux, step) { flux.events.retrieve(step.id) },
      "webhook_endpoints.create" => ->(flux, step) { flux.webhook_endpoints.create(idempotency_key: step.idempotency_key, **step.params) },
      "webhook_endpoints.retrieve" => ->(flux, step) { flux.webhook_endpoints.retrieve(step.id) },
      "webhook_endpoints.list" => ->(flux, step) { flux.webhook_endpoints.list(**step.params) },
      "webhook_endpoints.update" => ->(flux, step) { flux.webhook_endpoints.update(step.id, idempotency_key: step.idempotency_key, **step.params) },
      "webhook_endpoints.delete" => ->(flux, step) { flux.webhook_endpoints.delete(step.id) },
      "sandbox.pay" => ->(_flux, step) { pay_in_sandbox(step.params[:order_id]) }
    }
  end

  def run_case(c, flux, vars)
    step = Step.new(id: fill(c["id"], vars), idempotency_key: fill(c["idempotency_key"], vars),
                    params: with_amounts(fill(c.fetch("params", {}), vars)).transform_keys(&:to_sym))
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + 20
    loop do
      problems = attempt(c, flux, step, vars)
      return if problems.empty?

      if !c["poll"] || Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline
        flunk "Case #{c['name'].inspect} (#{c['call']}):\n  #{problems.join("\n  ")}"
      end
      sleep 0.1
    end
  end

  def attempt(c, flux, step, vars)
    result = call(c, flux, step)
    return ["raised nothing, answered #{result.inspect}"] if c["error"]

    tree = tree_of(result)
    vars[c["save"]] = tree if c["save"]
    c["expect"].nil? ? [] : match("result", fill(c["expect"], vars), tree, true)
  rescue Flux::Error => e
    raise unless c["error"]

    tree = { "type" => e.type, "message" => e.message, "param" => e.param, "request_id" => e.request_id,
             "http_status" => e.http_status, "docs_url" => e.docs_url }
    match("error", fill(c["error"], vars), tree, true)
  end

  def call(c, flux, step)
    result = calls.fetch(c["call"]).call(flux, step)
    c["auto_paging"] ? result.auto_paging_each.to_a : result
  end

  # A result as JSON would carry it: string keys, amounts as they are (BigDecimal).
  def tree_of(value)
    case value
    when Flux::ApiObject, Flux::ListObject then tree_of(value.to_h)
    when Hash then value.to_h { |key, item| [key.to_s, tree_of(item)] }
    when Array then value.map { |item| tree_of(item) }
    else value
    end
  end

  def fill(node, vars)
    case node
    when String then node.gsub(/\$\{([^}]+)\}/) { lookup(Regexp.last_match(1), vars) }
    when Array then node.map { |item| fill(item, vars) }
    when Hash then node.transform_values { |item| fill(item, vars) }
    else node
    end
  end

  def lookup(path, vars)
    name, *rest = path.split(".")
    value = rest.reduce(vars[name]) { |node, segment| node.is_a?(Array) ? node[Integer(segment)] : node&.[](segment) }
    flunk "${#{path}} refers to nothing" if value.nil?
    value.to_s
  end

  # {"$decimal": …} in params is the amount as a BigDecimal.
  def with_amounts(node)
    case node
    when Hash then node.keys == ["$decimal"] ? BigDecimal(node["$decimal"]) : node.transform_values { |item| with_amounts(item) }
    when Array then node.map { |item| with_amounts(item) }
    else node
    end
  end

  def match(path, expected, actual, present)
    case expected
    when nil then present && !actual.nil? ? ["#{path}: expected null, got #{actual.inspect}"] : []
    when Array then match_array(path, expected, actual)
    when Hash
      return match_with(path, expected, actual, present) if expected.size == 1 && expected.keys.first.start_with?("$")
      return ["#{path}: expected an object, got #{actual.inspect}"] unless actual.is_a?(Hash)

      expected.flat_map { |key, item| match("#{path}.#{key}", item, actual[key], actual.key?(key)) }
    else expected == actual && expected.instance_of?(actual.class) ? [] : ["#{path}: expected #{expected.inspect}, got #{actual.inspect}"]
    end
  end

  def match_array(path, expected, actual)
    unless actual.is_a?(Array) && actual.size == expected.size
      return ["#{path}: expected #{expected.size} items, got #{actual.inspect}"]
    end

    expected.each_with_index.flat_map { |item, index| match("#{path}[#{index}]", item, actual[index], true) }
  end

  def match_with(path, expected, actual, present)
    matcher, argument = expected.first
    ok = case matcher
         when "$decimal" then actual.is_a?(BigDecimal) && actual == BigDecimal(argument)
         when "$match" then actual.is_a?(String) && Regexp.new(argument).match?(actual)
         when "$starts_with" then actual.is_a?(String) && actual.start_with?(argument)
         when "$present" then present && !actual.nil?
         when "$absent" then !present
         else flunk "unknown matcher #{matcher}"
         end
    ok ? [] : ["#{path}: expected #{expected.inspect}, got #{present ? actual.inspect : 'nothing'}"]
  end
end
