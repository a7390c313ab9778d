# frozen_string_literal: true

module Flux
  # A page of a list, as +list+ calls return it: Enumerable over this page's items, with +has_more+.
  # +auto_paging_each+ walks every item of every page, asking for the next page with starting_after only when the
  # items before are used up (without a block it is a lazy Enumerator: +list.auto_paging_each.first(250)+).
  class ListObject
    include Enumerable

    attr_reader :data

    # fetch_page: a callable taking the query Hash and giving the next ListObject; id_field: the items' id field.
    def initialize(page, params:, id_field:, fetch_page:)
      @data = ApiObject.wrap(page.fetch("data"))
      @has_more = page.fetch("has_more")
      @params = params
      @id_field = id_field
      @fetch_page = fetch_page
    end

    def object
      "list"
    end

    def has_more
      @has_more
    end
    alias has_more? has_more

    def each(&block)
      data.each(&block)
      self
    end

    # The page after this one, or nil when this is the last.
    def next_page
      return nil unless has_more? && !data.empty?

      @fetch_page.call(@params.except(:ending_before).merge(starting_after: data.last[@id_field]))
    end

    def auto_paging_each(&block)
      return enum_for(:auto_paging_each) unless block

      page = self
      while page
        page.each(&block)
        page = page.next_page
      end
    end

    def to_h
      { object: object, data: data.map { |item| ApiObject.unwrap(item) }, has_more: has_more }
    end

    def inspect
      "#<#{self.class} #{to_h.inspect}>"
    end
  end
end
