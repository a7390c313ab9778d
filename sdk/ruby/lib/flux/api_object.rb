# frozen_string_literal: true

module Flux
  # An object of the API (an order, a balance, a button, …): its fields read as methods or with [] in the API's own
  # snake_case (+order.order_id+, +order[:status]+); nested objects are ApiObjects too; amounts are BigDecimal.
  class ApiObject
    def self.wrap(value)
      case value
      when Hash then new(value)
      when Array then value.map { |item| wrap(item) }
      else value
      end
    end

    def initialize(values)
      @values = values.to_h { |key, value| [key.to_s, self.class.wrap(value)] }
    end

    def [](key)
      @values[key.to_s]
    end

    def key?(key)
      @values.key?(key.to_s)
    end

    def keys
      @values.keys.map(&:to_sym)
    end

    # The fields as a Hash with symbol keys, nested objects included.
    def to_h
      @values.to_h { |key, value| [key.to_sym, self.class.unwrap(value)] }
    end

    def self.unwrap(value)
      case value
      when ApiObject then value.to_h
      when Array then value.map { |item| unwrap(item) }
      else value
      end
    end

    def ==(other)
      other.is_a?(ApiObject) && other.to_h == to_h
    end
    alias eql? ==

    def hash
      to_h.hash
    end

    def inspect
      "#<#{self.class} #{to_h.inspect}>"
    end

    def method_missing(name, *args)
      key?(name) && args.empty? ? self[name] : super
    end

    def respond_to_missing?(name, include_private = false)
      key?(name) || super
    end
  end
end
