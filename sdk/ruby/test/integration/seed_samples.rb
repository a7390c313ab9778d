# frozen_string_literal: true

# The seed docs' samples in Ruby, as README.md shows them (test/unit/readme_test.rb keeps the two the same), each
# wrapped in a method so tests can run it. Filled in: the client (flux), the key and base URL of the Net::HTTP sample,
# and the Code Example's wallet placeholder YOUR_PI_WALLET.
module SeedSamples
  module_function

  # "Credit Usage Example".
  def credit_usage_example(flux)
    # Check your credit balance
    credits = flux.credits.get_balance
    puts "Credits remaining: #{credits.available}"
    # Monitor credit usage
    flux.on("credit.used") do |event|
      puts "Credit used for order #{event.order_id}"
      puts "Credits remaining: #{event.credits_remaining}"
    end
  end

  # "Code Example"; returns the button.
  def code_example(flux, your_pi_wallet)
    # Create an order button
    button = flux.buttons.create(
      amount: "10.0",
      merchant_wallet: your_pi_wallet, # Payments go directly here
      on_order_confirmed: lambda do |transaction|
        puts "Order confirmed! #{transaction.amount.to_s('F')}"
        puts "Transaction ID: #{transaction.id}"
        # Credit used for confirmation
        puts "Credits remaining: #{transaction.credits_remaining}"
      end
    )
    button
  end

  # "Authentication Code Samples"; returns what fetch_payments gives.
  def authentication_code_sample(api_key, base_url)
    # Using Net::HTTP with authentication header
    fetch_payments = lambda do
      uri = URI("#{base_url}/v1/payments")
      request = Net::HTTP::Get.new(uri)
      request["Authorization"] = "Bearer #{api_key}"
      request["Content-Type"] = "application/json"
      response = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https") { |http| http.request(request) }
      data = JSON.parse(response.body, decimal_class: BigDecimal) # amounts stay exact, never Float
      puts "Payments: #{data}"
      data
    rescue StandardError => e
      warn "Error fetching payments: #{e.message}"
    end
    fetch_payments.call
  end

  # "Handling Errors".
  def handling_errors(flux)
    begin
      payment = flux.payments.create(
        amount: "10.0",
        currency: "PI",
        description: "Premium subscription"
      )
      # Handle successful payment
      puts "Payment created: #{payment.order_id}"
    rescue Flux::AuthenticationError => e
      warn "Authentication failed: #{e.message}"
      # Handle authentication error
    rescue Flux::InvalidRequestError => e
      warn "Invalid request: #{e.message}"
      # Handle invalid parameters
    rescue Flux::RateLimitError
      warn "Rate limit exceeded. Try again later."
      # Implement backoff strategy
    rescue Flux::Error => e
      warn "Unexpected error: #{e.message}"
      # Handle other errors
    end
  end
end
