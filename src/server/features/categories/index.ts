// What other features (the CLI, the demo) may use of case categories: the service, its routes and
// the import of the urban-grid standard's classes.
export { categoriesRoutes } from './routes.js';
export { createCategoriesService, importStandard, type CategoriesService } from './service.js';
export { ensureCategoryPaths, type EnsuredPaths } from './ensure-paths.js';
