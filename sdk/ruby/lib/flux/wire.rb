# frozen_string_literal: true

module Flux
  # JSON as the API speaks it, with amounts exact both ways: they leave as JSON numbers written digit for digit from
  # a String, Integer or BigDecimal (a Float is refused: money is never a float) and come back as BigDecimal.
  module Wire
    # The fields that hold amounts of Pi, in requests, answers and event data.
    AMOUNT_FIELDS = %w[amount amount_received amount_due amount_min amount_max price overpayment].freeze
    # A decimal as JSON writes numbers (no leading zeros, no exponent): "10", "0.5", "-1.25".
    DECIMAL = /\A-?(0|[1-9]\d*)(\.\d+)?\z/

    # A JSON number exactly as written: JSON.generate puts what to_json returns into the document as it is.
    RawNumber = Struct.new(:text) do
      def to_json(*)
        text
      end
    end

    module_function

    # Parses an answer: every number with a decimal point is a BigDecimal, and an amount is one even when the API
    # wrote it without one (10).
    def parse(text)
      exact_amounts(JSON.parse(text, decimal_class: BigDecimal))
    end

    # The JSON body for request parameters (symbol or string keys); nil values are left out.
    def generate(params)
      JSON.generate(encode(params))
    end

    def encode(value, key = nil)
      case value
      when Hash
        value.each_with_object({}) { |(k, v), out| out[k.to_s] = encode(v, k.to_s) unless v.nil? }
      when Array
        value.map { |item| encode(item) }
      else
        AMOUNT_FIELDS.include?(key) || value.is_a?(BigDecimal) ? RawNumber.new(amount_text(value, key)) : value
      end
    end

    def amount_text(value, key)
      case value
      when Integer then value.to_s
      when BigDecimal
        raise ArgumentError, "#{key} is #{value}: an amount must be a finite number." unless value.finite?

        value.to_s("F").delete_suffix(".0")
      when String
        return value if DECIMAL.match?(value)

        raise ArgumentError, "#{key} is #{value.inspect}: write an amount as a decimal such as \"10.5\"."
      when Float
        raise ArgumentError, "#{key} is the Float #{value}: amounts of Pi must be exact; pass \"#{value}\" or BigDecimal(\"#{value}\")."
      else
        raise ArgumentError, "#{key} is #{value.inspect}: pass an amount as a String (\"10.5\"), an Integer or a BigDecimal."
      end
    end

    def exact_amounts(value, key = nil)
      case value
      when Hash then value.to_h { |k, v| [k, exact_amounts(v, k)] }
      when Array then value.map { |item| exact_amounts(item) }
      when Integer then AMOUNT_FIELDS.include?(key) ? BigDecimal(value) : value
      else value
      end
    end
  end
end
