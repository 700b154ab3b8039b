// The feature's public surface: the app and other features import only this file.
export { categoriesWithCountsQuery, createCategory, findCategoryBySlug } from './queries'
export { categoryRoutes } from './routes'
export { categoriesQuery } from './schemas'
