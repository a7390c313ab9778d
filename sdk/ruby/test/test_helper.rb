# frozen_string_literal: true

# Loaded by every test file: minitest, the SDK from lib/ (ruby -Ilib -Itest …) and the stub Flux of the offline tests.
require "minitest/autorun"
require "flux-pi-sdk"
require_relative "stub_server"
