# frozen_string_literal: true

require "io/wait"
require "socket"

# A stand-in for Flux on a free local port, on TCPServer (WEBrick left the standard library in Ruby 3). The block
# answers each request: StubServer.new { |exchange, request, number| exchange.json(200, "{}") }. Each connection is
# answered once and closed.
class StubServer
  Request = Struct.new(:method, :path, :headers, :body)

  # One request's connection: what the block answers with.
  class Exchange
    def initialize(socket)
      @socket = socket
    end

    def answer(status, body = "", headers = {})
      head = headers.merge("Content-Length" => body.bytesize.to_s, "Connection" => "close")
      @socket.write("HTTP/1.1 #{status} Stub\r\n#{head.map { |k, v| "#{k}: #{v}\r\n" }.join}\r\n#{body}")
    end

    def json(status, body, headers = {})
      answer(status, body, headers.merge("Content-Type" => "application/json"))
    end

    # Answers in the API's error shape.
    def error(status, code, param: nil, headers: {}, request_id: "req_Stub0000000000")
      body = { error: { code: code, message: "Answered by the stub (#{status}).", docs_url: "https://docs.flux.test/errors##{code}",
                        param: param, request_id: request_id } }
      json(status, JSON.generate(body), headers.merge("Request-Id" => request_id))
    end

    # Starts a Server-Sent Events answer (chunked, as Kestrel sends it).
    def open_stream
      @socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
      chunk("retry: 3000\n\n")
    end

    def frame(id, type, data)
      chunk("id: #{id}\nevent: #{type}\ndata: #{StubServer.event_json(id, type, data)}\n\n")
    end

    def chunk(text)
      @socket.write("#{text.bytesize.to_s(16)}\r\n#{text}\r\n")
      @socket.flush
    end

    # Closes the connection with no answer (or mid-answer), as a flaky network would.
    def drop
      @socket.close
    end

    # Keeps the connection open until the client leaves or the block is true.
    def hold(until_true = -> { false })
      sleep 0.01 until until_true.call || @socket.closed? || client_gone?
    end

    private

    def client_gone?
      @socket.wait_readable(0) && @socket.read_nonblock(1, exception: false).nil?
    rescue IOError, SystemCallError
      true
    end
  end

  def self.event_json(id, type, data)
    JSON.generate({ id: id, object: "event", type: type, created_at: "2026-11-25T16:00:00Z", livemode: false, data: data })
  end

  def initialize(&answer)
    @answer = answer
    @server = TCPServer.new("127.0.0.1", 0)
    @requests = []
    @mutex = Mutex.new
    @connections = []
    @acceptor = Thread.new { loop { serve_later(@server.accept) } }
  end

  def url
    "http://127.0.0.1:#{@server.addr[1]}"
  end

  def requests
    @mutex.synchronize { @requests.dup }
  end

  def client(**options)
    Flux::Client.new("sk_test_stub", base_url: url, initial_retry_delay: 0.01, **options)
  end

  def close
    @acceptor.kill
    @server.close
    @mutex.synchronize { @connections.dup }.each(&:kill)
  end

  private

  def serve_later(socket)
    thread = Thread.new do
      request = read_request(socket)
      number = @mutex.synchronize { (@requests << request).size }
      @answer.call(Exchange.new(socket), request, number)
    rescue IOError, SystemCallError
      # The client went away.
    ensure
      socket.close unless socket.closed?
    end
    @mutex.synchronize { @connections << thread }
  end

  def read_request(socket)
    method, path = socket.gets("\r\n").split
    headers = {}
    while (line = socket.gets("\r\n")) && line != "\r\n"
      name, value = line.chomp.split(": ", 2)
      headers[name.downcase] = value
    end
    body = socket.read(headers.fetch("content-length", "0").to_i)
    Request.new(method, path, headers, body)
  end
end
