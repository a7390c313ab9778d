# frozen_string_literal: true

module Flux
  # One shared Server-Sent Events connection to /v1/events/stream for every +flux.on+ handler, read on a thread of its
  # own. A dropped connection is opened again after a backoff with Last-Event-ID, so Flux replays what was missed.
  class EventStream
    MAX_RECONNECT_DELAY = 30.0
    # Flux sends a heartbeat every 15 s on an idle stream: a minute of silence is a connection that died unnoticed.
    IDLE_TIMEOUT = 60

    def initialize(http)
      @http = http
      @mutex = Mutex.new
      @changed = ConditionVariable.new
      @handlers = {}
      @last_event_id = nil
      @log_was_empty = false
      @thread = nil
      @generation = 0
      @open = false
      @failure = nil
    end

    def on(type, handler)
      @mutex.synchronize do
        (@handlers[type] ||= []) << handler
        start if type != "error" && @thread.nil?
      end
      handler
    end

    def off(type, handler = nil)
      thread = @mutex.synchronize do
        handlers = @handlers[type] || []
        handler ? handlers.delete(handler) : handlers.clear
        @handlers.delete(type) if handlers.empty?
        stop if (@handlers.keys - ["error"]).empty?
      end
      end_thread(thread)
    end

    def ready(timeout)
      deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + timeout
      @mutex.synchronize do
        loop do
          return true if @open
          raise @failure if @failure
          raise "No event handler is registered: call flux.on(type) { |event| … } first." if @thread.nil?

          remaining = deadline - Process.clock_gettime(Process::CLOCK_MONOTONIC)
          raise Timeout::Error, "The event stream did not open within #{timeout} s." if remaining <= 0

          @changed.wait(@mutex, remaining)
        end
      end
    end

    def close
      thread = @mutex.synchronize do
        @handlers.clear
        stop
      end
      end_thread(thread)
    end

    private

    # Under the lock. A thread left over from before a stop sees a newer generation and ends, so there is never a
    # second connection.
    def start
      @generation += 1
      @failure = nil
      generation = @generation
      @thread = Thread.new { run(generation) }
      @thread.name = "flux-pi-sdk events"
    end

    # Under the lock; gives the thread to end once the lock is released.
    def stop(failure = nil)
      @generation += 1
      @open = false
      @failure = failure
      @changed.broadcast
      thread = @thread
      @thread = nil
      thread
    end

    # A handler that closes the stream runs on its thread: that thread ends by itself once the handler returns.
    def end_thread(thread)
      return if thread.nil? || thread == Thread.current

      thread.kill
      thread.join(5)
    end

    def current?(generation)
      @generation == generation
    end

    def run(generation)
      find_start
      attempt = 0
      while current?(generation)
        begin
          catch_up_from_empty_log(generation)
          attempt = 0 if read_once(generation)
        rescue Error => e
          return refuse(generation, e) if e.http_status&.between?(400, 499) && e.http_status != 429

          report(e) if current?(generation)
        rescue *HttpClient::NETWORK_ERRORS
          # A dropped connection: reconnecting below resumes it.
        end
        return unless current?(generation)

        set_open(generation, false)
        sleep([Backoff.delay(attempt, @http.initial_retry_delay), MAX_RECONNECT_DELAY].min)
        attempt += 1
      end
    rescue StandardError => e
      report(e)
    end

    # Resumes after the newest event when the first handler was added, so nothing that happens from +on+ on is
    # missed even if the first connection takes a while. Best effort: without it the stream starts with the next event.
    def find_start
      return if @last_event_id

      page = @http.request(:get, "/v1/events", query: { limit: 1 })
      @last_event_id = page["data"].first&.fetch("id")
      @log_was_empty = page["data"].empty?
    rescue Error
      @log_was_empty = false
    end

    # With no event seen yet and an empty log at the start, every event now in the log happened after +on+: each is
    # delivered (oldest first) before connecting, and the connection then resumes after the last.
    def catch_up_from_empty_log(generation)
      return unless @last_event_id.nil? && @log_was_empty

      newest_first = []
      query = { limit: 100 }
      loop do
        page = @http.request(:get, "/v1/events", query: query)
        newest_first.concat(page["data"])
        break unless page["has_more"] && !page["data"].empty?

        query = { limit: 100, starting_after: page["data"].last["id"] }
      end
      newest_first.reverse_each { |envelope| deliver(generation, Event.new(envelope), envelope["id"]) }
    end

    # One connection, read until it ends; true when it delivered anything. An error answer is raised as Flux::Error.
    def read_once(generation)
      target = @http.uri("/v1/events/stream")
      request = Net::HTTP::Get.new(target, @http.headers("Accept" => "text/event-stream"))
      request["Last-Event-ID"] = @last_event_id if @last_event_id
      received = false
      @http.connect(target, read_timeout: IDLE_TIMEOUT) do |connection|
        connection.request(request) do |response|
          raise refused(response) unless response.code == "200"

          set_open(generation, true)
          parser = SseParser.new
          response.read_body do |chunk|
            parser.feed(chunk) do |frame|
              return received unless current?(generation)

              received = true
              dispatch(generation, frame)
            end
          end
        end
      end
      received
    end

    def refused(response)
      body = begin
        Wire.parse(response.read_body.to_s)
      rescue JSON::ParserError
        nil
      end
      Error.from_response(response.code.to_i, body, response.to_hash.transform_values(&:first))
    end

    def dispatch(generation, frame)
      envelope = Wire.parse(frame.data)
      deliver(generation, Event.new(envelope), frame.id)
    rescue JSON::ParserError => e
      report(APIError.new("The event stream sent data that is not JSON: #{e.message}"))
    end

    # Calls the event's handlers and the "*" ones outside the lock, so a handler may call on, off or close.
    def deliver(generation, event, id)
      handlers = @mutex.synchronize do
        return unless current?(generation)

        @last_event_id = id if id
        (@handlers[event.type] || []) + (@handlers["*"] || [])
      end
      handlers.each do |handler|
        handler.call(event)
      rescue StandardError => e
        report(e)
      end
    end

    def set_open(generation, open)
      @mutex.synchronize do
        next unless current?(generation) && @open != open

        @open = open
        @changed.broadcast
      end
    end

    # A 4xx other than 429 ends the stream: a wrong key does not get better by retrying.
    def refuse(generation, error)
      @mutex.synchronize { stop(error) if current?(generation) }
      report(error)
    end

    # Errors go to +flux.on("error")+ handlers, or to $stderr when there are none.
    def report(error)
      handlers = @mutex.synchronize { (@handlers["error"] || []).dup }
      return warn("flux-pi-sdk event stream: #{error.class}: #{error.message}") if handlers.empty?

      handlers.each { |handler| handler.call(error) }
    end
  end
end
