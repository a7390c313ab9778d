# frozen_string_literal: true

require_relative "lib/flux/version"

Gem::Specification.new do |spec|
  spec.name = "flux-pi-sdk"
  spec.version = Flux::VERSION
  spec.summary = "Ruby SDK for Flux: Pi order confirmations, credits, order buttons, events and webhooks."
  spec.description = "Confirm Pi orders, watch credits, create order buttons, request verified reviews, follow events " \
                     "live and verify webhooks. Standard library only; amounts are BigDecimal, never Float."
  spec.authors = ["Flux"]
  spec.license = "MIT"
  spec.homepage = "https://api.flux.io/docs/sdks"
  spec.required_ruby_version = ">= 3.1"
  spec.files = Dir.chdir(__dir__) { Dir["lib/**/*.rb"] + ["README.md", "flux-pi-sdk.gemspec"] }
  spec.require_paths = ["lib"]
  spec.metadata["rubygems_mfa_required"] = "true"
end
