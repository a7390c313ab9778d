'use strict';

// The seed docs' Node samples, verbatim (their own indentation, none), each wrapped in a function so tests can run it.
// Filled in: the key and base URL (the caller's `flux`, or apiKey/baseUrl for the fetch sample) and, in the Code
// Example, the docs' wallet placeholder YOUR_PI_WALLET (the test merchant's wallet).

/** "Credit Usage Example". */
async function creditUsageExample(flux) {
// Check your credit balance
const credits = await flux.credits.getBalance();
console.log(`Credits remaining: ${credits.available}`);
// Monitor credit usage
flux.on('credit.used', (event) => {
console.log(`Credit used for order ${event.orderId}`);
console.log(`Credits remaining: ${event.creditsRemaining}`);
});
}

/** "Code Example"; returns the button. */
async function codeExample(flux, YOUR_PI_WALLET) {
// Create an order button
const button = await flux.buttons.create({
amount: 10.0,
merchantWallet: YOUR_PI_WALLET, // Payments go directly here
onOrderConfirmed: (transaction) => {
console.log('Order confirmed!', transaction.amount);
console.log('Transaction ID:', transaction.id);
// Credit used for confirmation
console.log('Credits remaining:', transaction.creditsRemaining);
}
});
return button;
}

/** "Authentication Code Samples"; returns what fetchPayments() resolves to. */
async function authenticationCodeSample(apiKey, baseUrl) {
// Using fetch API with authentication header
const fetchPayments = async () => {
try {
const response = await fetch(`${baseUrl}/v1/payments`, {
method: 'GET',
headers: {
'Authorization': `Bearer ${apiKey}`,
'Content-Type': 'application/json'
}
});
const data = await response.json();
console.log('Payments:', data);
return data;
} catch (error) {
console.error('Error fetching payments:', error);
}
};
return fetchPayments();
}

/** "Handling Errors". */
async function handlingErrors(flux) {
try {
const payment = await flux.payments.create({
amount: 10.0,
currency: 'PI',
description: 'Premium subscription'
});
// Handle successful payment
} catch (error) {
if (error.type === 'authentication_error') {
console.error('Authentication failed:', error.message);
// Handle authentication error
} else if (error.type === 'invalid_request') {
console.error('Invalid request:', error.message);
// Handle invalid parameters
} else if (error.type === 'rate_limit_exceeded') {
console.error('Rate limit exceeded. Try again later.');
// Implement backoff strategy
} else {
console.error('Unexpected error:', error.message);
// Handle other errors
}
}
}

module.exports = { creditUsageExample, codeExample, authenticationCodeSample, handlingErrors };
