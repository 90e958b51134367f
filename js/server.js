// The server side, shared by the Node builds (emitted as pkg/server.mjs and pkg/server.cjs): the platform's
// error shape for a refused payload, and the Connect/Express-style middleware. Every verdict comes from the wasm
// core through `check`; JSON is written by the API's one exact writer (`stringify`).

// Reads at most `max` bytes; past that, stops keeping data (the core refuses such a body anyway).
function readBody(req, max) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c) => {
      size += c.length;
      if (size > max) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? { tooLarge: size } : { body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ body: Buffer.alloc(0) }));
  });
}

function errorResponse(report) {
  const first = report.errors[0] ?? { code: 'malformed', path: '', message: 'refused', topCode: 41 };
  const missing = first.code === 'missing';
  return {
    error_response: {
      code: missing ? 40 : 41,
      msg: missing ? 'Missing required arguments' : 'Invalid arguments',
      sub_code: `${missing ? 'isv.missing-parameter' : 'isv.invalid-parameter'}:${first.path}`,
      sub_msg: first.message,
      errors: report.errors,
    },
  };
}

function makeServer(api) {
  const send = (res, status, payload) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(api.stringify(payload));
  };
  function middleware(methodOrFn, options = {}) {
    const { maxInputBytes } = api.limits();
    if (typeof methodOrFn !== 'string' && typeof methodOrFn !== 'function') {
      throw new TypeError('middleware(methodOrFn): pass a method name or a function of the request');
    }
    return async function qimenPayload(req, res, next) {
      try {
        const method = typeof methodOrFn === 'function' ? methodOrFn(req) : methodOrFn;
        let body = req.body;
        // No body parser ran (or it left nothing): read the raw body ourselves.
        if (body === undefined && typeof req.on === 'function' && req.readable) {
          const read = await readBody(req, maxInputBytes);
          // Past the limit, hand the core a body of limit + 1 bytes: it answers too_large without parsing.
          body = read.tooLarge ? new Uint8Array(maxInputBytes + 1) : read.body;
        }
        if (body === undefined || body === null) body = '';
        const report = api.check(method ?? '', body);
        if (!report.ok || (options.strictWarnings && report.warnings.length > 0)) {
          const r = report.ok ? { ...report, errors: report.warnings } : report;
          const tooLarge = r.errors.some((e) => e.code === 'too_large');
          return send(res, tooLarge ? 413 : 400, errorResponse(r));
        }
        req.qimen = { method, value: report.value, warnings: report.warnings };
        next();
      } catch (e) {
        next(e);
      }
    };
  }
  return { middleware, errorResponse };
}
