# frozen_string_literal: true

require "test_helper"

# flux.wallets speaks /v1/wallets: the routes, methods and bodies Flux expects, and the wallets it answers with.
class WalletsTest < Minitest::Test
  ADDRESS = "GCNGWQ6O4BCRLJSPGYXWEZQCZJVGAMNW5EXZJHJIQJKW3XW2EZWRV2GQ"
  WALLET = JSON.generate(object: "wallet", id: "wal_1", address: ADDRESS, label: "Till", default: true, network: "sandbox",
                         created_at: "2026-12-01T10:00:00Z", livemode: false)

  def setup
    @stub = StubServer.new do |exchange, request|
      case request.method
      when "DELETE" then exchange.json(200, '{"id":"wal_1","object":"wallet","deleted":true}')
      when "GET" then exchange.json(200, request.path.start_with?("/v1/wallets?") ? %({"object":"list","data":[#{WALLET}],"has_more":false}) : WALLET)
      else exchange.json(request.path == "/v1/wallets" ? 201 : 200, WALLET)
      end
    end
    @flux = @stub.client
  end

  def teardown
    @stub.close
  end

  def test_create_update_and_delete_send_what_the_api_takes
    wallet = @flux.wallets.create(address: ADDRESS, label: "Till", default: true, idempotency_key: "wallet-1")
    @flux.wallets.update("wal_1", label: "", default: true)
    deleted = @flux.wallets.delete("wal_1")

    create, update, delete = @stub.requests
    assert_equal ["POST", "/v1/wallets", %({"address":"#{ADDRESS}","label":"Till","default":true}), "wallet-1"],
                 [create.method, create.path, create.body, create.headers["idempotency-key"]]
    assert_equal ["POST", "/v1/wallets/wal_1", '{"label":"","default":true}'], [update.method, update.path, update.body]
    assert_equal %w[DELETE /v1/wallets/wal_1], [delete.method, delete.path]
    assert_equal [ADDRESS, "Till", true, "sandbox"], [wallet.address, wallet.label, wallet.default, wallet.network]
    assert_equal({ id: "wal_1", object: "wallet", deleted: true }, deleted.to_h)
  end

  def test_retrieve_and_list_read_wallets
    wallet = @flux.wallets.retrieve("wal/1")
    page = @flux.wallets.list(limit: 5)

    assert_equal ["/v1/wallets/wal%2F1", "/v1/wallets?limit=5"], @stub.requests.map(&:path)
    assert_equal "wal_1", wallet.id
    assert_equal ["wal_1"], page.map(&:id)
  end
end
