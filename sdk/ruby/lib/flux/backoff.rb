# frozen_string_literal: true

module Flux
  # When to retry: exponential backoff with jitter, or the Retry-After a 429 names.
  module Backoff
    MAX_DELAY = 8.0
    MAX_RETRY_AFTER = 60.0

    module_function

    # About 0.5 s, 1 s, 2 s … up to 8 s for a 0.5 s initial delay; the jitter keeps clients refused together from
    # retrying together.
    def delay(attempt, initial)
      base = [initial * (2**attempt), MAX_DELAY].min
      (base / 2) + (rand * base / 2)
    end

    # Retry-After in seconds or as an HTTP date, in seconds (at most 60); nil when absent or unreadable.
    def retry_after(value, now: Time.now)
      return nil if value.nil? || value.empty?

      seconds = Float(value, exception: false) || begin
        Time.httpdate(value) - now
      rescue ArgumentError
        nil
      end
      seconds&.clamp(0.0, MAX_RETRY_AFTER)
    end
  end
end
