# frozen_string_literal: true

module Flux
  # Query parameters as the API names them: a nested Hash is +key[sub]+ (+created: { gte: t }+ is +created[gte]+, as
  # Stripe's SDKs send it), a Time is ISO 8601 in UTC to the second (the API takes no finer time); nil values are left
  # out.
  module Query
    module_function

    # [name, text] pairs for URI.encode_www_form.
    def pairs(params, prefix = nil)
      params.flat_map do |key, value|
        name = prefix ? "#{prefix}[#{key}]" : key.to_s
        case value
        when nil then []
        when Hash then pairs(value, name)
        when Time then [[name, value.getutc.iso8601]]
        else [[name, value.to_s]]
        end
      end
    end
  end
end
