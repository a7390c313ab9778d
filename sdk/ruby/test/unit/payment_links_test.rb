# frozen_string_literal: true

require "test_helper"

# flux.payment_links speaks /v1/payment_links: the routes, methods and bodies Flux expects, and the links it answers with.
class PaymentLinksTest < Minitest::Test
  LINK = JSON.generate(payment_link_id: "plink_1", product_name: "Flat white", amount: 2.5, currency: "PI", quantity_adjustable: true,
                       merchant_wallet: "GCNGWQ6O4BCRLJSPGYXWEZQCZJVGAMNW5EXZJHJIQJKW3XW2EZWRV2GQ",
                       success_url: "https://shop.test/thanks?order={ORDER_ID}", expires_in: nil, active: true, livemode: false,
                       created_at: "2026-12-01T10:00:00Z", url: "https://flux.test/pay/plink_1")

  def setup
    @stub = StubServer.new do |exchange, request|
      if request.method == "GET" && request.path.start_with?("/v1/payment_links?")
        exchange.json(200, %({"object":"list","data":[#{LINK}],"has_more":false}))
      else
        exchange.json(request.path == "/v1/payment_links" ? 201 : 200, LINK)
      end
    end
    @flux = @stub.client
  end

  def teardown
    @stub.close
  end

  def test_create_and_update_send_what_the_api_takes
    link = @flux.payment_links.create(product_name: "Flat white", amount: "2.5", quantity_adjustable: true,
                                      success_url: "https://shop.test/thanks?order={ORDER_ID}", idempotency_key: "link-1")
    @flux.payment_links.update("plink_1", active: false)

    create, update = @stub.requests
    assert_equal ["POST", "/v1/payment_links",
                  '{"product_name":"Flat white","amount":2.5,"quantity_adjustable":true,"success_url":"https://shop.test/thanks?order={ORDER_ID}"}',
                  "link-1"],
                 [create.method, create.path, create.body, create.headers["idempotency-key"]]
    assert_equal ["POST", "/v1/payment_links/plink_1", '{"active":false}'], [update.method, update.path, update.body]
    assert_equal ["plink_1", BigDecimal("2.5"), true, "https://flux.test/pay/plink_1"],
                 [link.payment_link_id, link.amount, link.quantity_adjustable, link.url]
    assert_nil link.expires_in
  end

  def test_retrieve_and_list_read_links
    link = @flux.payment_links.retrieve("plink/1")
    page = @flux.payment_links.list(limit: 5)

    assert_equal ["/v1/payment_links/plink%2F1", "/v1/payment_links?limit=5"], @stub.requests.map(&:path)
    assert_equal "Flat white", link.product_name
    assert_equal ["plink_1"], page.map(&:payment_link_id)
  end
end
