import type { BaseMap, Me, PublicConfig } from '../api-types';
import { http } from '../http';

export const getPublicConfig = () => http.get<PublicConfig>('/public/config');
export const getBaseMap = () => http.get<BaseMap>('/public/base-map');

export const login = (username: string, password: string) =>
  http.post<Me>('/auth/login', { username, password }, { skipAuthRedirect: true });

export const logout = () => http.post<void>('/auth/logout', undefined, { skipAuthRedirect: true });

export const getMe = () => http.get<Me>('/me', { skipAuthRedirect: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  http.post<void>('/me/password', { currentPassword, newPassword });

/** Residents: a one-time code by SMS, then log in with phone + code (a resident account is made the first time). */
export const sendLoginCode = (phone: string) =>
  http.post<void>('/public/login-code', { phone }, { skipAuthRedirect: true });

export const phoneLogin = (phone: string, code: string) =>
  http.post<Me>('/auth/phone-login', { phone, code }, { skipAuthRedirect: true });
