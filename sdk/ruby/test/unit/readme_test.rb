# frozen_string_literal: true

require "test_helper"

# README.md shows the seed docs' samples as test/integration/seed_samples.rb runs them, with the placeholders the seed
# uses where the tests pass their own key, base URL and wallet.
class ReadmeTest < Minitest::Test
  ROOT = File.expand_path("../..", __dir__)
  SAMPLES = {
    "Credit Usage Example" => "credit_usage_example",
    "Code Example" => "code_example",
    "Authentication Code Samples" => "authentication_code_sample",
    "Handling Errors" => "handling_errors"
  }.freeze
  PLACEHOLDERS = {
    'URI("#{base_url}/v1/payments")' => 'URI("https://api.flux.io/v1/payments")',
    '"Bearer #{api_key}"' => '"Bearer YOUR_API_KEY"',
    "merchant_wallet: your_pi_wallet," => 'merchant_wallet: "YOUR_PI_WALLET",'
  }.freeze

  def test_the_readme_shows_the_tested_samples
    readme = File.read(File.join(ROOT, "README.md"))
    samples = File.read(File.join(ROOT, "test/integration/seed_samples.rb"))

    SAMPLES.each do |heading, method|
      shown = readme[/^## #{heading}\n.*?```ruby\n(.*?)```/m, 1]
      body = samples[/^  def #{method}\(.*?\)\n(.*?)^  end\n/m, 1]
      refute_nil shown, "README.md has no #{heading} sample"
      refute_nil body, "seed_samples.rb has no #{method}"
      tested = PLACEHOLDERS.reduce(body.gsub(/^    /, "")) { |text, (real, placeholder)| text.gsub(real, placeholder) }
      assert_includes tested, shown, "README.md's #{heading} is not what #{method} runs"
    end
  end
end
