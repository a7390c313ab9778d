'use strict';

const { camelize } = require('./case');

/**
 * An event envelope `{id, object:"event", type, created_at, livemode, data}` as handlers receive it: the data's fields
 * in camelCase at the top (`event.orderId`, `event.creditsRemaining`), with `id`, `type`, `createdAt`, `livemode` and
 * the whole `data` beside them.
 */
function toEvent(envelope) {
  const data = camelize(envelope.data ?? {});
  return { ...data, id: envelope.id, type: envelope.type, createdAt: envelope.created_at, livemode: envelope.livemode, data };
}

module.exports = { toEvent };
