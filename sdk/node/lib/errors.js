'use strict';

/**
 * An error from the Flux API, as the seed docs' "Handling Errors" sample reads it: `type` is the API's `error.code`
 * (`authentication_error`, `invalid_request`, `resource_not_found`, `idempotency_error`, `rate_limit_exceeded`, `api_error`).
 * Failures that never got an API answer use `api_connection_error`; bad webhook signatures
 * `signature_verification_error`.
 */
class FluxError extends Error {
  constructor({ type, message, param = null, requestId = null, statusCode = null, docsUrl = null, headers = null, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'FluxError';
    this.type = type;
    this.code = type;
    this.param = param;
    this.requestId = requestId;
    this.statusCode = statusCode;
    this.docsUrl = docsUrl;
    this.headers = headers;
  }

  /** The error a response carries, in the seed's shape `{"error":{"code","message","docs_url","param","request_id"}}`. */
  static fromResponse(status, body, headers) {
    const error = body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : null;
    return new FluxError({
      type: error?.code ?? (status >= 500 ? 'api_error' : 'invalid_request'),
      message: error?.message ?? `Flux answered HTTP ${status} without an error body.`,
      param: error?.param ?? null,
      requestId: error?.request_id ?? headers.get('request-id'),
      statusCode: status,
      docsUrl: error?.docs_url ?? null,
      headers: Object.fromEntries(headers.entries()),
    });
  }
}

class FluxSignatureVerificationError extends FluxError {
  constructor(message) {
    super({ type: 'signature_verification_error', message });
    this.name = 'FluxSignatureVerificationError';
  }
}

module.exports = { FluxError, FluxSignatureVerificationError };
