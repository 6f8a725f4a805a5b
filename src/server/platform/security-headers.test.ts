import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { tileSource } from './security-headers.js';

describe('the tile server the pages may load images from', () => {
  it('is the origin of the tile URL, with * for a {s} in the first label of the host', () => {
    expect(tileSource('https://tiles.example.gov.cn/{z}/{x}/{y}.png')).toBe('https://tiles.example.gov.cn');
    expect(tileSource('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(tileSource('https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY&TILECOL={x}')).toBe('https://*.tianditu.gov.cn');
    expect(tileSource('http://10.0.0.5:8080/{z}/{x}/{y}.png')).toBe('http://10.0.0.5:8080');
    expect(tileSource('HTTPS://Tiles.Example.GOV.cn/{z}/{x}/{y}.png')).toBe('https://tiles.example.gov.cn');
  });

  it('is none when there is no tile server or the tiles come from this server', () => {
    expect(tileSource('')).toBeNull();
    expect(tileSource('/tiles/{z}/{x}/{y}.png')).toBeNull();
  });

  it('cannot be a URL without a host the policy can name, and the configuration says so at start', () => {
    for (const url of [
      'tiles.example.gov.cn/{z}/{x}/{y}.png',
      '//tiles.example.gov.cn/{z}/{x}/{y}.png',
      'https://tiles.{s}.example.gov.cn/{z}.png',
      'https://{s}.cn/{z}.png',
      'https://user@tiles.example.gov.cn/{z}.png',
      "https://tiles.example.gov.cn;script-src'unsafe-inline'/{z}.png",
    ]) {
      expect(tileSource(url), url).toBeUndefined();
      expect(() => loadConfig({ MAP_TILE_URL: url }), url).toThrow(ConfigError);
    }
    expect(loadConfig({ MAP_TILE_URL: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png' }).MAP_TILE_URL).toContain(
      '{s}',
    );
  });

  it('takes the {s} subdomains the tile server answers on: 天地图 t0…t7 as 01234567 or a list', () => {
    expect(loadConfig({}).MAP_TILE_SUBDOMAINS).toEqual([]);
    expect(loadConfig({ MAP_TILE_SUBDOMAINS: '01234567' }).MAP_TILE_SUBDOMAINS).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(loadConfig({ MAP_TILE_SUBDOMAINS: 'a1,b1' }).MAP_TILE_SUBDOMAINS).toEqual(['a1', 'b1']);
    for (const bad of ['t0 t1', 'a,,b', '0/1'])
      expect(() => loadConfig({ MAP_TILE_SUBDOMAINS: bad }), bad).toThrow(ConfigError);
  });
});
