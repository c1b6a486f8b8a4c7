// The MCP TypeScript SDK: `discoverAuthorizationServerMetadata` of the example provider, and
// `discoverOAuthProtectedResourceMetadata` of the protected-resource document followed by what
// the SDK's `auth()` does with it: `selectResourceURL` (the resource must match the server URL)
// and `discoverAuthorizationServerMetadata` of its first authorization server. The SDK sends
// `MCP-Protocol-Version` with each request and has no https switch (it fetches http as well).

import {
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
  selectResourceURL,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { check, config, same, version } from './common.mjs';

const NAME = '@modelcontextprotocol/sdk';
const VERSION = version(NAME);

async function authorizationServer(url, issuer) {
  const metadata = await discoverAuthorizationServerMetadata(url);
  if (metadata === undefined) {
    throw new Error(`no authorization server metadata found for ${url}`);
  }
  same('issuer', metadata.issuer, issuer);
  return metadata;
}

for (const framework of config.frameworks) {
  await check(NAME, VERSION, 'provider metadata, RFC 8414 location', framework, 'example', async (server) => {
    const metadata = await authorizationServer(server.url, server.issuer);
    return `issuer ${metadata.issuer}`;
  });
  await check(NAME, VERSION, 'protected-resource metadata', framework, 'resource', async (server) => {
    const metadata = await discoverOAuthProtectedResourceMetadata(server.resource);
    same('authorization_servers', metadata.authorization_servers, server.authorization_servers);
    const resource = await selectResourceURL(server.resource, {}, metadata);
    same('selected resource', resource?.href, new URL(server.resource).href);
    const first = metadata.authorization_servers[0];
    const as = await authorizationServer(first, first);
    return `resource ${metadata.resource}; then issuer ${as.issuer}`;
  });
}
