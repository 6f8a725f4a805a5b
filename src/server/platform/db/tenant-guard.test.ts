import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { asTenant, currentTenant, tenantOfPaths } from './tenant-guard.js';

describe('the tenant guard', () => {
  it('reads the county of place paths, and none when they lie in two or above a county', () => {
    expect(tenantOfPaths(['/61/6108/610801/', '/61/6108/610801/610801001/'])).toBe('610801');
    expect(tenantOfPaths(['/61/6108/610801/', '/61/6108/610802/'])).toBeNull();
    expect(tenantOfPaths([])).toBeNull();
    expect(tenantOfPaths(['/61/6108/'])).toBeNull();
  });

  it('keeps the county across awaits of one request, and none outside', async () => {
    expect(currentTenant()).toBeNull();
    const seen = await asTenant('610801', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentTenant();
    });
    expect(seen).toBe('610801');
    expect(asTenant(null, currentTenant)).toBeNull();
  });

  it('needs a PostgreSQL server', () => {
    expect(() => loadConfig({ TENANT_GUARD: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ TENANT_GUARD: 'true', DATABASE_URL: 'postgres://x@localhost/y' }).TENANT_GUARD).toBe(true);
  });
});
