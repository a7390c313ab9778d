# frozen_string_literal: true

module Flux
  # Sends API requests: JSON bodies, the key as a Bearer token, an Idempotency-Key on every POST (one per call, the
  # same on each of its retries), and retries after network errors, 409, 429 and 5xx.
  class HttpClient
    RETRYABLE_STATUSES = [409, 429, 500, 502, 503, 504].freeze
    NETWORK_ERRORS = [SocketError, SystemCallError, IOError, Timeout::Error, OpenSSL::SSL::SSLError, Net::HTTPBadResponse].freeze
    USER_AGENT = "flux-pi-sdk (ruby)"

    attr_reader :base_url, :initial_retry_delay

    def initialize(api_key:, base_url:, max_network_retries:, initial_retry_delay:, timeout:)
      @api_key = api_key
      @base_url = base_url
      @max_network_retries = max_network_retries
      @initial_retry_delay = initial_retry_delay
      @timeout = timeout
    end

    def uri(path, query = nil)
      uri = URI(base_url + path)
      pairs = Query.pairs(query || {})
      uri.query = URI.encode_www_form(pairs) unless pairs.empty?
      uri
    end

    def headers(extra = {})
      { "Authorization" => "Bearer #{@api_key}", "User-Agent" => USER_AGENT }.merge(extra)
    end

    # Opens a connection to Flux for one request; Net::HTTP's own retry is off so every attempt is counted here.
    def connect(uri, read_timeout: @timeout, &block)
      Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https", open_timeout: @timeout,
                                          read_timeout: read_timeout, write_timeout: @timeout, max_retries: 0, &block)
    end

    # One logical call: the parsed answer (a Hash with string keys), or a Flux::Error.
    def request(method, path, query: nil, body: nil, idempotency_key: nil)
      target = uri(path, query)
      request = build(method, target, body, idempotency_key)
      attempt = 0
      loop do
        response = send_once(target, request, attempt)
        if response.nil?
          attempt += 1
          next
        end
        status = response.code.to_i
        return parse(response) if status.between?(200, 299)

        if RETRYABLE_STATUSES.include?(status) && attempt < @max_network_retries
          sleep(Backoff.retry_after(response["retry-after"]) || Backoff.delay(attempt, @initial_retry_delay))
          attempt += 1
          next
        end
        raise Error.from_response(status, parse_error_body(response.body), response.to_hash.transform_values(&:first))
      end
    end

    private

    def build(method, target, body, idempotency_key)
      request = Net::HTTPGenericRequest.new(method.to_s.upcase, method == :post, true, target.request_uri,
                                            headers("Accept" => "application/json"))
      if method == :post
        request["Content-Type"] = "application/json"
        request["Idempotency-Key"] = idempotency_key || SecureRandom.uuid
        request.body = Wire.generate(body || {})
      end
      request
    end

    # The answer, or nil after a network error that leaves a retry (slept off already).
    def send_once(target, request, attempt)
      connect(target) { |http| http.request(request) }
    rescue *NETWORK_ERRORS => e
      if attempt < @max_network_retries
        sleep(Backoff.delay(attempt, @initial_retry_delay))
        return nil
      end
      raise APIConnectionError, "Could not reach Flux at #{base_url} (#{e.class}: #{e.message}) after #{attempt + 1} attempt(s)."
    end

    def parse(response)
      body = response.body.to_s
      body.empty? ? {} : Wire.parse(body)
    rescue JSON::ParserError => e
      raise APIConnectionError.new("Flux's answer could not be read: #{e.message}", http_status: response.code.to_i,
                                                                                     request_id: response["request-id"])
    end

    def parse_error_body(body)
      Wire.parse(body.to_s)
    rescue JSON::ParserError
      nil
    end
  end
end
