# frozen_string_literal: true

require "test_helper"

# Flux::Webhook.construct_event checks "Flux-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>". The
# signatures here are made with OpenSSL directly, as Flux makes them, not with the SDK.
class WebhookTest < Minitest::Test
  SECRET = "whsec_TestSecret0123456789abcdefXYZ"
  BODY = StubServer.event_json("evt_3kTqV9f2LmN8pQ1r", "credit.used", { order_id: "ord_8f7sd6f876dsf", credits_remaining: 99 })

  def sign(body, time, secret = SECRET)
    "t=#{time},v1=#{OpenSSL::HMAC.hexdigest('SHA256', secret, "#{time}.#{body}")}"
  end

  def now
    Time.now.to_i
  end

  def refused(message, &block)
    error = assert_raises(Flux::SignatureVerificationError, &block)
    assert_equal "signature_verification_error", error.type
    assert_match message, error.message
  end

  def test_a_correctly_signed_body_gives_the_event
    event = Flux::Webhook.construct_event(BODY, sign(BODY, now), SECRET)

    assert_instance_of Flux::Event, event
    assert_equal ["evt_3kTqV9f2LmN8pQ1r", "credit.used", "ord_8f7sd6f876dsf", 99], [event.id, event.type, event.order_id, event.credits_remaining]
  end

  def test_several_v1_signatures_pass_when_one_matches
    time = now
    header = "#{sign(BODY, time, 'whsec_old')},v1=#{sign(BODY, time).split('v1=').last}"

    assert_equal "ord_8f7sd6f876dsf", Flux::Webhook.construct_event(BODY, header, SECRET).order_id
  end

  def test_a_tampered_body_is_refused
    header = sign(BODY, now)
    refused(/matches the body/) { Flux::Webhook.construct_event(BODY.sub('"credits_remaining":99', '"credits_remaining":999'), header, SECRET) }
  end

  def test_another_secrets_signature_is_refused
    refused(/matches the body/) { Flux::Webhook.construct_event(BODY, sign(BODY, now, "whsec_other"), SECRET) }
  end

  def test_a_signature_older_than_the_tolerance_is_refused
    old = sign(BODY, now - 301)

    refused(/tolerance of 300 s/) { Flux::Webhook.construct_event(BODY, old, SECRET) }
    assert_equal "credit.used", Flux::Webhook.construct_event(BODY, old, SECRET, tolerance: 600).type
    refused(/tolerance of 60 s/) { Flux::Webhook.construct_event(BODY, sign(BODY, now - 61), SECRET, tolerance: 60) }
  end

  def test_a_time_changed_in_the_header_breaks_the_signature
    time = now
    refused(/matches the body/) { Flux::Webhook.construct_event(BODY, sign(BODY, time).sub("t=#{time}", "t=#{time + 1}"), SECRET) }
  end

  def test_missing_or_malformed_headers_secrets_and_parsed_bodies_are_refused_clearly
    refused(/header is missing/) { Flux::Webhook.construct_event(BODY, nil, SECRET) }
    refused(%r{t=<unix seconds>,v1=<hex signature>}) { Flux::Webhook.construct_event(BODY, "v1=abc", SECRET) }
    refused(%r{t=<unix seconds>,v1=<hex signature>}) { Flux::Webhook.construct_event(BODY, "t=#{now}", SECRET) }
    refused(/secret/) { Flux::Webhook.construct_event(BODY, sign(BODY, now), "") }
    refused(/raw body/) { Flux::Webhook.construct_event(JSON.parse(BODY), sign(BODY, now), SECRET) }
  end

  def test_generate_test_header_signs_as_flux_does
    assert_equal sign(BODY, 1_764_086_400), Flux::Webhook.generate_test_header(BODY, SECRET, timestamp: 1_764_086_400)
  end
end
