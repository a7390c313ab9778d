# frozen_string_literal: true

module Flux
  DEFAULT_BASE_URL = "https://api.flux.io"

  # The Flux API client: +Flux::Client.new(api_key, base_url:)+. The key defaults to ENV["FLUX_API_KEY"]; the base URL
  # to ENV["FLUX_BASE_URL"], else the hosted service.
  class Client
    attr_reader :orders, :payments, :refunds, :credits, :buttons, :payment_links, :wallets, :reviews, :events, :webhook_endpoints

    # max_network_retries: retries after a network error, 409, 429 or 5xx. initial_retry_delay: the first retry's
    # delay in seconds, doubled each retry (with jitter, at most 8 s); a Retry-After header wins. timeout: seconds
    # each attempt may take.
    def initialize(api_key = ENV.fetch("FLUX_API_KEY", nil), base_url: nil, max_network_retries: 2, initial_retry_delay: 0.5, timeout: 80)
      if api_key.to_s.strip.empty?
        raise AuthenticationError, "No API key given: Flux::Client.new(api_key) needs your sk_test_… or sk_live_… key (or set FLUX_API_KEY)."
      end

      base_url ||= ENV["FLUX_BASE_URL"].to_s.empty? ? DEFAULT_BASE_URL : ENV["FLUX_BASE_URL"]
      @http = HttpClient.new(api_key: api_key.strip, base_url: base_url.sub(%r{/+\z}, ""), max_network_retries: max_network_retries,
                             initial_retry_delay: initial_retry_delay, timeout: timeout)
      @stream = EventStream.new(@http)
      @orders = Orders.new(@http)
      @payments = Payments.new(@http)
      @refunds = Refunds.new(@http)
      @credits = Credits.new(@http)
      @buttons = Buttons.new(@http, @stream)
      @payment_links = PaymentLinks.new(@http)
      @wallets = Wallets.new(@http)
      @reviews = Reviews.new(@http)
      @events = Events.new(@http)
      @webhook_endpoints = WebhookEndpoints.new(@http)
    end

    def base_url
      @http.base_url
    end

    # Calls the block for each event of this type ("*": every type; "error": what goes wrong on the stream) from
    # GET /v1/events/stream, on the stream's thread. Returns the block, for +off+.
    def on(type, &handler)
      raise ArgumentError, "flux.on(type) needs a block: flux.on(\"credit.used\") { |event| … }" unless handler

      @stream.on(type, handler)
    end

    # Removes a handler (or every handler of the type); the stream closes when no event handler is left.
    def off(type, handler = nil)
      @stream.off(type, handler)
      self
    end

    # Waits until the event stream is open (handlers get every event from then on); raises the stream's error when
    # Flux refused it (a wrong key), Timeout::Error after +timeout+ seconds.
    def ready(timeout: 30)
      @stream.ready(timeout)
    end

    # Closes the event stream and removes every handler; requests still work.
    def close
      @stream.close
      self
    end

    # Without the key: an inspected client ends up in logs.
    def inspect
      "#<#{self.class} base_url=#{base_url.inspect}>"
    end
  end
end
