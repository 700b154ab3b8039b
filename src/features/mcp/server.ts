import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type Tool as ListedTool,
} from '@modelcontextprotocol/sdk/types.js'
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker'
import { toJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { roleRefusal, scopeRefusal } from './scope'
import { TOOLS, TOOLS_BY_NAME } from './tool-list'
import type { ToolContext } from './tool'

/** A base64 image of 10 MB is about 14 MB of JSON; nothing else comes close. */
export const MAX_MCP_REQUEST_BYTES = 15 * 1024 * 1024

/** Errors quote what was sent only this far: a huge argument does not come back whole. */
const MAX_ISSUE_LENGTH = 200

let listed: ListedTool[] | null = null

/** The tools as `tools/list` describes them, input schemas made from the valibot ones. */
function listedTools(): ListedTool[] {
  listed ??= TOOLS.map((tool) => ({
    name: tool.name,
    title: tool.title,
    description: `${tool.description} Needs the ${tool.scope} scope${tool.editorsOnly ? ', and the owner’s or an editor’s account' : ''}.`,
    inputSchema: toJsonSchema(tool.input, {
      typeMode: 'input',
      errorMode: 'ignore',
    }) as ListedTool['inputSchema'],
    outputSchema: tool.output as ListedTool['outputSchema'],
    annotations: { title: tool.title, ...tool.annotations },
  }))
  return listed
}

function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] }
}

function issuesText(issues: v.BaseIssue<unknown>[]) {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.') || 'arguments'
      return `${path}: ${issue.message}`.slice(0, MAX_ISSUE_LENGTH)
    })
    .join('; ')
}

/** One `tools/call`: scope, then arguments, then the tool; its failures become tool errors. */
async function callTool(ctx: ToolContext, name: string, args: unknown): Promise<CallToolResult> {
  const tool = TOOLS_BY_NAME.get(name)
  if (!tool)
    throw new McpError(
      ErrorCode.InvalidParams,
      `Unknown tool: ${name.slice(0, 100)}. tools/list names them.`,
    )
  const refusal =
    (tool.editorsOnly ? roleRefusal(ctx.agent, tool.name) : null) ??
    scopeRefusal(ctx.agent, tool.scope, tool.name)
  if (refusal) return toolError(refusal)
  const parsed = v.safeParse(tool.input, args ?? {})
  if (!parsed.success) return toolError(`Invalid arguments: ${issuesText(parsed.issues)}`)
  try {
    const outcome = await tool.run(ctx, parsed.output)
    if (!outcome.ok) return toolError(outcome.message)
    return {
      content: [{ type: 'text', text: JSON.stringify(outcome.data) }],
      structuredContent: outcome.data,
    }
  } catch (error) {
    console.error(`MCP tool ${tool.name} failed.`, error)
    return toolError(`${tool.name} failed on the server; nothing more is known. Try again later.`)
  }
}

/**
 * One MCP request over Streamable HTTP, statelessly: a server and a transport for this request
 * only, answering with JSON (no stream). Everything a call needs arrives with it: the agent was
 * authenticated by the route.
 */
export async function handleMcpRequest(ctx: ToolContext): Promise<Response> {
  const server = new Server(
    { name: 'edge-blog', title: ctx.site.name, version: '1.0.0' },
    {
      capabilities: { tools: {} },
      // The default validator (Ajv) compiles schemas with `new Function`, which workerd refuses.
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
      instructions: `Tools to work on the blog “${ctx.site.name}” as ${ctx.agent.user.name}. Read a post with get_post before changing it and send its version back; new posts and notes are drafts until publish_post or schedule_post.`,
    },
  )
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listedTools() }))
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    callTool(ctx, request.params.name, request.params.arguments),
  )
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_MCP_REQUEST_BYTES,
  })
  await server.connect(transport)
  return transport.handleRequest(ctx.request)
}
