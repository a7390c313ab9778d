# frozen_string_literal: true

require "test_helper"

# list gives the first page; auto_paging_each walks every page with starting_after, only as far as needed.
class ListObjectTest < Minitest::Test
  IDS = %w[ord_7 ord_6 ord_5 ord_4 ord_3 ord_2 ord_1].freeze

  def setup
    @stub = StubServer.new do |exchange, request|
      query = URI.decode_www_form(URI(request.path).query.to_s).to_h
      start = query["starting_after"] ? IDS.index(query["starting_after"]) + 1 : 0
      items = IDS[start, Integer(query.fetch("limit", "10"))]
      exchange.json(200, JSON.generate(object: "list", data: items.map { |id| { order_id: id, amount: 1 } }, has_more: start + items.size < IDS.size))
    end
  end

  def teardown
    @stub.close
  end

  def test_list_is_the_first_page_and_enumerable_over_it
    page = @stub.client.orders.list(limit: 3)

    assert_equal %w[ord_7 ord_6 ord_5], page.map(&:order_id)
    assert page.has_more?
    assert_equal "list", page.object
    assert_equal ["/v1/orders?limit=3"], @stub.requests.map(&:path)
  end

  def test_auto_paging_each_walks_every_page_with_starting_after
    walked = []
    @stub.client.orders.list(limit: 3, ending_before: "ord_8").auto_paging_each { |order| walked << order.order_id }

    assert_equal IDS, walked
    assert_equal ["/v1/orders?limit=3&ending_before=ord_8", "/v1/orders?limit=3&starting_after=ord_5",
                  "/v1/orders?limit=3&starting_after=ord_2"], @stub.requests.map(&:path)
  end

  def test_without_a_block_it_is_lazy_and_asks_only_for_the_pages_it_needs
    first_four = @stub.client.orders.list(limit: 3).auto_paging_each.first(4)

    assert_equal IDS.first(4), first_four.map(&:order_id)
    assert_equal 2, @stub.requests.size
  end

  def test_the_last_page_has_no_next_page
    page = @stub.client.orders.list(limit: 10)

    refute page.has_more?
    assert_nil page.next_page
    assert_equal({ object: "list", data: IDS.map { |id| { order_id: id, amount: BigDecimal(1) } }, has_more: false }, page.to_h)
  end
end
