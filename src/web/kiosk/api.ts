// The kiosk's calls: every one carries the device token (kept in this browser's localStorage, set
// once by staff). Typed from the server's schemas.
import type { z } from '@hono/zod-openapi';
import type {
  KioskCatalogueSchema,
  KioskMeSchema,
  KioskPersonSchema,
  KioskServiceSchema,
  KioskTicketSchema,
} from '../../server/features/services/kiosk/schemas';
import { ApiError, request } from '../common/http';
import { i18n } from './i18n';

export type KioskMe = z.infer<typeof KioskMeSchema>;
export type KioskPerson = z.infer<typeof KioskPersonSchema>;
export type KioskCatalogue = z.infer<typeof KioskCatalogueSchema>;
export type KioskService = z.infer<typeof KioskServiceSchema>;
export type KioskTicket = z.infer<typeof KioskTicketSchema>;

const storageKey = 'linli.kiosk.token';
export const savedToken = () => {
  try {
    return localStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
};
export const saveToken = (token: string) => localStorage.setItem(storageKey, token);
export const forgetToken = () => localStorage.removeItem(storageKey);

const headers = (token = savedToken()) => ({ 'X-Kiosk-Token': token });

export const kioskApi = {
  me: (token?: string) => request<KioskMe>('GET', '/kiosk/me', { headers: headers(token) }),
  lookup: (idNumber: string) =>
    request<KioskPerson>('POST', '/kiosk/lookup', { headers: headers(), body: { idNumber } }),
  catalogue: () => request<KioskCatalogue>('GET', '/kiosk/catalogue', { headers: headers() }),
  service: (kind: 'items' | 'bundles', id: string) =>
    request<KioskService>('GET', `/kiosk/${kind}/${id}`, { headers: headers() }),
  ticket: (choice: { itemId?: string; bundleId?: string }) =>
    request<KioskTicket>('POST', '/kiosk/tickets', { headers: headers(), body: choice }),
  /** The pre-filled form as a PDF blob. */
  async print(body: {
    idNumber: string;
    itemId?: string;
    bundleId?: string;
    answers: Record<string, unknown>;
    ticketId?: string;
  }) {
    const response = await fetch('/api/v1/kiosk/print', {
      method: 'POST',
      headers: { ...headers(), 'Content-Type': 'application/json', 'Accept-Language': i18n.locale },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    if (!response.ok) {
      const error = (
        (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; details?: unknown } }
      ).error;
      throw new ApiError(
        response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? '',
        error?.details,
      );
    }
    return response.blob();
  },
};
