import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver, VantResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig, type Plugin } from 'vite';

// Vant's icon font names a copy on a CDN (at.alicdn.com) after the one inlined in its CSS. The pages
// load nothing from other hosts (their Content-Security-Policy refuses it; phones may be offline), so
// the CDN copy is left out of the build.
const noCdnFont: Plugin = {
  name: 'linli:no-cdn-font',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]vant[\\/].*\.css$/.test(id.split('?')[0])) return null;
    return code.replace(/,\s*url\((?:https?:)?\/\/at\.alicdn\.com\/[^)]*\)\s*format\([^)]*\)/g, '');
  },
};

// Four single-page apps from one build: the console (served at /), the phone pages (at /m/), the
// residents' report and tracking pages (at /r/, kept small: they open from a QR code), and the
// self-service kiosk with the hall's call screen (at /kiosk/).
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [noCdnFont, vue(), Components({ resolvers: [ElementPlusResolver(), VantResolver()], dts: false })],
  // vue-i18n compile-time flags: composition API only (smaller bundles), no devtools hooks in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        admin: 'src/web/admin/index.html',
        h5: 'src/web/h5/index.html',
        report: 'src/web/report/index.html',
        kiosk: 'src/web/kiosk/index.html',
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
