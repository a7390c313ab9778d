# frozen_string_literal: true

# The official Ruby SDK for Flux: require "flux-pi-sdk", then Flux::Client.new(api_key).
require "bigdecimal"
require "json"
require "net/http"
require "openssl"
require "securerandom"
require "time"
require "uri"

require_relative "flux/version"
require_relative "flux/errors"
require_relative "flux/wire"
require_relative "flux/api_object"
require_relative "flux/event"
require_relative "flux/list_object"
require_relative "flux/backoff"
require_relative "flux/http_client"
require_relative "flux/sse_parser"
require_relative "flux/event_stream"
require_relative "flux/resources"
require_relative "flux/webhook"
require_relative "flux/client"
