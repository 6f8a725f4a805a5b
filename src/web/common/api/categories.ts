import type {
  CategoryCreateInput,
  CategoryDetail,
  CategoryImportResult,
  CategoryList,
  CategoryPatchInput,
  CategoryVersion,
  ListResponse,
} from '../api-types';
import { http } from '../http';

// 事项分类: the category tree with its limits, edits with history, and the import of the standard's classes.

export const listAllCategories = (signal?: AbortSignal) => http.get<CategoryList>('/categories', { signal });
export const createCategory = (input: CategoryCreateInput) => http.post<CategoryDetail>('/categories', input);
export const updateCategory = (code: string, input: CategoryPatchInput) =>
  http.patch<CategoryDetail>(`/categories/${encodeURIComponent(code)}`, input);
export const deleteCategory = (code: string) => http.delete<void>(`/categories/${encodeURIComponent(code)}`);
export const categoryVersions = (code: string, signal?: AbortSignal) =>
  http.get<ListResponse<CategoryVersion>>(`/categories/${encodeURIComponent(code)}/versions`, { signal });
export const importStandardCategories = () => http.post<CategoryImportResult>('/categories/import-standard');
