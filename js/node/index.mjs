// Node entry (ES module): the same instance as the CommonJS entry, so import and require share one module.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('./index.cjs');

export const {
  PayloadError, setLanguage, getLanguage, check, render, chunk, buildRequest, signParams, parseResponse, schema, fields, limits, memoryBytes, methods, example, middleware,
} = api;
export default api;
