// The feature's public surface: the app and other features import only this file.
export { searchRoutes } from './routes'
export { searchQuerySchema } from './schemas'
export { searchPosts, SEARCH_LIMIT } from './queries'
export { MATCH_END, MATCH_START, MAX_QUERY_LENGTH, toFtsQuery } from './search-query'
