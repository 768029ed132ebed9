import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const platform = process.env.TARO_ENV ?? 'weapp';

// H5 is served by the BFF from the same origin; the weapp talks to a local BFF unless told otherwise.
const apiBase = process.env.TARO_APP_API_BASE ?? (platform === 'h5' ? '' : 'http://localhost:3000');

// Workspace packages resolve to their real path (outside node_modules) and zod ships modern syntax:
// both go through the app's babel so every target gets code it can run.
const transpiled = [
  (file: string) => /[\\/]shared-types[\\/]dist[\\/]/.test(file),
  (file: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(file),
];

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'omni-shop',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    // The only build-time variables the app sees; src/config.ts reads them.
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      TARO_APP_AMAP_KEY: JSON.stringify(process.env.TARO_APP_AMAP_KEY ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: transpiled },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        url: { enable: true, config: { limit: 1024 } },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routes let the BFF serve dist/h5 as plain static files.
      router: { mode: 'hash' },
      // Plain HTML elements instead of web components: class names land on the real <input>/<button>.
      useHtmlComponents: true,
      compile: { include: transpiled },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Size is watched by hand for H5; webpack's 244 KiB hint only adds noise to every build.
      webpackChain(chain) {
        chain.performance.hints(false);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return merge({}, base, mode === 'development' ? devConfig : prodConfig);
});
