import type { Me, PublicConfig } from '../api-types';
import { http } from '../http';

export const getPublicConfig = () => http.get<PublicConfig>('/public/config');

export const login = (username: string, password: string) =>
  http.post<Me>('/auth/login', { username, password }, { skipAuthRedirect: true });

export const logout = () => http.post<void>('/auth/logout', undefined, { skipAuthRedirect: true });

export const getMe = () => http.get<Me>('/me', { skipAuthRedirect: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  http.post<void>('/me/password', { currentPassword, newPassword });
