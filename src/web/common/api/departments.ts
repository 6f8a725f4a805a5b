import type { Department, ListResponse } from '../api-types';
import { http } from '../http';

export const listDepartments = (signal?: AbortSignal) => http.get<ListResponse<Department>>('/departments', { signal });
