# frozen_string_literal: true

module Flux
  VERSION = "0.1.0"
end
