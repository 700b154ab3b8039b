import { getAudienceTool } from './tools/audience-tools'
import { approveCommentTool, listCommentsTool, spamCommentTool } from './tools/comment-tools'
import { uploadImageTool } from './tools/image-tools'
import { createNoteTool } from './tools/note-tools'
import { publishPostTool, schedulePostTool, unpublishPostTool } from './tools/publish-tools'
import { getPostTool, listCategoriesTool, listPostsTool, searchPostsTool } from './tools/read-tools'
import { getSubscriberCountsTool } from './tools/subscriber-tools'
import { createPostTool, updatePostTool } from './tools/write-tools'

/** Every tool, in the order clients list them. */
export const TOOLS = [
  searchPostsTool,
  listPostsTool,
  getPostTool,
  createPostTool,
  updatePostTool,
  publishPostTool,
  schedulePostTool,
  unpublishPostTool,
  createNoteTool,
  uploadImageTool,
  listCategoriesTool,
  getAudienceTool,
  listCommentsTool,
  approveCommentTool,
  spamCommentTool,
  getSubscriberCountsTool,
]

export const TOOLS_BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]))
