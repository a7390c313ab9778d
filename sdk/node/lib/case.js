'use strict';

// The API speaks snake_case, JavaScript camelCase: keys are converted both ways, values never (amounts stay numbers
// exactly as the API's JSON gives them).

const toCamel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const toSnake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function convertKeys(value, convert) {
  if (Array.isArray(value)) return value.map((item) => convertKeys(item, convert));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'function' || item === undefined) continue;
    out[convert(key)] = convertKeys(item, convert);
  }
  return out;
}

const camelize = (value) => convertKeys(value, toCamel);
const snakeize = (value) => convertKeys(value, toSnake);

module.exports = { camelize, snakeize };
