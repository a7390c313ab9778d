# frozen_string_literal: true

module Flux
  # Reads Server-Sent Events from the chunks of a response: lines end in \n, \r\n or \r, a blank line ends a frame.
  # Only a frame's id and data matter here (the data, an event envelope, names its own type).
  class SseParser
    Frame = Struct.new(:id, :data)

    def initialize
      @buffer = +""
      @id = nil
      @data = []
    end

    # Feeds one chunk; yields each frame it completes.
    def feed(chunk)
      @buffer << chunk.b
      while (line = next_line)
        frame = read(line.force_encoding(Encoding::UTF_8))
        yield frame if frame
      end
    end

    private

    def next_line
      index = @buffer.index(/[\r\n]/)
      return nil if index.nil?
      # A \r at the end of what arrived may be the first half of \r\n: wait for the next chunk.
      return nil if @buffer[index] == "\r" && index == @buffer.length - 1

      ending = @buffer[index, 2] == "\r\n" ? 2 : 1
      line = @buffer[0, index]
      @buffer = @buffer[(index + ending)..]
      line
    end

    def read(line)
      return finish if line.empty?
      return nil if line.start_with?(":")

      field, value = line.split(":", 2)
      value = value.to_s.delete_prefix(" ")
      case field
      when "data" then @data << value
      when "id" then @id = value
      end
      nil
    end

    def finish
      frame = Frame.new(@id, @data.join("\n")) unless @data.empty?
      @id = nil
      @data = []
      frame
    end
  end
end
