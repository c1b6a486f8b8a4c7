// What every Node client script of `cargo xtask interop` shares: the run's configuration, one
// JSON line per check, a time bound per check, and a record of the requests each check made.
//
// The configuration (the file named by the first argument) lists, per framework, the servers
// `oidc-discovery serve` runs (`null`, with the reason in `errors`, when one did not start):
//   { "frameworks": [ { "name": "axum",
//       "example": { "url": "http://127.0.0.1:P", "issuer": "http://127.0.0.1:P" },
//       "https": { "url": "http://127.0.0.1:Q", "issuer": "https://…" },
//       "resource": { "url": "http://127.0.0.1:R", "resource": "http://127.0.0.1:R/mcp",
//                     "authorization_servers": ["http://127.0.0.1:P"] },
//       "errors": { "resource": "…" } } ] }

import { readFileSync } from 'node:fs';

export const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

/** The installed version of an npm package (from its package.json). */
export function version(name) {
  const url = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')).version;
}

/** How long one check may take, requests included. */
const CHECK_MS = 20_000;
/** How long one request may take. */
export const REQUEST_MS = 10_000;

// Every request a check makes, with the answer's status and content type, for its detail line.
let requests = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const signal = init?.signal ?? AbortSignal.timeout(REQUEST_MS);
  const headers = [...new Headers(init?.headers ?? {}).entries()].map(([name, value]) => `${name}: ${value}`);
  const entry = `${init?.method ?? 'GET'} ${url.pathname}${url.search} (${headers.join(', ') || 'no headers'})`;
  try {
    const response = await realFetch(input, { ...init, signal });
    requests.push(`${entry} → ${response.status} ${response.headers.get('content-type') ?? '(no content type)'}`);
    return response;
  } catch (error) {
    requests.push(`${entry} → ${describe(error)}`);
    throw error;
  }
};

/** An error as one line: its message and code, and the causes behind it. */
export function describe(error) {
  const parts = [];
  for (let e = error; e !== undefined && e !== null && parts.length < 4; e = e.cause) {
    if (e instanceof Error) {
      parts.push(typeof e.code === 'string' ? `${e.message} (${e.code})` : e.message);
    } else if (e instanceof Response) {
      parts.push(`HTTP ${e.status}`);
      break;
    } else if (typeof e === 'object' && 'attribute' in e) {
      parts.push(`${e.attribute} expected ${JSON.stringify(e.expected)}`);
      break;
    } else {
      parts.push(typeof e === 'object' ? JSON.stringify(e) : String(e));
      break;
    }
  }
  return parts.join(': ').replace(/\s+/g, ' ');
}

/**
 * Runs one check against one framework's server of kind `needs` and prints its JSON line:
 * accepted when `run(server)` returns (its value is the detail), refused when it throws or
 * takes longer than CHECK_MS. A server that did not start is a refusal naming why.
 */
export async function check(client, clientVersion, name, framework, needs, run) {
  const line = { client, version: clientVersion, check: name, framework: framework.name };
  const server = framework[needs];
  requests = [];
  if (!server) {
    const why = framework.errors?.[needs] ?? `no ${needs} server`;
    console.log(JSON.stringify({ ...line, accepted: false, detail: `not run: ${why}` }));
    return;
  }
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_MS / 1000} s`)), CHECK_MS);
  });
  try {
    const detail = await Promise.race([run(server), timeout]);
    console.log(JSON.stringify({ ...line, accepted: true, detail: withRequests(detail) }));
  } catch (error) {
    console.log(JSON.stringify({ ...line, accepted: false, detail: withRequests(describe(error)) }));
  } finally {
    clearTimeout(timer);
  }
}

function withRequests(detail) {
  return requests.length === 0 ? detail : `${detail} — ${requests.join('; ')}`;
}

/** Throws unless `actual` is `expected`: what the client returned is what was served. */
export function same(what, actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);
  }
}
