# frozen_string_literal: true

module Flux
  # Verifies the webhooks Flux sends: "Flux-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>".
  module Webhook
    DEFAULT_TOLERANCE = 300

    module_function

    # Checks the signature against the raw body exactly as received and returns the event. Raises
    # Flux::SignatureVerificationError when no v1 signature matches (a tampered body, the wrong secret) or when the
    # time is more than +tolerance+ seconds from now (a replayed webhook).
    def construct_event(payload, signature_header, secret, tolerance: DEFAULT_TOLERANCE, now: Time.now)
      raise SignatureVerificationError, "The payload must be the raw body as received (a String), not parsed JSON." unless payload.is_a?(String)
      raise SignatureVerificationError, "The webhook endpoint secret (whsec_…) is missing." if secret.to_s.empty?
      raise SignatureVerificationError, "The Flux-Signature header is missing." if signature_header.to_s.empty?

      timestamp, signatures = parse(signature_header)
      expected = sign(payload, secret, timestamp)
      unless signatures.any? { |signature| OpenSSL.secure_compare(signature.downcase, expected) }
        raise SignatureVerificationError, "No signature in the Flux-Signature header matches the body: check the endpoint secret and pass the raw body unchanged."
      end
      age = (now.to_i - timestamp).abs
      if age > tolerance
        raise SignatureVerificationError, "The signature's timestamp is #{age} s away from now, more than the tolerance of #{tolerance} s (a replayed or delayed webhook)."
      end

      Event.new(Wire.parse(payload))
    end

    # Signs a body as Flux does, for tests of a webhook handler: the Flux-Signature header's value.
    def generate_test_header(payload, secret, timestamp: Time.now.to_i)
      "t=#{timestamp},v1=#{sign(payload, secret, timestamp)}"
    end

    def parse(header)
      parts = header.split(",").map { |part| part.strip.split("=", 2) }
      timestamps = parts.select { |key, _| key == "t" }.map(&:last)
      signatures = parts.select { |key, _| key == "v1" }.map { |_, value| value.to_s }
      unless timestamps.size == 1 && timestamps.first.to_s.match?(/\A\d+\z/) && !signatures.empty?
        raise SignatureVerificationError, "The Flux-Signature header is not in the form t=<unix seconds>,v1=<hex signature>."
      end

      [Integer(timestamps.first, 10), signatures]
    end

    def sign(payload, secret, timestamp)
      OpenSSL::HMAC.hexdigest("SHA256", secret, "#{timestamp}.".b + payload.b)
    end
  end
end
