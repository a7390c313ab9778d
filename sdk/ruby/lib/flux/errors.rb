# frozen_string_literal: true

module Flux
  # Every failure of the SDK, as the seed docs' "Handling Errors" reads it: +type+ is the API's error.code, with a
  # subclass per type so +rescue Flux::RateLimitError+ works. Failures that never got an answer are
  # APIConnectionError; bad webhook signatures SignatureVerificationError.
  class Error < StandardError
    attr_reader :type, :param, :request_id, :http_status, :docs_url, :http_headers

    def initialize(message = nil, type: nil, param: nil, request_id: nil, http_status: nil, docs_url: nil, http_headers: nil)
      super(message)
      @type = type || self.class.type
      @param = param
      @request_id = request_id
      @http_status = http_status
      @docs_url = docs_url
      @http_headers = http_headers
    end

    class << self
      # The error code this class stands for (nil for Flux::Error itself).
      attr_reader :type

      # The class for an error code; Flux::Error for a code this SDK does not know yet.
      def for_type(type)
        TYPES.fetch(type, Error)
      end

      # The error an answer carries, in the seed's shape {"error":{"code","message","docs_url","param","request_id"}}.
      def from_response(status, body, headers)
        error = body.is_a?(Hash) && body["error"].is_a?(Hash) ? body["error"] : {}
        type = error["code"] || (status >= 500 ? "api_error" : "invalid_request")
        for_type(type).new(
          error["message"] || "Flux answered HTTP #{status} without an error body.",
          type: type, param: error["param"], request_id: error["request_id"] || headers["request-id"],
          http_status: status, docs_url: error["docs_url"], http_headers: headers
        )
      end

      protected

      def stands_for(type)
        @type = type
      end
    end
  end

  class AuthenticationError < Error; stands_for "authentication_error"; end
  class InvalidRequestError < Error; stands_for "invalid_request"; end
  class ResourceNotFoundError < Error; stands_for "resource_not_found"; end
  class RateLimitError < Error; stands_for "rate_limit_exceeded"; end
  class APIError < Error; stands_for "api_error"; end
  # Flux could not be reached, or its answer could not be read, after the retries.
  class APIConnectionError < Error; stands_for "api_connection_error"; end
  # A webhook's Flux-Signature does not match its body, or is too old.
  class SignatureVerificationError < Error; stands_for "signature_verification_error"; end

  Error::TYPES = [AuthenticationError, InvalidRequestError, ResourceNotFoundError, RateLimitError, APIError,
                  APIConnectionError, SignatureVerificationError].to_h { |klass| [klass.type, klass] }.freeze
end
