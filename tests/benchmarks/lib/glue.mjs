// Starts local-glue and a timing proxy in front of it. The proxy forwards every request
// unchanged (the SigV4 signature covers the headers, so they pass through as received)
// and records when each request arrived and when its response was written back. That
// interval is the Glue round trip measured from the client's side, without the work the
// client does before sending and after receiving.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { localGlueEnv } from './env.mjs';

export async function startLocalGlue(dll, { timeScale = 1 } = {}) {
  const child = spawn('dotnet', [dll, '--port', '0', '--time-scale', String(timeScale)], {
    env: localGlueEnv(),
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('local-glue did not report its address within 30 seconds')), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local-glue exited with code ${code} before it was ready`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^local-glue listening on (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export async function startGlueProxy(upstreamUrl) {
  const upstream = new URL(upstreamUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const records = [];

  const server = http.createServer((req, res) => {
    const record = { start: performance.now(), end: undefined, target: req.headers['x-amz-target'], status: 0 };
    const headers = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers[req.rawHeaders[i]] = req.rawHeaders[i + 1];
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent },
      (upstreamResponse) => {
        record.status = upstreamResponse.statusCode;
        res.writeHead(upstreamResponse.statusCode, upstreamResponse.headers);
        upstreamResponse.pipe(res);
        upstreamResponse.on('end', () => {
          record.end = performance.now();
          records.push(record);
        });
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`The benchmark proxy could not reach local-glue: ${error.message}`);
    });
    req.pipe(forward);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    records,
    async stop() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
