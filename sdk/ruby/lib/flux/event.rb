# frozen_string_literal: true

module Flux
  # An event envelope {id, object, type, created_at, livemode, data}, as handlers, events.list and
  # Webhook.construct_event give it: the data's fields read on the event itself (+event.order_id+,
  # +event.credits_remaining+) as well as on +event.data+.
  class Event < ApiObject
    def [](key)
      @values.key?(key.to_s) || !data.is_a?(ApiObject) ? super : data[key]
    end

    def key?(key)
      super || (data.is_a?(ApiObject) && data.key?(key))
    end

    def data
      @values["data"]
    end
  end
end
