// A local Lambda Runtime API (version 2018-06-01) for the benchmarks. It hands out
// queued events on GET .../runtime/invocation/next and records, with performance.now()
// in milliseconds, when each event was sent and when its response or error arrived.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const PREFIX = '/2018-06-01/runtime/';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:glue-task-run-benchmark';
const DEADLINE_MS = 30_000;

export async function startRuntimeApi() {
  const queued = [];
  const parked = [];
  const pending = new Map();
  const nextCalls = [];
  const initErrors = [];

  function deliver(res, invocation) {
    invocation.nextSentAt = performance.now();
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': invocation.requestId,
      'Lambda-Runtime-Deadline-Ms': String(Date.now() + DEADLINE_MS),
      'Lambda-Runtime-Invoked-Function-Arn': FUNCTION_ARN,
      'Lambda-Runtime-Trace-Id': `Root=1-00000000-${invocation.requestId.replaceAll('-', '').slice(0, 24)};Sampled=0`,
    });
    res.end(invocation.body);
  }

  function finish(req, res, requestId, kind) {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const invocation = pending.get(requestId);
      res.writeHead(202, { 'Content-Type': 'application/json' });
      res.end('{"status":"OK"}');
      if (!invocation) {
        return;
      }
      pending.delete(requestId);
      invocation.resolve({
        requestId,
        kind,
        nextSentAt: invocation.nextSentAt,
        respondedAt: at,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    });
  }

  const server = http.createServer((req, res) => {
    const path = req.url.startsWith(PREFIX) ? req.url.slice(PREFIX.length) : null;
    if (req.method === 'GET' && path === 'invocation/next') {
      nextCalls.push(performance.now());
      const invocation = queued.shift();
      if (invocation) {
        deliver(res, invocation);
        return;
      }
      // Park the call until an event is queued, as Lambda does between invocations.
      const waiter = { res };
      parked.push(waiter);
      // The response's close event fires when the caller's connection goes away, for
      // example when the benchmark kills a process that was waiting here.
      res.on('close', () => {
        const index = parked.indexOf(waiter);
        if (index >= 0) {
          parked.splice(index, 1);
        }
      });
      return;
    }

    const match = req.method === 'POST' && path ? /^invocation\/([^/]+)\/(response|error)$/.exec(path) : null;
    if (match) {
      finish(req, res, decodeURIComponent(match[1]), match[2]);
      return;
    }

    if (req.method === 'POST' && path === 'init/error') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        initErrors.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(202);
        res.end();
      });
      return;
    }

    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end(`No Runtime API route for ${req.method} ${req.url}`);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    address: `127.0.0.1:${port}`,
    nextCalls,
    initErrors,

    /** Queues one event; resolves when its response or error has been posted. */
    invoke(event) {
      const body = typeof event === 'string' ? event : JSON.stringify(event);
      return new Promise((resolve) => {
        const invocation = { requestId: randomUUID(), body, resolve, nextSentAt: undefined };
        pending.set(invocation.requestId, invocation);
        let waiter = parked.shift();
        while (waiter && (waiter.res.destroyed || waiter.res.socket?.destroyed !== false)) {
          waiter = parked.shift();
        }
        if (waiter) {
          deliver(waiter.res, invocation);
        } else {
          queued.push(invocation);
        }
      });
    },

    /**
     * Closes the parked next calls. Call it after killing a process: its connection may
     * not look closed yet, and an event handed to it would be lost.
     */
    dropParked() {
      for (const waiter of parked.splice(0)) {
        waiter.res.destroy();
      }
    },

    /** Drops events that were never taken, for a process that died before its first next call. */
    clearQueue() {
      for (const invocation of queued.splice(0)) {
        pending.delete(invocation.requestId);
      }
    },

    async stop() {
      for (const waiter of parked.splice(0)) {
        waiter.res.destroy();
      }
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
