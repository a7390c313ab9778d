'use strict';

const { camelize } = require('./case');

/**
 * An event envelope `{id, object:"event", type, created_at, livemode, data}` as handlers receive it: the data's fields
 * in camelCase at the top (`event.orderId`, `event.creditsRemaining`), with `id`, `type`, `createdAt`, `livemode` and
 * the whole `data` beside them. Takes the envelope in either case (camelCase keys stay as they are).
 */
function toEvent(envelope) {
  const { id, type, createdAt, livemode, data = {} } = camelize(envelope);
  return { ...data, id, type, createdAt, livemode, data };
}

module.exports = { toEvent };
