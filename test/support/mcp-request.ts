/**
 * A JSON-RPC message to `/mcp` as an MCP client posts it with a bearer token (Streamable HTTP),
 * for the Node-side tests that talk to a running Worker without the SDK's client.
 */
export function mcpRequest(token: string, message: Record<string, unknown>): RequestInit {
  return {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', ...message }),
  }
}
